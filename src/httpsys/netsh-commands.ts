import { HttpApiError } from '../errors.js';
import { accountNameProblem } from './account-name.js';
import { mappingKeyProblem, type MappingKind } from './mapping-key.js';
import { ctlIdentifierMaxLength, netshTokenProblem, storeNameMaxLength } from './netsh-token.js';
import { sddlProblem } from './sddl.js';
import { optionByParameter, sslOptionCatalog, type SslOptionSpec } from './ssl-options.js';
import { urlPrefixProblem } from './url-prefix.js';

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

// The protocol schemas run the same checks first (a -32602 naming the field); these guard the
// callers that build commands from values read back from netsh (undo steps, carried options).
const invalid = (field: string, message: string, value?: unknown) => new HttpApiError('INVALID_ARGUMENT', `${field}: ${message}`, { field, value });

function checked(field: string, value: string, problem: string | null): string {
  if (problem) throw invalid(field, problem, value.length > 200 ? `${value.slice(0, 200)}...` : value);
  return value;
}

const guid = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** Checks a key against its kind (docs/domain.md §5) and returns the `kind=key` argument. */
export function keyArgument(kind: MappingKind, key: string): string {
  const problem = mappingKeyProblem(kind, key);
  return `${kind}=${checked('key', key, problem ? `${problem} (kind ${kind})` : null)}`;
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

type OptionArgument = { spec: SslOptionSpec; argument: string } | { problem: string };

const knownParameters = () => sslOptionCatalog.flatMap((option) => (option.parameter ? [option.parameter] : [])).join(', ');

/** One option as its netsh argument, or why it cannot be one (the protocol schema reports the same problem). */
export function sslOptionArgument(name: string, value: string | number | boolean): OptionArgument {
  const spec = optionByParameter(name);
  if (!spec || spec.parameter === null || !sslOptionCatalog.includes(spec)) return { problem: `not a netsh sslcert parameter; known: ${knownParameters()}` };
  if (spec.type === 'boolean') {
    const words: Record<string, string> = { true: 'enable', enabled: 'enable', enable: 'enable', false: 'disable', disabled: 'disable', disable: 'disable' };
    const word = words[String(value).toLowerCase()];
    return word ? { spec, argument: `${spec.parameter}=${word}` } : { problem: `takes true/false (enable/disable), not '${String(value).slice(0, 40)}'` };
  }
  if (spec.type === 'uint') {
    const number = typeof value === 'number' ? value : /^\d{1,10}$/.test(String(value)) ? Number(value) : NaN;
    if (!Number.isInteger(number) || number < 0 || number > 0xffffffff) return { problem: `takes a whole number from 0 to 4294967295, not '${String(value).slice(0, 40)}'` };
    return { spec, argument: `${spec.parameter}=${number}` };
  }
  const text = String(value);
  const problem = netshTokenProblem(text, spec.parameter === 'sslctlidentifier' ? ctlIdentifierMaxLength : storeNameMaxLength);
  return problem ? { problem } : { spec, argument: `${spec.parameter}=${text}` };
}

function optionArgument(name: string, value: string | number | boolean): { spec: SslOptionSpec; argument: string } {
  const result = sslOptionArgument(name, value);
  if ('problem' in result) throw invalid(`options.${name}`, result.problem, value);
  return result;
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
    argv.push(`certstorename=${checked('certificateStoreName', change.certificateStoreName, netshTokenProblem(change.certificateStoreName, storeNameMaxLength))}`);
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

/** A full UrlPrefix (url-prefix.ts): scheme, host (`+`, `*`, a name or an address), explicit port, trailing slash (`http://+/` fails with 87). */
export function checkUrlPrefix(url: string): string {
  return checked('url', url, urlPrefixProblem(url));
}

/** `netsh http add urlacl url=... user=... listen=yes delegate=no` or `... sddl=...` (docs/netsh.md §1.5). */
export function urlaclAddArgv(addition: UrlaclAddition): string[] {
  const argv = ['http', 'add', 'urlacl', `url=${checkUrlPrefix(addition.url)}`];
  const users = addition.users ?? [];
  if (users.length > 0 && addition.sddl !== undefined) throw invalid('sddl', 'give either users or an SDDL, not both');
  if (addition.sddl !== undefined) {
    return [...argv, `sddl=${checked('sddl', addition.sddl, sddlProblem(addition.sddl))}`];
  }
  if (users.length === 0) throw invalid('users', 'give one user (with listen/delegate) or an SDDL');
  if (users.length > 1) throw invalid('users', 'netsh add urlacl takes one user; give several users as one SDDL (e.g. D:(A;;GX;;;BU)(A;;GX;;;LS))');
  const user = users[0]!;
  if (user.listen === false && !user.delegate) throw invalid('users.0', 'grants nothing: set listen or delegate');
  return [...argv, `user=${checked('users.0.user', user.user, accountNameProblem(user.user))}`, `listen=${user.listen === false ? 'no' : 'yes'}`, `delegate=${user.delegate ? 'yes' : 'no'}`];
}

export function urlaclDeleteArgv(url: string): string[] {
  return ['http', 'delete', 'urlacl', `url=${checkUrlPrefix(url)}`];
}
