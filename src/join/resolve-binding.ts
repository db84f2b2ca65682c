import type { JoinEndpoint, MappingRef } from './join-model.js';
import type { MappingIndex } from './mapping-index.js';

export const SslFlag = { Sni: 1, CentralCertStore: 2 } as const;

export interface Resolution {
  /** The mapping IIS means for this binding (what IIS Manager shows as its certificate). */
  declared: MappingRef | null;
  /** What a client that sends SNI with the binding's host gets (any name when it has none), or null: handshake fails. */
  withSni: MappingRef | null;
  /** What a client that sends no SNI gets at the binding's address, or null. */
  withoutSni: MappingRef | null;
}

/**
 * How a binding finds its certificate (docs/domain.md §6).
 *
 * Declared mapping: sslFlags bit 2 (CCS) -> `ccs` on the port; bit 1 (SNI) ->
 * `hostname:port`; otherwise `ip:port`, with `*` or an empty address meaning 0.0.0.0.
 *
 * Run time: http.sys looks up SNI mappings first, by the host name the client sent, then
 * IP-based mappings by the address the connection arrived on; with no match the handshake
 * fails. Sources: Microsoft Learn, "IIS 8.0 Server Name Indication (SNI): SSL Scalability"
 * (learn.microsoft.com/iis/get-started/whats-new-in-iis-8/iis-80-server-name-indication-sni-ssl-scalability)
 * and the Microsoft IIS support blog "Server Name Indication (SNI) with IIS 8"
 * (learn.microsoft.com/archive/blogs/kaushal/server-name-indication-sni-with-iis-8-windows-server-2012):
 * a Client Hello without the server name extension only meets IP:port bindings. Field reports
 * say a specific ip:port mapping can overrule SNI instead (win-acme #1686, #94; AutoACME #58):
 * this is the SNI-first answer, and client-paths.ts shows the other one (docs/precedence.md).
 *
 * IP fallback: Microsoft's HTTP_SERVICE_CONFIG_SSL_KEY reference says a 0.0.0.0 key "is
 * applicable to all IPv4 and IPv6 addresses" and a [::] key "to all IPv6 addresses"
 * (learn.microsoft.com/windows/win32/api/http/ns-http-http_service_config_ssl_key); an exact
 * address is the more specific key, so it wins, then [::] for IPv6, then 0.0.0.0.
 *
 * CCS: not documented by Microsoft in what we could find; we place the port-wide CCS
 * mapping after an exact SNI mapping and before the IP fallback, for clients that send SNI
 * (the certificate file is chosen by that name). Marked as inferred in the README.
 */
export function resolveBinding(endpoint: JoinEndpoint, sslFlags: number, index: MappingIndex): Resolution {
  const { port, host } = endpoint;
  const ipChain = ipFallbackChain(endpoint);
  const firstExisting = (refs: MappingRef[]) => refs.find((ref) => ref.exists) ?? null;
  const ipRefs = ipChain.map((key) => index.ref('ipport', key));
  const sniRef = host && !endpoint.wildcardHost ? index.ref('hostnameport', `${host}:${port}`) : null;
  const ccsRef = sslFlags & SslFlag.CentralCertStore ? index.ref('ccs', String(port)) : null;

  let declared: MappingRef | null;
  if (sslFlags & SslFlag.CentralCertStore) declared = ccsRef;
  else if (sslFlags & SslFlag.Sni) declared = host ? index.ref('hostnameport', `${host}:${port}`) : null;
  else declared = ipRefs[0] ?? null;

  const withoutSni = firstExisting(ipRefs);
  // Without a host of its own, the name a client sends has no mapping to find, so SNI
  // clients meet the same IP mapping as everyone else.
  const withSni = host ? firstExisting([...(sniRef ? [sniRef] : []), ...(ccsRef ? [ccsRef] : []), ...ipRefs]) : withoutSni;
  return { declared, withSni, withoutSni };
}

/** The ip:port keys a connection to this endpoint is looked up under, most specific first. */
export function ipFallbackChain(endpoint: JoinEndpoint): string[] {
  const { addressKind, address, port } = endpoint;
  if (addressKind === 'ipv4') return [`${address}:${port}`, `0.0.0.0:${port}`];
  if (addressKind === 'ipv6') return [`${address}:${port}`, `[::]:${port}`, `0.0.0.0:${port}`];
  return [`0.0.0.0:${port}`];
}
