import { clientPaths, type ClientPath, type SpecificIpMappings } from './client-paths.js';
import type { JoinBinding, JoinEndpoint, JoinSite } from './join-model.js';
import type { MappingIndex } from './mapping-index.js';
import { resolveBinding, type Resolution } from './resolve-binding.js';

/** One https binding and the mappings it reaches: null when its bindingInformation cannot be read. */
export interface HttpsBindingResolution {
  site: JoinSite;
  binding: JoinBinding;
  endpoint: JoinEndpoint | undefined;
  resolution: Resolution | null;
  /** What a client gets by each way it can arrive (IPv4/IPv6, with and without SNI); empty when unreadable. */
  paths: ClientPath[];
}

/**
 * The first step of the join, on its own: every https binding with the mapping it declares and
 * the ones clients get, by every client path. Asking who uses a mapping needs this and none of the findings.
 */
export function* resolveHttpsBindings(
  sites: readonly JoinSite[],
  mappings: MappingIndex,
  specific: SpecificIpMappings,
  listenAddresses: readonly string[] | null,
  /** The thumbprint of the certificate the Central Certificate Store serves a CCS binding, when known. */
  ccsThumbprint: (endpoint: JoinEndpoint) => string | null = () => null,
): Generator<HttpsBindingResolution> {
  for (const site of sites) {
    for (const binding of site.bindings) {
      if (binding.protocol.toLowerCase() !== 'https') continue;
      const endpoint = binding.endpoint;
      if (!endpoint) {
        yield { site, binding, endpoint, resolution: null, paths: [] };
        continue;
      }
      yield { site, binding, endpoint, resolution: resolveBinding(endpoint, binding.sslFlags, mappings), paths: clientPaths(endpoint, binding.sslFlags, mappings, specific, listenAddresses, ccsThumbprint(endpoint)) };
    }
  }
}
