import { isIPv6 } from 'node:net';
import { hostNameProblem } from './host-name.js';

/** The four kinds of http.sys SSL mapping, by the name netsh gives their key. */
export const mappingKinds = ['ipport', 'hostnameport', 'ccs', 'scopedccs'] as const;

export type MappingKind = (typeof mappingKinds)[number];

/** The parts of a mapping key: `0.0.0.0:443`, `[::]:443`, `www.contoso.com:443`, `443`. */
export interface MappingKeyParts {
  /** ipport only, as printed: `0.0.0.0`, `10.0.0.5`, `[::]`. */
  address: string | null;
  /** hostnameport and scopedccs only. */
  host: string | null;
  port: number | null;
}

export type ParsedMappingKey = MappingKeyParts & { problem: string | null };

const ipv4Port = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/;
const ipv6Port = /^(\[([0-9A-Fa-f:.]+)(?:%[0-9A-Za-z]+)?\]):(\d{1,5})$/;
const hostPort = /^([^\s:/\\[\]]+):(\d{1,5})$/;
const bare = /^\d{1,5}$/;

const none = (problem: string): ParsedMappingKey => ({ address: null, host: null, port: null, problem });

function port(text: string, minimum: number): number | null {
  const value = Number(text);
  return value >= minimum && value <= 65535 ? value : null;
}

function isIPv4(address: string): boolean {
  return address.split('.').every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet));
}

/**
 * Splits a key of the given kind into its parts. Never throws: a key of the wrong shape (the
 * corpus has placeholders like `{0}` and `<ip:port>`) gets null parts and a problem saying why.
 * `minimumPort` is 0 when reading (netsh printed it, so it exists) and 1 when validating input.
 */
export function parseMappingKey(kind: MappingKind, key: string, minimumPort = 0): ParsedMappingKey {
  if (kind === 'ipport') {
    const v4 = ipv4Port.exec(key);
    if (v4 && isIPv4(v4[1]!)) return withPort({ address: v4[1]!, host: null }, v4[2]!, key, minimumPort);
    const v6 = ipv6Port.exec(key);
    if (v6 && isIPv6(v6[2]!)) return withPort({ address: v6[1]!, host: null }, v6[3]!, key, minimumPort);
    return none(`'${key}' is not an IP:port key (0.0.0.0:443, 10.0.0.5:443 or [::]:443)`);
  }
  if (kind === 'ccs') {
    return bare.test(key) ? withPort({ address: null, host: null }, key, key, minimumPort) : none(`'${key}' is not a port number (a ccs key is the port alone, e.g. 443)`);
  }
  const match = hostPort.exec(key);
  if (!match) return none(`'${key}' is not a hostname:port key (e.g. www.contoso.com:443)`);
  return withPort({ address: null, host: match[1]! }, match[2]!, key, minimumPort);
}

function withPort(parts: Omit<MappingKeyParts, 'port'>, text: string, key: string, minimumPort: number): ParsedMappingKey {
  const value = port(text, minimumPort);
  if (value === null) return none(`'${key}' has port ${text}, outside ${minimumPort}-65535`);
  return { address: parts.address, host: parts.host, port: value, problem: null };
}

/**
 * Why the key cannot be given for a mapping of this kind (ports 1-65535; hostnameport and
 * scopedccs hosts are DNS names, `*.` wildcards and punycode allowed), or null when it can.
 */
export function mappingKeyProblem(kind: MappingKind, key: string): string | null {
  if (key.length > 300) return `it is ${key.length} characters long; a mapping key has at most 300`;
  const parts = parseMappingKey(kind, key, 1);
  if (parts.problem) return parts.problem;
  if (/(?:^|:)0\d*$/.test(key)) return `'${key}' has a port that starts with zero`;
  const hostIssue = parts.host === null ? null : hostNameProblem(parts.host, { wildcard: true, punycode: true });
  return hostIssue ? `'${key}': ${hostIssue}` : null;
}

/** The kind a key value's shape implies, for key lines whose label is not recognized (localized Windows). */
export function kindOfKeyShape(value: string): MappingKind | undefined {
  if (ipv4Port.test(value) || ipv6Port.test(value)) return 'ipport';
  if (bare.test(value)) return 'ccs';
  if (hostPort.test(value)) return 'hostnameport';
  return undefined;
}

/** Keys compare without case (host names and IPv6 hex digits are case-insensitive). */
export function sameMappingKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
