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
   * or CCS mapping, only where the certificate differs. Empty when there is no doubt. At most
   * IpFirstListed are listed: every * binding of a port shares the same candidates, and listing
   * them all on each would make the answer grow with bindings times mappings.
   */
  ipFirst: R[];
  /** How many such mappings there are, listed or not. */
  ipFirstCount: number;
}

/** Candidates listed on a path; the rest are counted (ipFirstCount) and named by PRECEDENCE_UNCERTAIN. */
export const IpFirstListed = 3;

interface Candidates {
  listed: MappingRef[];
  count: number;
}

/** The all-addresses keys: not "specific" (docs/precedence.md). */
const wildcardAddresses = new Set(['0.0.0.0', '::']);

/**
 * The specific ip:port mappings of each port and family: the ones a client of a binding on
 * all addresses can meet by arriving on that address. Built once per join.
 */
export class SpecificIpMappings {
  private readonly byPort = new Map<string, SpecificGroup>();
  /** The same groups with the all-addresses mappings in too, in input order (see everyOn). */
  private readonly everyByPort = new Map<string, JoinMapping[]>();
  /** Per port, family and the certificate a binding's SNI clients get: its candidates, worked out once. */
  private readonly differing = new Map<string, Candidates>();

  constructor(mappings: readonly JoinMapping[]) {
    for (const mapping of mappings) {
      const address = mappingAddress(mapping);
      if (!address) continue;
      const group = `${address.family}|${address.port}`;
      const every = this.everyByPort.get(group);
      if (every) every.push(mapping);
      else this.everyByPort.set(group, [mapping]);
      if (wildcardAddresses.has(address.host)) continue;
      let specific = this.byPort.get(group);
      if (!specific) {
        specific = { mappings: [], certificates: [], withCertificate: new Map() };
        this.byPort.set(group, specific);
      }
      const certificate = (mapping.certificateHash ?? '').toLowerCase();
      specific.mappings.push(mapping);
      specific.certificates.push(certificate);
      specific.withCertificate.set(certificate, (specific.withCertificate.get(certificate) ?? 0) + 1);
    }
  }

  on(family: AddressFamily, port: number): readonly JoinMapping[] {
    return this.byPort.get(`${family}|${port}`)?.mappings ?? [];
  }

  /** Every ip:port mapping of the family and port, 0.0.0.0 or [::] too: what a live probe's served certificate may be traced to. */
  everyOn(family: AddressFamily, port: number): readonly JoinMapping[] {
    return this.everyByPort.get(`${family}|${port}`) ?? [];
  }

  /**
   * The specific mappings of the port whose certificate differs from the answer's (all, for a CCS
   * answer whose certificate is not known). Counted from the group's tally of certificates and
   * listed from its first members: each SNI binding of a port has a certificate of its own, and
   * comparing every one with every specific mapping of the port grew with their product.
   */
  differingFrom(family: AddressFamily, port: number, answer: MappingRef, index: MappingIndex, ccsThumbprint: string | null): Candidates {
    const certificate = servedCertificate(answer, ccsThumbprint);
    const key = `${family}|${port}|${certificate ?? 'ccs'}`;
    let found = this.differing.get(key);
    if (!found) {
      const group = this.byPort.get(`${family}|${port}`);
      found = { listed: [], count: 0 };
      if (group) {
        found.count = group.mappings.length - (certificate === null ? 0 : (group.withCertificate.get(certificate) ?? 0));
        for (let at = 0; at < group.mappings.length && found.listed.length < Math.min(IpFirstListed, found.count); at++) {
          if (certificate !== null && group.certificates[at] === certificate) continue;
          const mapping = group.mappings[at]!;
          found.listed.push(index.ref(mapping.kind, mapping.key));
        }
      }
      this.differing.set(key, found);
    }
    return found;
  }
}

/** The specific ip:port mappings of one port and family, in input order, with their certificates lower-cased and tallied. */
interface SpecificGroup {
  mappings: JoinMapping[];
  certificates: string[];
  withCertificate: Map<string, number>;
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
export function clientPaths(endpoint: JoinEndpoint, sslFlags: number, index: MappingIndex, specific: SpecificIpMappings, listenAddresses: readonly string[] | null, ccsThumbprint: string | null = null): ClientPath[] {
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
    const doubt = withSni ? overrulingCandidates(endpoint, family, withSni, index, specific, ccsThumbprint) : None;
    paths.push({ family, sni: true, mapping: withSni, ipFirst: doubt.listed, ipFirstCount: doubt.count });
    paths.push({ family, sni: false, mapping: withoutSni, ipFirst: [], ipFirstCount: 0 });
  }
  return paths;
}

/**
 * The specific ip:port mappings that would answer an SNI client first if an ip:port mapping
 * overrules SNI: the binding's own address's mapping, or, for a binding on all addresses,
 * every specific mapping of that family on the port (a client may arrive on any of them).
 */
const None: Candidates = { listed: [], count: 0 };

function overrulingCandidates(endpoint: JoinEndpoint, family: AddressFamily, answer: MappingRef, index: MappingIndex, specific: SpecificIpMappings, ccsThumbprint: string | null): Candidates {
  if (answer.kind !== 'hostnameport' && answer.kind !== 'ccs') return None;
  if (endpoint.addressKind === 'ipv4' || endpoint.addressKind === 'ipv6') {
    const own = index.ref('ipport', `${endpoint.address}:${endpoint.port}`);
    const served = servedCertificate(answer, ccsThumbprint);
    const differs = own.exists && (served === null || !sameCertificate(own.certificateHash, served));
    return differs ? { listed: [own], count: 1 } : None;
  }
  return specific.differingFrom(family, endpoint.port, answer, index, ccsThumbprint);
}

/**
 * The certificate an answer serves, lower case: its hash, or for a CCS answer the certificate of
 * the file serving the binding's host when the store was read; null when not known.
 */
function servedCertificate(answer: MappingRef, ccsThumbprint: string | null): string | null {
  if (answer.kind === 'ccs') return ccsThumbprint === null ? null : ccsThumbprint.toLowerCase();
  return (answer.certificateHash ?? '').toLowerCase();
}

export function sameCertificate(a: string | null, b: string | null): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}
