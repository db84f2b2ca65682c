import { describe, expect, it } from 'vitest';
import { ipv6DiffersFinding } from '../../src/join/client-path-findings.js';
import { joinHttpsBindings } from '../../src/join/join-https-bindings.js';
import type { JoinBinding, JoinCcsStore, JoinCertificate } from '../../src/join/join-model.js';
import { joinCertificate } from '../helpers/join-certificate.js';

const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const now = new Date('2026-11-25T12:00:00Z');

function binding(bindingInformation: string, sslFlags: number): JoinBinding {
  const [address, port, host] = bindingInformation.split(':') as [string, string, string];
  return { protocol: 'https', bindingInformation, sslFlags, endpoint: { addressKind: 'any', address, port: Number(port), host, wildcardHost: host.startsWith('*.') } };
}
const cert = (thumbprint: string, dnsNames: string[], overrides: Partial<JoinCertificate> = {}) => joinCertificate(thumbprint.repeat(40), dnsNames, { store: 'CCS', ...overrides });
const store: JoinCcsStore = {
  enabled: true,
  files: [
    { name: 'www.contoso.com.pfx', certificate: cert('A', ['www.contoso.com']), unreadable: null },
    { name: '_.contoso.com.pfx', certificate: cert('B', ['*.contoso.com']), unreadable: null },
    { name: 'old.fabrikam.com.pfx', certificate: cert('C', ['old.fabrikam.com'], { notAfter: '2026-01-01T00:00:00.000Z' }), unreadable: null },
    { name: 'wrong.fabrikam.com.pfx', certificate: cert('D', ['other.fabrikam.com']), unreadable: null },
    { name: 'rc2.fabrikam.com.pfx', certificate: null, unreadable: 'RC2 encryption (RC2-40, OID 1.2.840.113549.1.12.1.6) is not available' },
  ],
};

function join(host: string, ccs: JoinCcsStore | null = store, sslFlags = 3, mapped = true) {
  const result = joinHttpsBindings({
    sites: [{ name: 'Site', id: 1, bindings: [binding(`*:443:${host}`, sslFlags)] }],
    mappings: mapped ? [{ kind: 'ccs', key: '443', certificateHash: null, appId: IIS, certificateStoreName: null }] : [],
    certificates: [],
    reservations: [],
    ccs,
    now,
  });
  return { binding: result.bindings[0]!, codes: result.bindings[0]!.findings.map((finding) => finding.code).sort(), findings: result.bindings[0]!.findings };
}

describe('a CCS binding\'s certificate', () => {
  const cases: [host: string, thumbprint: string | null, file: string | null, codes: string[], why: string][] = [
    ['www.contoso.com', 'A', 'www.contoso.com.pfx', [], 'the host\'s own file'],
    ['shop.contoso.com', 'B', '_.contoso.com.pfx', [], 'the parent domain\'s wildcard file'],
    ['old.fabrikam.com', 'C', 'old.fabrikam.com.pfx', ['CERT_EXPIRED'], 'the certificate findings apply to the file\'s certificate'],
    ['wrong.fabrikam.com', 'D', 'wrong.fabrikam.com.pfx', ['CERT_NAME_MISMATCH'], 'a file whose certificate names another host'],
    ['new.fabrikam.com', null, null, ['CCS_CERT_MISSING'], 'no file serves the host'],
    ['rc2.fabrikam.com', null, 'rc2.fabrikam.com.pfx', ['CERTIFICATE_INVALID'], 'present, certificate unreadable'],
    ['', null, null, [], 'no host: each client\'s SNI name picks the file, nothing to judge (inferred)'],
  ];
  for (const [host, thumbprint, file, codes, why] of cases) {
    it(`${host || '(no host)'}: ${why}`, () => {
      // Without a host, CCS alone (sslFlags 2): SNI without a host is its own finding.
      const joined = join(host, store, host ? 3 : 2);
      expect(joined.binding.certificate?.thumbprint ?? null).toBe(thumbprint ? thumbprint.repeat(40) : null);
      expect(joined.binding.ccsFile).toBe(file);
      expect(joined.codes).toEqual(codes);
      for (const finding of joined.findings) expect(finding.mapping).toBe('ccs:443');
    });
  }

  it('CCS_CERT_MISSING names the files IIS looks for', () => {
    expect(join('new.fabrikam.com').findings[0]!.message).toContain('new.fabrikam.com.pfx, then _.fabrikam.com.pfx');
  });

  it('the unreadable file says why', () => {
    expect(join('rc2.fabrikam.com').findings[0]!.message).toContain('present, certificate unreadable (RC2 encryption');
  });

  it('a store disabled in the provider settings is CCS_NOT_CONFIGURED, saying so', () => {
    const joined = join('www.contoso.com', { ...store, enabled: false });
    expect(joined.codes).toEqual(['CCS_NOT_CONFIGURED']);
    expect(joined.findings[0]!.message).toContain('disabled in IIS\'s provider settings');
  });

  it('disabled and no ccs mapping: one CCS_NOT_CONFIGURED, the missing mapping\'s', () => {
    const joined = join('www.contoso.com', { ...store, enabled: false }, 3, false);
    expect(joined.codes).toEqual(['CCS_NOT_CONFIGURED']);
    expect(joined.findings[0]!.message).toContain('http.sys has no CCS mapping for port 443');
  });

  it('without a CCS source: no certificate and no CCS check', () => {
    const joined = join('new.fabrikam.com', null);
    expect(joined.binding.certificate).toBeNull();
    expect(joined.codes).toEqual([]);
  });

  it('a binding without the CCS bit is not looked up in the store', () => {
    const joined = join('www.contoso.com', store, 1);
    expect(joined.binding.certificate).toBeNull();
    expect(joined.codes).toEqual(['HTTPS_BINDING_NO_MAPPING']);
  });
});

