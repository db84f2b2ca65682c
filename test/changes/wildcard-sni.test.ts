import { describe, expect, it } from 'vitest';
import { newBinding } from '../../src/changes/new-binding.js';
import { isHttpApiError } from '../../src/errors.js';
import { clientPaths, SpecificIpMappings } from '../../src/join/client-paths.js';
import { MappingIndex } from '../../src/join/mapping-index.js';
import type { JoinMapping } from '../../src/join/join-model.js';

// docs/precedence.md §5: no source says http.sys matches `*.domain:port` SNI mappings, so
// bindings/add refuses to create one and the resolver never matches one: both ways the same.
describe('wildcard SNI, consistently', () => {
  it.each([
    { host: '*.contoso.com', sslFlags: 1, refused: true },
    { host: '*.contoso.com', sslFlags: 65, refused: true },
    { host: '*.contoso.com', sslFlags: 0, refused: false },
    // CCS picks a file by name (IIS's own wildcard file rule), not an SNI mapping.
    { host: '*.contoso.com', sslFlags: 3, refused: false },
    { host: 'www.contoso.com', sslFlags: 1, refused: false },
  ])('bindings/add with host $host and sslFlags $sslFlags: refused $refused', ({ host, sslFlags, refused }) => {
    const attempt = () => newBinding({ protocol: 'https', port: 443, host, sslFlags });
    if (!refused) {
      expect(attempt().bindingInformation).toBe(`*:443:${host}`);
      return;
    }
    try {
      attempt();
      expect.unreachable('a wildcard SNI binding was accepted');
    } catch (error) {
      expect(isHttpApiError(error) && error.id).toBe('INVALID_ARGUMENT');
      expect((error as Error).message).toMatch(/^host: an SNI binding on the wildcard host '\*\.contoso\.com'/);
    }
  });

  it('an existing wildcard SNI mapping is never matched: SNI clients of a wildcard binding fall through to the IP mappings', () => {
    const mappings: JoinMapping[] = [
      { kind: 'hostnameport', key: '*.contoso.com:443', certificateHash: 'A'.repeat(40), appId: null, certificateStoreName: 'MY' },
      { kind: 'ipport', key: '0.0.0.0:443', certificateHash: 'B'.repeat(40), appId: null, certificateStoreName: 'MY' },
    ];
    const paths = clientPaths({ addressKind: 'any', address: '*', port: 443, host: '*.contoso.com', wildcardHost: true }, 1, new MappingIndex(mappings), new SpecificIpMappings(mappings), null);
    expect(paths.map((path) => path.mapping?.key)).toEqual(['0.0.0.0:443', '0.0.0.0:443', '0.0.0.0:443', '0.0.0.0:443']);
  });
});
