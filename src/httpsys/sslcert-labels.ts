import type { MappingKind } from './mapping-key.js';
import { normalizeLabel } from './text-lines.js';

/**
 * Key-line labels of `netsh http show sslcert` (docs/netsh.md §2.3). `IP:port` and
 * `Hostname:port` are in real captures; the CCS labels are not: `Central Certificate Store`
 * appears in one public test of netsh output, `CCS:port` and `Scoped CCS:port` in a test
 * helper that parses real netsh on Windows CI. All are accepted; unknown key labels fall
 * back to the value's shape.
 */
export const keyLabels: readonly { label: string; kind: MappingKind }[] = [
  { label: 'IP:port', kind: 'ipport' },
  { label: 'Hostname:port', kind: 'hostnameport' },
  { label: 'Central Certificate Store', kind: 'ccs' },
  { label: 'CCS:port', kind: 'ccs' },
  { label: 'Scoped CCS:port', kind: 'scopedccs' },
  { label: 'Scoped Central Certificate Store', kind: 'scopedccs' },
];

/** The label each kind is printed with when we render a capture ourselves. */
export const keyLabelOfKind: Readonly<Record<MappingKind, string>> = {
  ipport: 'IP:port',
  hostnameport: 'Hostname:port',
  ccs: 'Central Certificate Store',
  scopedccs: 'Scoped CCS:port',
};

export type MainField = 'certificateHash' | 'appId' | 'certificateStoreName';

/** The three fields that follow the key in every era, in this order. */
export const mainFieldOrder: readonly MainField[] = ['certificateHash', 'appId', 'certificateStoreName'];

export const mainFieldLabels: Readonly<Record<MainField, string>> = {
  certificateHash: 'Certificate Hash',
  appId: 'Application ID',
  certificateStoreName: 'Certificate Store Name',
};

const keyKinds = new Map(keyLabels.map((entry) => [normalizeLabel(entry.label), entry.kind]));
const mainFields = new Map((Object.entries(mainFieldLabels) as [MainField, string][]).map(([field, label]) => [normalizeLabel(label), field]));

export function keyKindOfLabel(normalizedLabel: string): MappingKind | undefined {
  return keyKinds.get(normalizedLabel);
}

export function mainFieldOfLabel(normalizedLabel: string): MainField | undefined {
  return mainFields.get(normalizedLabel);
}
