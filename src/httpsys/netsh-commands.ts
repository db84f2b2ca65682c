import { HttpApiError } from '../errors.js';
import { parseMappingKey, type MappingKind } from './mapping-key.js';
import { optionByParameter, sslOptionCatalog, type SslOptionSpec } from './ssl-options.js';

export type SslOptionInput = Record<string, string | number | boolean>;

export interface SslcertChange {
  kind: MappingKind;
  key: string;
  certificateHash?: string;
  appId: string;
  certificateStoreName?: string;
  /** netsh parameters (or catalog names) with their values: `{ clientcertnegotiation: true }`. */
  options?: SslOptionInput;
}

export interface UrlaclAddition {
  url: string;
  users?: { user: string; listen?: boolean; delegate?: boolean }[];
  sddl?: string;
}

const invalid = (field: string, message: string, value?: unknown) => new HttpApiError('INVALID_ARGUMENT', `${field}: ${message}`, { field, value });

/** Quotes and control characters cannot cross netsh's own command-line parsing intact. */
function plainValue(field: string, value: string): string {
  if (value === '' || /["\u0000-\u001f\u007f]/.test(value)) throw invalid(field, `'${value}' is empty or holds a quote or control character, which netsh cannot receive`, value);
  return value;
}

const hostName = /^(?:\*\.)?[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?(?:\.[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?)*$/u;
const guid = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** Checks a key against its kind (docs/domain.md §5) and returns the `kind=key` argument. */
export function keyArgument(kind: MappingKind, key: string): string {
  const parts = parseMappingKey(kind, key, 1);
  if (parts.problem) throw invalid('key', `${parts.problem} (kind ${kind})`, key);
  if (parts.host !== null && (parts.host.length > 253 || !hostName.test(parts.host))) {
    throw invalid('key', `'${parts.host}' is not a host name (letters, digits, hyphens and dots, optionally starting with *.)`, key);
  }
  return `${kind}=${key}`;
}

export function normalizeHashInput(hash: string): string {
  const compact = hash.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
  if (!/^[0-9a-fA-F]{40}$/.test(compact)) throw invalid('certificateHash', `'${hash}' is not a SHA-1 thumbprint (40 hexadecimal characters)`, hash);
  return compact.toUpperCase();
}

export function normalizeAppIdInput(appId: string): string {
  const match = guid.exec(appId);
  if (!match) throw invalid('appId', `'${appId}' is not a GUID such as {4dc3e181-e14b-4a21-b022-59fc669b0914}`, appId);
  return `{${match[1]!.toLowerCase()}}`;
}

function optionArgument(name: string, value: string | number | boolean): { spec: SslOptionSpec; argument: string } {
  const spec = optionByParameter(name);
  if (!spec || spec.parameter === null || !sslOptionCatalog.includes(spec)) {
    const known = sslOptionCatalog.flatMap((option) => (option.parameter ? [option.parameter] : [])).join(', ');
    throw invalid(`options.${name}`, `not a netsh sslcert parameter; known: ${known}`, value);
  }
  const field = `options.${name}`;
  if (spec.type === 'boolean') {
    const words: Record<string, string> = { true: 'enable', enabled: 'enable', enable: 'enable', false: 'disable', disabled: 'disable', disable: 'disable' };
    const word = words[String(value).toLowerCase()];
    if (!word) throw invalid(field, `takes true/false (enable/disable), not '${value}'`, value);
    return { spec, argument: `${spec.parameter}=${word}` };
  }
  if (spec.type === 'uint') {
    const number = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
    if (!Number.isInteger(number) || number < 0 || number > 0xffffffff) throw invalid(field, `takes a whole number from 0 to 4294967295, not '${value}'`, value);
    return { spec, argument: `${spec.parameter}=${number}` };
  }
  return { spec, argument: `${spec.parameter}=${plainValue(field, String(value))}` };
}

/**
 * `netsh http add|update sslcert ...` as an argv array (docs/netsh.md §1.3): a certificate
 * hash for ipport/hostnameport, none for ccs/scopedccs (the certificate comes from the Central
 * Certificate Store), options in the catalog's order.
 */
export function sslcertSetArgv(verb: 'add' | 'update', change: SslcertChange): string[] {
  const argv = ['http', verb, 'sslcert', keyArgument(change.kind, change.key)];
  const ccs = change.kind === 'ccs' || change.kind === 'scopedccs';
  if (ccs && change.certificateHash !== undefined) throw invalid('certificateHash', `a ${change.kind} mapping takes its certificate from the Central Certificate Store; give no hash`);
  if (!ccs && change.certificateHash === undefined) throw invalid('certificateHash', `a ${change.kind} mapping needs the certificate's hash (thumbprint)`);
  if (change.certificateHash !== undefined) argv.push(`certhash=${normalizeHashInput(change.certificateHash)}`);
  argv.push(`appid=${normalizeAppIdInput(change.appId)}`);
  if (change.certificateStoreName !== undefined) {
    if (ccs) throw invalid('certificateStoreName', `a ${change.kind} mapping has no certificate store`);
    if (!/^[\p{L}\p{N} _.-]+$/u.test(change.certificateStoreName)) throw invalid('certificateStoreName', `'${change.certificateStoreName}' is not a store name such as MY or WebHosting`, change.certificateStoreName);
    argv.push(`certstorename=${change.certificateStoreName}`);
  }
  const options = Object.entries(change.options ?? {}).map(([name, value]) => optionArgument(name, value));
  const seen = new Set<string>();
  for (const { spec } of options) {
    if (seen.has(spec.name)) throw invalid(`options.${spec.parameter}`, 'given twice (under two spellings)');
    seen.add(spec.name);
  }
  options.sort((a, b) => sslOptionCatalog.indexOf(a.spec) - sslOptionCatalog.indexOf(b.spec));
  return [...argv, ...options.map((option) => option.argument)];
}

export function sslcertDeleteArgv(kind: MappingKind, key: string): string[] {
  return ['http', 'delete', 'sslcert', keyArgument(kind, key)];
}

const urlPrefix = /^(https?):\/\/(\+|\*|\[[0-9A-Fa-f:.]+\]|[^\s/:?#[\]]+):(\d{1,5})(\/[^\s?#]*)?$/i;

/** A full UrlPrefix: scheme, host (`+`, `*`, a name or an address), explicit port, trailing slash (`http://+/` fails with 87). */
export function checkUrlPrefix(url: string): string {
  const match = urlPrefix.exec(url);
  if (!match) throw invalid('url', `'${url}' is not a URL prefix such as http://+:80/path/ (scheme, host or + or *, explicit port)`, url);
  const port = Number(match[3]);
  if (port < 1 || port > 65535) throw invalid('url', `'${url}' has port ${match[3]}, outside 1-65535`, url);
  if (!url.endsWith('/')) throw invalid('url', `'${url}' must end with a slash (${url}/)`, url);
  return plainValue('url', url);
}

/** `netsh http add urlacl url=... user=... listen=yes delegate=no` or `... sddl=...` (docs/netsh.md §1.5). */
export function urlaclAddArgv(addition: UrlaclAddition): string[] {
  const argv = ['http', 'add', 'urlacl', `url=${checkUrlPrefix(addition.url)}`];
  const users = addition.users ?? [];
  if (users.length > 0 && addition.sddl !== undefined) throw invalid('sddl', 'give either users or an SDDL, not both');
  if (addition.sddl !== undefined) {
    if (!/^(?:[OGDS]:\S*)+$/.test(addition.sddl)) throw invalid('sddl', `'${addition.sddl}' is not an SDDL string such as D:(A;;GX;;;WD)`, addition.sddl);
    return [...argv, `sddl=${plainValue('sddl', addition.sddl)}`];
  }
  if (users.length === 0) throw invalid('users', 'give one user (with listen/delegate) or an SDDL');
  if (users.length > 1) throw invalid('users', 'netsh add urlacl takes one user; give several users as one SDDL (e.g. D:(A;;GX;;;BU)(A;;GX;;;LS))');
  const user = users[0]!;
  return [...argv, `user=${plainValue('users.0.user', user.user)}`, `listen=${user.listen === false ? 'no' : 'yes'}`, `delegate=${user.delegate ? 'yes' : 'no'}`];
}

export function urlaclDeleteArgv(url: string): string[] {
  return ['http', 'delete', 'urlacl', `url=${checkUrlPrefix(url)}`];
}
