import type { IisConfig } from '../iis/read-application-host-config.js';
import { joinHttpsBindings } from './join-https-bindings.js';
import type { BindingRef, JoinMapping, MappingKind } from './join-model.js';
import { indexKey } from './mapping-index.js';

/**
 * The https bindings whose clients are served by any of these mappings (declared, or
 * reached with or without SNI, over IPv4 or IPv6): who a change to those mappings touches.
 */
export function bindingsUsingMappings(config: IisConfig, mappings: readonly JoinMapping[], changed: readonly { kind: MappingKind; key: string }[]): BindingRef[] {
  const wanted = new Set(changed.map((mapping) => indexKey(mapping.kind, mapping.key)));
  const joined = joinHttpsBindings({ sites: config.sites, mappings, certificates: null, reservations: null, configKind: config.configKind });
  return joined.bindings
    .filter((binding) =>
      [binding.declaredMapping, binding.effectiveMapping.withSni, binding.effectiveMapping.withoutSni, ...binding.clientPaths.map((path) => path.mapping)].some((ref) => ref?.exists && wanted.has(indexKey(ref.kind, ref.key))),
    )
    .map((binding) => ({ site: binding.site, bindingInformation: binding.bindingInformation }));
}
