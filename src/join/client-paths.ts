import { isIP } from 'node:net';
import type { JoinEndpoint, JoinMapping, MappingRef } from './join-model.js';
import type { MappingIndex } from './mapping-index.js';
import { SslFlag } from './resolve-binding.js';

export type AddressFamily = 'ipv4' | 'ipv6';

/** One way a client can arrive at a binding, and what http.sys gives it. */
export interface ClientPath<R = MappingRef> {
  family: AddressFamily;
  /** The client sends the binding's host as SNI (any name, for a binding without a host). */
  sni: boolean;
  /** What the documented order gives it (SNI mappings first, then the most specific ip:port); null: the handshake fails. */
  mapping: R | null;
  /**
   * Specific ip:port mappings that would serve it instead if the reports that such a mapping
   * overrules SNI mappings hold (docs/precedence.md): only on SNI paths whose answer is an SNI
   * or CCS mapping, only where the certificate differs. Empty when there is no doubt.
   */
  ipFirst: R[];
}

/** The all-addresses keys: not "specific" (docs/precedence.md). */
const wildcardAddresses = new Set(['0.0.0.0', '::']);

/**
 * The specific ip:port mappings of each port and family: the ones a client of a binding on
 * all addresses can meet by arriving on that address. Built once per join.
 */
export class SpecificIpMappings {
  private readonly byPort = new Map<string, JoinMapping[]>();

  constructor(mappings: readonly JoinMapping[]) {
    for (const mapping of mappings) {
      const address = mappingAddress(mapping);
      if (!address || wildcardAddresses.has(address.host)) continue;
      const group = `${address.family}|${address.port}`;
      this.byPort.set(group, [...(this.byPort.get(group) ?? []), mapping]);
    }
  }

  on(family: AddressFamily, port: number): readonly JoinMapping[] {
    return this.byPort.get(`${family}|${port}`) ?? [];
  }
}

/** The address, family and port of an ip:port mapping; null for other kinds and unreadable keys. */
export function mappingAddress(mapping: { kind: string; key: string }): { host: string; family: AddressFamily; port: number } | null {
  if (mapping.kind !== 'ipport') return null;
  const colon = mapping.key.lastIndexOf(':');
  const host = mapping.key.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(mapping.key.slice(colon + 1));
  const version = isIP(host);
  if (version === 0 || !Number.isInteger(port)) return null;
  return { host, family: version === 4 ? 'ipv4' : 'ipv6', port };
}

/**
 * The families a binding listens on: its address's own, or for `*` (and an empty address)
 * both, unless http.sys's IP listen list names addresses of one family only (then http.sys
 * opens no socket for the other). listenAddresses: null unknown, empty all addresses.
 */
export function listeningFamilies(endpoint: JoinEndpoint, listenAddresses: readonly string[] | null): AddressFamily[] {
  if (endpoint.addressKind === 'ipv4') return ['ipv4'];
  if (endpoint.addressKind === 'ipv6') return ['ipv6'];
  if (!listenAddresses || listenAddresses.length === 0) return ['ipv4', 'ipv6'];
  const versions = new Set(listenAddresses.map((address) => isIP(address.replace(/^\[|\]$/g, ''))));
  return (['ipv4', 'ipv6'] as const).filter((family) => versions.has(family === 'ipv4' ? 4 : 6));
}

/**
 * The ip:port keys a connection of this family is looked up under, most specific first:
 * the binding's own address, then [::] for IPv6, then 0.0.0.0, which Microsoft's
 * HTTP_SERVICE_CONFIG_SSL_KEY reference says applies to all IPv4 and IPv6 addresses.
 * A binding on all addresses has no address of its own: the path stands for clients arriving
 * on an address without a mapping of its own (those with one are SHADOWING_IP_MAPPING).
 */
export function ipChain(endpoint: JoinEndpoint, family: AddressFamily): string[] {
  const { addressKind, address, port } = endpoint;
  const own = addressKind === (family === 'ipv4' ? 'ipv4' : 'ipv6') ? [`${address}:${port}`] : [];
  return family === 'ipv4' ? [...own, `0.0.0.0:${port}`] : [...own, `[::]:${port}`, `0.0.0.0:${port}`];
}

/**
 * What a client gets for each way it arrives: each family the binding listens on, with SNI
 * and without (docs/precedence.md, README "How a binding finds its certificate").
 */
export function clientPaths(endpoint: JoinEndpoint, sslFlags: number, index: MappingIndex, specific: SpecificIpMappings, listenAddresses: readonly string[] | null): ClientPath[] {
  const first = (refs: MappingRef[]) => refs.find((ref) => ref.exists) ?? null;
  const { host, port } = endpoint;
  const sniRef = host && !endpoint.wildcardHost ? index.ref('hostnameport', `${host}:${port}`) : null;
  const ccsRef = sslFlags & SslFlag.CentralCertStore ? index.ref('ccs', String(port)) : null;
  const paths: ClientPath[] = [];
  for (const family of listeningFamilies(endpoint, listenAddresses)) {
    const ipRefs = ipChain(endpoint, family).map((key) => index.ref('ipport', key));
    const withoutSni = first(ipRefs);
    // Without a host of its own, the name a client sends has no mapping to find.
    const withSni = host ? first([...(sniRef ? [sniRef] : []), ...(ccsRef ? [ccsRef] : []), ...ipRefs]) : withoutSni;
    paths.push({ family, sni: true, mapping: withSni, ipFirst: withSni ? overrulingCandidates(endpoint, family, withSni, index, specific) : [] });
    paths.push({ family, sni: false, mapping: withoutSni, ipFirst: [] });
  }
  return paths;
}

/**
 * The specific ip:port mappings that would answer an SNI client first if an ip:port mapping
 * overrules SNI: the binding's own address's mapping, or, for a binding on all addresses,
 * every specific mapping of that family on the port (a client may arrive on any of them).
 */
function overrulingCandidates(endpoint: JoinEndpoint, family: AddressFamily, answer: MappingRef, index: MappingIndex, specific: SpecificIpMappings): MappingRef[] {
  if (answer.kind !== 'hostnameport' && answer.kind !== 'ccs') return [];
  const differs = (mapping: { certificateHash: string | null }) => answer.kind === 'ccs' || !sameCertificate(mapping.certificateHash, answer.certificateHash);
  if (endpoint.addressKind === 'ipv4' || endpoint.addressKind === 'ipv6') {
    const own = index.ref('ipport', `${endpoint.address}:${endpoint.port}`);
    return own.exists && differs(own) ? [own] : [];
  }
  return specific
    .on(family, endpoint.port)
    .filter(differs)
    .map((mapping) => index.ref(mapping.kind, mapping.key));
}

export function sameCertificate(a: string | null, b: string | null): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}
