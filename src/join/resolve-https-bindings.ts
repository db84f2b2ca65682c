import { ccsFileForHost } from '../certs/ccs-file-for-host.js';
import { clientPaths, type ClientPath, type SpecificIpMappings } from './client-paths.js';
import type { JoinBinding, JoinCcsFile, JoinCertificate, JoinEndpoint, JoinSite } from './join-model.js';
import type { MappingIndex } from './mapping-index.js';
import { SslFlag, resolveBinding, type Resolution } from './resolve-binding.js';

/** The Central Certificate Store as the join looks files up in it: by lower-case name (ccsFilesByName), built once per join. */
export interface CcsLookup<C extends JoinCertificate = JoinCertificate> {
  enabled: boolean | null;
  byName: ReadonlyMap<string, JoinCcsFile<C>>;
}

/** One https binding and the mappings it reaches: null when its bindingInformation cannot be read. */
export interface HttpsBindingResolution<C extends JoinCertificate = JoinCertificate> {
  site: JoinSite;
  binding: JoinBinding;
  endpoint: JoinEndpoint | undefined;
  resolution: Resolution | null;
  /** What a client gets by each way it can arrive (IPv4/IPv6, with and without SNI); empty when unreadable. */
  paths: ClientPath[];
  /** A CCS binding's (sslFlags bit 2) file in the store, looked up once here: null without a host, a file or a known store, and for other bindings. */
  ccsFile: JoinCcsFile<C> | null;
  /** The thumbprint of the certificate that file serves; null when unknown or the store is disabled. */
  ccsThumbprint: string | null;
}

/**
 * The first step of the join, on its own: every https binding with the mapping it declares and
 * the ones clients get, by every client path. Asking who uses a mapping needs this and none of the findings.
 */
export function* resolveHttpsBindings<C extends JoinCertificate = JoinCertificate>(
  sites: readonly JoinSite[],
  mappings: MappingIndex,
  specific: SpecificIpMappings,
  listenAddresses: readonly string[] | null,
  /** null: the store is unknown, CCS bindings get no file. */
  ccs: CcsLookup<C> | null = null,
): Generator<HttpsBindingResolution<C>> {
  for (const site of sites) {
    for (const binding of site.bindings) {
      if (binding.protocol.toLowerCase() !== 'https') continue;
      const endpoint = binding.endpoint;
      if (!endpoint) {
        yield { site, binding, endpoint, resolution: null, paths: [], ccsFile: null, ccsThumbprint: null };
        continue;
      }
      // Only a CCS binding is served from the store: client paths compare what it serves with the
      // ip:port mappings (unknown, or a disabled store: every one differs).
      const ccsFile = ccs && binding.sslFlags & SslFlag.CentralCertStore && endpoint.host ? ccsFileForHost(ccs.byName, endpoint.host) : null;
      const ccsThumbprint = ccs?.enabled !== false ? (ccsFile?.certificate?.thumbprint ?? null) : null;
      yield { site, binding, endpoint, resolution: resolveBinding(endpoint, binding.sslFlags, mappings), paths: clientPaths(endpoint, binding.sslFlags, mappings, specific, listenAddresses, ccsThumbprint), ccsFile, ccsThumbprint };
    }
  }
}
