import { describe, expect, it } from 'vitest';
import { bindingsUsingMappings } from '../../src/join/bindings-using-mappings.js';
import { joinHttpsBindings } from '../../src/join/join-https-bindings.js';
import type { MappingKind } from '../../src/join/join-model.js';
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

  // From fixtures/demo-server/README.md rather than from the join, so a fault the two share shows.
  it.each([
    { mapping: 'ipport 10.0.0.5:443', why: 'declared by Contoso Portal and Contoso Docs, and what they get', users: [['Contoso Portal', '10.0.0.5:443:portal.contoso.com'], ['Contoso Docs', '10.0.0.5:443:docs.contoso.com']] },
    {
      mapping: 'ipport [::]:443',
      why: "SSTP's, yet what IPv6 clients of every * binding on 443 get: Default Web Site's, and the SNI bindings' without SNI (Media's with SNI too)",
      users: [
        ['Default Web Site', '*:443:'],
        ['Contoso WWW', '*:443:www.contoso.com'],
        ['Fabrikam Shop', '*:443:shop.fabrikam.com'],
        ['Contoso API', '*:443:api.contoso.com'],
        ['Billing', '*:443:billing.contoso.com'],
        ['Partners', '*:443:partners.contoso.com'],
        ['Intranet', '*:443:intranet.contoso.com'],
        ['Fabrikam Mail', '*:443:mail.fabrikam.com'],
        ['CDN', '*:443:cdn.contoso.com'],
        ['Media', '*:443:media.contoso.com'],
      ],
    },
    { mapping: 'hostnameport old.contoso.com:443', why: 'ORPHAN_MAPPING: no binding declares or reaches it', users: [] },
  ])('$mapping: $why', async ({ mapping, users }) => {
    const state = await loadServerState(resolveSource({ snapshot: 'fixtures/demo-server' }));
    const [kind, key] = mapping.split(' ') as [MappingKind, string];
    expect(bindingsUsingMappings(state.config, state.mappings, [{ kind, key }])).toEqual(users.map(([site, bindingInformation]) => ({ site, bindingInformation })));
  });
});
