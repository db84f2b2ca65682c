import type { IisConfig } from '../iis/read-application-host-config.js';
import { SpecificIpMappings } from './client-paths.js';
import type { BindingRef, JoinMapping, MappingKind } from './join-model.js';
import { MappingIndex, indexKey } from './mapping-index.js';
import { resolveHttpsBindings } from './resolve-https-bindings.js';

/**
 * The https bindings whose clients are served by any of these mappings (declared, or
 * reached with or without SNI, over IPv4 or IPv6): who a change to those mappings touches.
 * Resolution only: no finding is made to be thrown away.
 */
export function bindingsUsingMappings(config: IisConfig, mappings: readonly JoinMapping[], changed: readonly { kind: MappingKind; key: string }[]): BindingRef[] {
  const wanted = new Set(changed.map((mapping) => indexKey(mapping.kind, mapping.key)));
  const users: BindingRef[] = [];
  for (const { site, binding, resolution, paths } of resolveHttpsBindings(config.sites, new MappingIndex(mappings), new SpecificIpMappings(mappings), null)) {
    if (resolution && [resolution.declared, resolution.withSni, resolution.withoutSni, ...paths.map((path) => path.mapping)].some((ref) => ref?.exists && wanted.has(indexKey(ref.kind, ref.key)))) {
      users.push({ site: site.name, bindingInformation: binding.bindingInformation });
    }
  }
  return users;
}
