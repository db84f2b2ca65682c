import { describe, expect, it } from 'vitest';
import { MappingIndex } from '../../src/join/mapping-index.js';
import { ipFallbackChain, resolveBinding } from '../../src/join/resolve-binding.js';
import type { JoinEndpoint, JoinMapping } from '../../src/join/join-model.js';

const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const hash = (digit: string) => digit.repeat(40);
const mapping = (kind: JoinMapping['kind'], key: string, certificateHash: string | null = hash('A')): JoinMapping => ({ kind, key, certificateHash, appId: IIS, certificateStoreName: 'MY' });
const endpoint = (addressKind: JoinEndpoint['addressKind'], address: string, port: number, host = ''): JoinEndpoint => ({ addressKind, address, port, host, wildcardHost: host.startsWith('*.') });
const keyOf = (ref: { key: string; kind: string } | null) => (ref ? `${ref.kind} ${ref.key}` : null);

// Lookup order, cited in src/join/resolve-binding.ts: SNI mappings first (host the client
// sent), then IP mappings by arrival address; 0.0.0.0 applies to all IPv4 and IPv6
// addresses and [::] to all IPv6 addresses (Microsoft, HTTP_SERVICE_CONFIG_SSL_KEY).
describe('resolveBinding', () => {
  it('maps * and empty addresses to 0.0.0.0:port (IP based)', () => {
    const index = new MappingIndex([mapping('ipport', '0.0.0.0:443')]);
    for (const e of [endpoint('any', '*', 443), endpoint('unspecified', '', 443)]) {
      const r = resolveBinding(e, 0, index);
      expect(keyOf(r.declared)).toBe('ipport 0.0.0.0:443');
      expect(r.declared?.exists).toBe(true);
      expect(keyOf(r.withoutSni)).toBe('ipport 0.0.0.0:443');
    }
  });

  it('declares the exact IPv4 mapping and falls back to 0.0.0.0 at run time', () => {
    const onlyWildcard = new MappingIndex([mapping('ipport', '0.0.0.0:443', hash('B'))]);
    const r = resolveBinding(endpoint('ipv4', '10.0.0.5', 443), 0, onlyWildcard);
    expect(keyOf(r.declared)).toBe('ipport 10.0.0.5:443');
    expect(r.declared?.exists).toBe(false);
    expect(keyOf(r.withoutSni)).toBe('ipport 0.0.0.0:443');
    expect(r.withoutSni?.certificateHash).toBe(hash('B'));

    const both = new MappingIndex([mapping('ipport', '0.0.0.0:443', hash('B')), mapping('ipport', '10.0.0.5:443', hash('C'))]);
    expect(resolveBinding(endpoint('ipv4', '10.0.0.5', 443), 0, both).withoutSni?.certificateHash).toBe(hash('C'));
  });

  it('resolves bracketed IPv6 exactly, then [::], then 0.0.0.0, comparing addresses by value', () => {
    const e = endpoint('ipv6', '[2001:db8::5]', 443);
    expect(ipFallbackChain(e)).toEqual(['[2001:db8::5]:443', '[::]:443', '0.0.0.0:443']);
    const exact = new MappingIndex([mapping('ipport', '[2001:DB8:0:0::5]:443', hash('D')), mapping('ipport', '[::]:443', hash('E'))]);
    expect(resolveBinding(e, 0, exact).declared?.exists).toBe(true);
    expect(resolveBinding(e, 0, exact).withoutSni?.certificateHash).toBe(hash('D'));
    const anyV6 = new MappingIndex([mapping('ipport', '[::]:443', hash('E')), mapping('ipport', '0.0.0.0:443', hash('F'))]);
    expect(resolveBinding(e, 0, anyV6).withoutSni?.certificateHash).toBe(hash('E'));
    const v4Wildcard = new MappingIndex([mapping('ipport', '0.0.0.0:443', hash('F'))]);
    expect(resolveBinding(e, 0, v4Wildcard).withoutSni?.certificateHash).toBe(hash('F'));
  });

  it('SNI: declares hostname:port whatever the IP, case-insensitively; clients without SNI only meet IP mappings', () => {
    const index = new MappingIndex([mapping('hostnameport', 'WWW.Contoso.com:443', hash('1')), mapping('ipport', '0.0.0.0:443', hash('2'))]);
    const r = resolveBinding(endpoint('ipv4', '10.0.0.9', 443, 'www.contoso.com'), 1, index);
    expect(keyOf(r.declared)).toBe('hostnameport WWW.Contoso.com:443');
    expect(r.declared?.exists).toBe(true);
    expect(r.withSni?.certificateHash).toBe(hash('1'));
    expect(r.withoutSni?.certificateHash).toBe(hash('2'));
  });

  it('SNI without a mapping: SNI clients fall back to the IP mapping; none at all means no certificate', () => {
    const fallback = new MappingIndex([mapping('ipport', '0.0.0.0:443', hash('2'))]);
    const r = resolveBinding(endpoint('any', '*', 443, 'shop.example'), 1, fallback);
    expect(r.declared?.exists).toBe(false);
    expect(keyOf(r.withSni)).toBe('ipport 0.0.0.0:443');
    const none = resolveBinding(endpoint('any', '*', 443, 'shop.example'), 1, new MappingIndex([]));
    expect(none.withSni).toBeNull();
    expect(none.withoutSni).toBeNull();
  });

  it('SNI without a host declares nothing; every client meets the IP mapping', () => {
    const r = resolveBinding(endpoint('any', '*', 443, ''), 1, new MappingIndex([mapping('ipport', '0.0.0.0:443')]));
    expect(r.declared).toBeNull();
    expect(keyOf(r.withSni)).toBe('ipport 0.0.0.0:443');
    expect(keyOf(r.withoutSni)).toBe('ipport 0.0.0.0:443');
  });

  it('CCS (bit 2) declares ccs=port; SNI+CCS (3) too, and an exact SNI mapping still wins for SNI clients', () => {
    const index = new MappingIndex([mapping('ccs', '443', null)]);
    for (const flags of [2, 3]) {
      const r = resolveBinding(endpoint('any', '*', 443, 'static.contoso.com'), flags, index);
      expect(keyOf(r.declared)).toBe('ccs 443');
      expect(r.declared?.exists).toBe(true);
      expect(keyOf(r.withSni)).toBe('ccs 443');
    }
    const withSniMapping = new MappingIndex([mapping('ccs', '443', null), mapping('hostnameport', 'static.contoso.com:443', hash('9'))]);
    expect(keyOf(resolveBinding(endpoint('any', '*', 443, 'static.contoso.com'), 3, withSniMapping).withSni)).toBe('hostnameport static.contoso.com:443');
    expect(resolveBinding(endpoint('any', '*', 443, 'static.contoso.com'), 3, new MappingIndex([])).declared?.exists).toBe(false);
  });

  it('a wildcard host never matches an SNI mapping by name (http.sys keys are exact names)', () => {
    const index = new MappingIndex([mapping('hostnameport', '*.contoso.com:443', hash('7')), mapping('ipport', '0.0.0.0:443', hash('8'))]);
    const r = resolveBinding(endpoint('any', '*', 443, '*.contoso.com'), 0, index);
    expect(keyOf(r.declared)).toBe('ipport 0.0.0.0:443');
    expect(r.withSni?.certificateHash).toBe(hash('8'));
  });

  it('an IP-based binding with a host is shadowed for SNI clients by a stray SNI mapping', () => {
    const index = new MappingIndex([mapping('hostnameport', 'api.contoso.com:443', hash('5')), mapping('ipport', '0.0.0.0:443', hash('6'))]);
    const r = resolveBinding(endpoint('any', '*', 443, 'api.contoso.com'), 0, index);
    expect(keyOf(r.declared)).toBe('ipport 0.0.0.0:443');
    expect(r.withSni?.certificateHash).toBe(hash('5'));
    expect(r.withoutSni?.certificateHash).toBe(hash('6'));
  });
});