describe('client paths of a CCS binding compare the certificate of its host\'s file', () => {
  function withIpMapping(ipHash: string, ccs: JoinCcsStore | null) {
    return joinHttpsBindings({
      sites: [{ name: 'Site', id: 1, bindings: [binding('*:443:www.contoso.com', 3)] }],
      mappings: [
        { kind: 'ccs', key: '443', certificateHash: null, appId: IIS, certificateStoreName: null },
        { kind: 'ipport', key: '10.0.0.5:443', certificateHash: ipHash.repeat(40), appId: IIS, certificateStoreName: 'MY' },
      ],
      certificates: [cert(ipHash, ['www.contoso.com'], { store: 'MY' })],
      reservations: [],
      ccs,
      now,
    });
  }
  const precedence = (result: ReturnType<typeof withIpMapping>) => result.findings.filter((finding) => finding.code === 'PRECEDENCE_UNCERTAIN').map((finding) => finding.mapping);
  const ipFirst = (result: ReturnType<typeof withIpMapping>) => result.bindings[0]!.clientPaths.filter((path) => path.family === 'ipv4' && path.sni).map((path) => path.ipFirst.map((ref) => ref.key));

  it('a specific ip:port mapping with the same certificate as the host\'s file: no doubt either way', () => {
    const result = withIpMapping('A', store);
    expect(precedence(result)).toEqual([]);
    expect(ipFirst(result)).toEqual([[]]);
  });

  it('one with another certificate: PRECEDENCE_UNCERTAIN, as before', () => {
    const result = withIpMapping('E', store);
    expect(precedence(result)).toEqual(['ipport:10.0.0.5:443']);
    expect(ipFirst(result)).toEqual([['10.0.0.5:443']]);
  });

  it('the store not read: the CCS certificate is unknown, so the mapping is in doubt', () => {
    expect(precedence(withIpMapping('A', null))).toEqual(['ipport:10.0.0.5:443']);
  });
});

describe('IPV6_MAPPING_DIFFERS with a CCS answer', () => {
  const ccsRef = { kind: 'ccs' as const, key: '443', exists: true, certificateHash: null, certificateStoreName: null, appId: IIS };
  const v6Ref = (hash: string) => ({ kind: 'ipport' as const, key: '[::]:443', exists: true, certificateHash: hash.repeat(40), certificateStoreName: 'MY', appId: IIS });
  const paths = (hash: string) => [
    { family: 'ipv4' as const, sni: true, mapping: ccsRef, ipFirst: [], ipFirstCount: 0 },
    { family: 'ipv6' as const, sni: true, mapping: v6Ref(hash), ipFirst: [], ipFirstCount: 0 },
  ];
  const ccsBinding = { site: 'Site', bindingInformation: '*:443:www.contoso.com', sslFlags: 3 };

  it('compares the certificate of the host\'s file with the IPv6 mapping\'s, when the store was read', () => {
    expect(ipv6DiffersFinding(ccsBinding, paths('A'), 'A'.repeat(40))).toBeNull();
    expect(ipv6DiffersFinding(ccsBinding, paths('E'), 'A'.repeat(40))?.code).toBe('IPV6_MAPPING_DIFFERS');
    expect(ipv6DiffersFinding(ccsBinding, paths('A'), null)?.code).toBe('IPV6_MAPPING_DIFFERS');
  });
});
