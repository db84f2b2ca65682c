import { kindOfKeyShape, parseMappingKey, type MappingKind } from './mapping-key.js';
import { normalizeAppId, normalizeCertificateHash, normalizeStoreName, type SslMapping, type SslOption } from './ssl-mapping.js';
import { optionByParameter, typeOptionValue } from './ssl-options.js';
import { keyLabelOfKind } from './sslcert-labels.js';

export type SslcertJsonParse =
  | { ok: true; mappings: SslMapping[]; notes: string[] }
  /** Not JSON, or JSON of a shape we do not know: the caller falls back to the text form. */
  | { ok: false; reason: string };

/**
 * `HTTP_SERVICE_CONFIG_ID` values (http.h) as `ConfigType` may carry them: SslCertInfo 1,
 * SslSniCertInfo 5, SslCcsCertInfo 6, their Ex variants 8-10, ScopedCcs 11-12.
 */
const kindOfConfigType: Readonly<Record<number, MappingKind>> = { 1: 'ipport', 8: 'ipport', 5: 'hostnameport', 9: 'hostnameport', 6: 'ccs', 10: 'ccs', 11: 'scopedccs', 12: 'scopedccs' };

const keyProperties: readonly [string, MappingKind | undefined][] = [
  ['ipport', undefined],
  ['hostnameport', 'hostnameport'],
  ['scopedccs', 'scopedccs'],
  ['ccs', 'ccs'],
  ['ccsport', 'ccs'],
];
const consumed = new Set(['configtype', 'appid', 'guidstring', 'sslhash', 'certhash', 'sslcertstorename', 'certstorename', ...keyProperties.map(([name]) => name)]);

/**
 * Parses `netsh http show sslcert json=enable`. Its shape is only partly known (docs/netsh.md
 * §1.2: `{ SslCertificateBindings: [{ IpPort, ConfigType, AppId, SslHash, SslCertStoreName }],
 * message, status }`, SslHash as hex or base64): known properties are read, every other one is
 * kept as an option. Never throws.
 */
export function parseSslcertJson(text: string): SslcertJsonParse {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `the output is not JSON (${(error as Error).message})` };
  }
  if (!isObject(document)) return { ok: false, reason: 'the JSON is not an object' };
  const list = property(document, 'sslcertificatebindings');
  if (list === undefined || list === null) {
    const message = property(document, 'message');
    return { ok: false, reason: `the JSON has no SslCertificateBindings list${typeof message === 'string' && message ? ` (message: ${message})` : ''}` };
  }
  if (!Array.isArray(list)) return { ok: false, reason: 'SslCertificateBindings in the JSON is not a list' };
  const notes: string[] = [];
  const mappings: SslMapping[] = [];
  list.forEach((binding, index) => {
    const mapping = isObject(binding) ? readBinding(binding) : undefined;
    if (mapping) mappings.push(mapping);
    else notes.push(`SslCertificateBindings[${index}] has no key this version can read: ${JSON.stringify(binding)}`);
  });
  return { ok: true, mappings, notes };
}

function readBinding(binding: Record<string, unknown>): SslMapping | undefined {
  const found = keyProperties.map(([name, kind]) => ({ value: property(binding, name), kind })).find((entry) => typeof entry.value === 'string' || typeof entry.value === 'number');
  if (!found) return undefined;
  const key = String(found.value);
  const configType = property(binding, 'configtype');
  const kind = (typeof configType === 'number' ? kindOfConfigType[configType] : undefined) ?? found.kind ?? kindOfKeyShape(key) ?? 'ipport';
  const notes: string[] = [];
  const parts = parseMappingKey(kind, key);
  if (parts.problem) notes.push(`key ${parts.problem}`);
  const hashValue = property(binding, 'sslhash') ?? property(binding, 'certhash');
  const hashRaw = textOf(hashValue);
  const appIdRaw = textOf(property(binding, 'appid') ?? property(binding, 'guidstring'));
  const storeRaw = textOf(property(binding, 'sslcertstorename') ?? property(binding, 'certstorename'));
  return {
    kind,
    key,
    keyLabel: keyLabelOfKind[kind],
    address: parts.address,
    host: parts.host,
    port: parts.port,
    certificateHash: normalizeCertificateHash(hashHex(hashValue), kind, notes),
    certificateHashRaw: hashRaw,
    appId: normalizeAppId(appIdRaw, notes),
    appIdRaw,
    certificateStoreName: normalizeStoreName(storeRaw),
    certificateStoreNameRaw: storeRaw,
    options: Object.entries(binding)
      .filter(([name]) => !consumed.has(name.toLowerCase()))
      .map(([name, value]) => readOption(name, value)),
    extendedProperties: [],
    notes,
  };
}

function readOption(label: string, value: unknown): SslOption {
  const raw = value === null ? '(null)' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const spec = optionByParameter(label);
  const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (!spec || !scalar) return { name: 'unknown', label, raw, value: scalar ? (value as SslOption['value']) : raw, parameter: null };
  return { name: spec.name, label, raw, value: typeof value === 'string' ? typeOptionValue(spec.type, value) : (value as SslOption['value']), parameter: spec.parameter };
}

/** SslHash as hex text, base64 of the 20 bytes (.NET byte[]), or a list of byte values; as hex for normalizing. */
function hashHex(value: unknown): string | null {
  if (Array.isArray(value) && value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) {
    return Buffer.from(value as number[]).toString('hex');
  }
  if (typeof value !== 'string') return textOf(value);
  if (/^[0-9a-fA-F]{40}$/.test(value) || !/^[A-Za-z0-9+/]{27}=$/.test(value)) return value;
  return Buffer.from(value, 'base64').toString('hex');
}

function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON property names compared without case (the known consumers disagree on `message` vs `Message`). */
function property(object: Record<string, unknown>, lowerCaseName: string): unknown {
  for (const [name, value] of Object.entries(object)) if (name.toLowerCase() === lowerCaseName) return value;
  return undefined;
}
