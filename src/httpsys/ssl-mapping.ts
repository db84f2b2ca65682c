import type { MappingKind } from './mapping-key.js';
import type { SslOptionValue } from './ssl-options.js';

export type { MappingKind } from './mapping-key.js';

/** One option line as read: nothing printed is dropped, so an update can carry it over. */
export interface SslOption {
  /** Stable name from the option catalog, or `unknown` for a line this version does not know. */
  name: string;
  /** The label as netsh printed it (possibly localized), or the JSON property name. */
  label: string;
  /** The value as printed. */
  raw: string;
  value: SslOptionValue;
  /** The `add/update sslcert` parameter that sets it; null where netsh has none. */
  parameter: string | null;
}

/** A ` Extended Properties:` block; its fields include the `PropertyId` line. Empty blocks are kept. */
export interface ExtendedPropertyBlock {
  label: string;
  propertyId: number | null;
  fields: SslOption[];
}

/**
 * An http.sys SSL certificate mapping (docs/domain.md §5). Raw texts are null when the line was absent.
 * Read from text, the option and extended-property objects are frozen and shared between mappings
 * that print the same lines (each mapping has arrays of its own): build new ones, never edit them.
 */
export interface SslMapping {
  kind: MappingKind;
  key: string;
  keyLabel: string;
  address: string | null;
  host: string | null;
  port: number | null;
  /** 40 upper-case hex characters, or null (none for CCS; masked, redacted or placeholder in some captures). */
  certificateHash: string | null;
  certificateHashRaw: string | null;
  /** Braced lower-case GUID, or null when absent or not a GUID. */
  appId: string | null;
  appIdRaw: string | null;
  /** null when netsh shows `(null)`, which means MY. */
  certificateStoreName: string | null;
  certificateStoreNameRaw: string | null;
  options: SslOption[];
  extendedProperties: ExtendedPropertyBlock[];
  /** What was odd about this mapping as read (a hash that is not 40 hex, a key of the wrong shape...). */
  notes: string[];
}

const hex40 = /^[0-9a-fA-F]{40}$/;
const guid = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

const bracedLowerGuid = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/;

const isEmpty = (raw: string | null) => raw === null || raw === '' || raw === '(null)';

/** Upper-case 40 hex, or null with a note for masked (`...afXXX`), redacted or placeholder hashes. */
export function normalizeCertificateHash(raw: string | null, kind: MappingKind, notes: string[]): string | null {
  if (raw !== null && hex40.test(raw)) return raw.toUpperCase();
  const ccs = kind === 'ccs' || kind === 'scopedccs';
  if (isEmpty(raw)) {
    if (!ccs && raw !== null) notes.push('no certificate hash is printed for this mapping');
    return null;
  }
  notes.push(`certificate hash '${raw}' is not 40 hexadecimal characters (masked or placeholder?); kept as raw text only`);
  return null;
}

/** `{lower-case-guid}`, or null with a note when the printed value is not a GUID. */
export function normalizeAppId(raw: string | null, notes: string[]): string | null {
  if (raw !== null && bracedLowerGuid.test(raw)) return raw; // as netsh prints it: no new string
  const match = raw === null ? null : guid.exec(raw);
  if (match) return `{${match[1]!.toLowerCase()}}`;
  if (!isEmpty(raw)) notes.push(`application id '${raw}' is not a GUID; kept as raw text only`);
  return null;
}

/** `(null)` and empty mean "no store name", which http.sys reads as MY. */
export function normalizeStoreName(raw: string | null): string | null {
  return isEmpty(raw) ? null : raw;
}
