import { describe, expect, it } from 'vitest';
import { bindingsUsingMappings } from '../../src/join/bindings-using-mappings.js';
import { joinHttpsBindings } from '../../src/join/join-https-bindings.js';
import { loadServerState } from '../../src/join/load-server-state.js';
import { resolveSource } from '../../src/source/resolve-source.js';

// Who uses a mapping is answered by resolution alone; it must name exactly the bindings the
// whole join shows reaching that mapping (declared, with SNI or without, on any client path).
describe('bindingsUsingMappings', () => {
  it('names, for every mapping of the demo server, the bindings the join resolves to it', async () => {
    const state = await loadServerState(resolveSource({ snapshot: 'fixtures/demo-server' }));
    const joined = joinHttpsBindings({ sites: state.config.sites, mappings: state.mappings, certificates: null, reservations: null, configKind: state.config.configKind });
    const sizes: number[] = [];
    for (const mapping of state.mappings) {
      const expected = joined.bindings
        .filter((binding) => [binding.declaredMapping, binding.effectiveMapping.withSni, binding.effectiveMapping.withoutSni, ...binding.clientPaths.map((path) => path.mapping)].some((ref) => ref?.exists && ref.kind === mapping.kind && ref.key === mapping.key))
        .map((binding) => ({ site: binding.site, bindingInformation: binding.bindingInformation }));
      const users = bindingsUsingMappings(state.config, state.mappings, [mapping]);
      expect(users, `${mapping.kind}:${mapping.key}`).toEqual(expected);
      sizes.push(users.length);
    }
    // The sample has unused mappings, mappings of one binding, and mappings several bindings share.
    expect(sizes).toContain(0);
    expect(sizes).toContain(1);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
  });
});
