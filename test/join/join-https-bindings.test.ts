import { describe, expect, it } from 'vitest';
import { joinHttpsBindings, type JoinInput } from '../../src/join/join-https-bindings.js';
import type { JoinBinding, JoinMapping, JoinSite } from '../../src/join/join-model.js';
import { joinCertificate } from '../helpers/join-certificate.js';

const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const IIS_EXPRESS = '{214124cd-d05b-4309-9af9-9caa44b2b74a}';
const SSTP = '{ba195980-cd49-458b-9e23-c84ee0adcd75}';
const now = new Date('2026-11-25T12:00:00Z');
const hash = (digit: string) => digit.repeat(40);

function binding(bindingInformation: string, sslFlags = 0, protocol = 'https'): JoinBinding {
  const at = bindingInformation.lastIndexOf(':');
  const host = bindingInformation.slice(at + 1);
  const rest = bindingInformation.slice(0, at);
  const portAt = rest.lastIndexOf(':');
  const address = rest.slice(0, portAt);
  const port = Number(rest.slice(portAt + 1));
  const addressKind = address === '*' ? 'any' : address === '' ? 'unspecified' : address.startsWith('[') ? 'ipv6' : 'ipv4';
  return { protocol, bindingInformation, sslFlags, endpoint: { addressKind, address, port, host, wildcardHost: host.startsWith('*.') } };
}
const site = (name: string, id: number, ...bindings: JoinBinding[]): JoinSite => ({ name, id, bindings });
const mapping = (kind: JoinMapping['kind'], key: string, certificateHash: string | null, appId = IIS, certificateStoreName: string | null = 'MY'): JoinMapping => ({ kind, key, certificateHash, appId, certificateStoreName });
const cert = joinCertificate;

function run(input: Partial<JoinInput> & Pick<JoinInput, 'sites'>) {
  return joinHttpsBindings({ mappings: [], certificates: [], reservations: [], now, ...input });
}
const codes = (result: ReturnType<typeof run>) => result.findings.map((finding) => finding.code).sort();

describe('joinHttpsBindings', () => {
  it('a healthy SNI binding has its mapping, its certificate and no findings', () => {
    const result = run({
      sites: [site('Contoso', 1, binding('*:443:www.contoso.com', 1), binding('*:80:www.contoso.com', 0, 'http'))],
      mappings: [mapping('hostnameport', 'www.contoso.com:443', hash('A'))],
      certificates: [cert(hash('A'), ['www.contoso.com'])],
    });
    expect(result.bindings).toHaveLength(1);
    const [joined] = result.bindings;
    expect(joined?.declaredMapping).toMatchObject({ kind: 'hostnameport', key: 'www.contoso.com:443', exists: true, certificateHash: hash('A') });
    expect(joined?.certificate?.thumbprint).toBe(hash('A'));
    expect(result.findings).toEqual([]);
  });

  it('HTTPS_BINDING_NO_MAPPING when nothing is mapped, naming the key to add', () => {
    const result = run({ sites: [site('Legacy', 5, binding('*:8443:'))] });
    expect(codes(result)).toEqual(['HTTPS_BINDING_NO_MAPPING']);
    expect(result.findings[0]).toMatchObject({ severity: 'error', site: 'Legacy', binding: '*:8443:', mapping: 'ipport:0.0.0.0:8443' });
    expect(result.findings[0]?.fix).toContain('0.0.0.0:8443');
  });

  it('MAPPING_CERT_NOT_FOUND when the hash is in no store; the store name (null) means MY', () => {
    const missing = run({ sites: [site('A', 1, binding('*:443:'))], mappings: [mapping('ipport', '0.0.0.0:443', hash('B'))], certificates: [cert(hash('B'), [], { store: 'WebHosting' })] });
    expect(codes(missing)).toEqual(['MAPPING_CERT_NOT_FOUND']);
    const nullStore = run({ sites: [site('A', 1, binding('*:443:'))], mappings: [mapping('ipport', '0.0.0.0:443', hash('B'), IIS, null)], certificates: [cert(hash('B'), [])] });
    expect(codes(nullStore)).toEqual([]);
  });

  describe('MAPPING_CERT_NOT_FOUND for every mapping whose certificate is missing, used by a binding or not', () => {
    const sites = [site('A', 1, binding('*:443:www.contoso.com', 1))];
    const bound = mapping('hostnameport', 'www.contoso.com:443', hash('A'));
    const certificates = [cert(hash('A'), ['www.contoso.com']), cert(hash('B'), [], { store: 'WebHosting' })];
    it.each([
      ['an IIS orphan', mapping('hostnameport', 'old.contoso.com:443', hash('9')), ['MAPPING_CERT_NOT_FOUND', 'ORPHAN_MAPPING'], /old\.contoso\.com:443 \(IIS\) names certificate 9{40}, which is not in store MY/],
      ['an IIS Express mapping', mapping('ipport', '0.0.0.0:44300', hash('9'), IIS_EXPRESS), ['MAPPING_CERT_NOT_FOUND'], /0\.0\.0\.0:44300 \(IIS Express\)/],
      ['SSTP\'s [::]:443', mapping('ipport', '[::]:443', hash('9'), SSTP), ['MAPPING_CERT_NOT_FOUND'], /\[::\]:443 \(SSTP\)/],
      ['an unknown application', mapping('ipport', '0.0.0.0:8443', hash('9'), '{00000000-0000-0000-0000-000000000001}'), ['MAPPING_CERT_NOT_FOUND', 'ORPHAN_MAPPING'], /app id \{00000000-0000-0000-0000-000000000001\}/],
      ['a store that does not exist', mapping('ipport', '[::]:443', hash('A'), SSTP, 'Remote Desktop'), ['MAPPING_CERT_NOT_FOUND'], /not in store Remote Desktop/],
      ['a certificate in another store than the one named', mapping('ipport', '[::]:443', hash('B'), SSTP, 'MY'), ['MAPPING_CERT_NOT_FOUND'], /not in store MY/],
    ])('%s', (_what, extra, expected, message) => {
      const result = run({ sites, mappings: [bound, extra], certificates });
      expect(codes(result)).toEqual(expected);
      const found = result.findings.find((finding) => finding.code === 'MAPPING_CERT_NOT_FOUND');
      expect(found).toMatchObject({ severity: 'error', mapping: `${extra.kind}:${extra.key}`, certificate: extra.certificateHash });
      expect(found?.site).toBeUndefined();
      expect(found?.message).toMatch(message);
    });

    it('once per mapping: a binding that already reported it is not repeated server-wide', () => {
      const result = run({ sites, mappings: [mapping('hostnameport', 'www.contoso.com:443', hash('9'))], certificates });
      expect(result.findings.map((finding) => [finding.code, finding.site])).toEqual([['MAPPING_CERT_NOT_FOUND', 'A']]);
    });

    it('a mapping in the named store, and a CCS mapping (no hash), raise nothing; without a certificate source nothing is judged', () => {
      expect(codes(run({ sites, mappings: [bound, mapping('ipport', '[::]:443', hash('B'), SSTP, 'webhosting'), mapping('ccs', '443', null)], certificates }))).toEqual(['ORPHAN_MAPPING']);
      expect(codes(run({ sites, mappings: [bound, mapping('ipport', '[::]:443', hash('9'), SSTP)], certificates: null }))).toEqual([]);
    });
  });

  it('certificate findings: expired, expiring soon (configurable), no private key, not server auth, wrong name', () => {
    const sites = [site('S', 1, binding('*:443:shop.fabrikam.com', 1))];
    const mappings = [mapping('hostnameport', 'shop.fabrikam.com:443', hash('C'))];
    const expired = run({ sites, mappings, certificates: [cert(hash('C'), ['shop.fabrikam.com'], { notAfter: '2026-01-01T00:00:00.000Z' })] });
    expect(codes(expired)).toEqual(['CERT_EXPIRED']);
    const soon = { notAfter: '2026-12-10T00:00:00.000Z' };
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['shop.fabrikam.com'], soon)] }))).toEqual(['CERT_EXPIRES_SOON']);
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['shop.fabrikam.com'], soon)], expiryDays: 7 }))).toEqual([]);
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['shop.fabrikam.com'], { hasPrivateKey: false })] }))).toEqual(['CERT_NO_PRIVATE_KEY']);
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['shop.fabrikam.com'], { hasPrivateKey: null })] }))).toEqual([]);
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['shop.fabrikam.com'], { serverAuth: false })] }))).toEqual(['CERT_NOT_SERVER_AUTH']);
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['www.fabrikam.com'])] }))).toEqual(['CERT_NAME_MISMATCH']);
    expect(codes(run({ sites, mappings, certificates: [cert(hash('C'), ['*.fabrikam.com'])] }))).toEqual([]);
  });

  it('SNI_WITHOUT_HOST for sslFlags=1 and an empty host', () => {
    const result = run({ sites: [site('Blog', 7, binding('*:443:', 1))], mappings: [mapping('ipport', '0.0.0.0:443', hash('D'))], certificates: [cert(hash('D'), [])] });
    expect(codes(result)).toEqual(['SNI_WITHOUT_HOST']);
  });

  it('DUPLICATE_BINDING across sites, host names compared without case', () => {
    const result = run({ sites: [site('A', 1, binding('*:80:a.example', 0, 'http')), site('B', 2, binding('*:80:A.example', 0, 'http'))] });
    expect(codes(result)).toEqual(['DUPLICATE_BINDING']);
    expect(result.findings[0]).toMatchObject({ site: 'B' });
  });

  it('SHARED_IP_MAPPING names the other binding on the same ip:port, and the mapping\'s one sharers list says who', () => {
    const result = run({
      sites: [site('Intranet', 3, binding('10.0.0.5:443:')), site('Reports', 4, binding('10.0.0.5:443:reports.intranet'))],
      mappings: [mapping('ipport', '10.0.0.5:443', hash('E'))],
      certificates: [cert(hash('E'), ['reports.intranet'])],
    });
    expect(codes(result)).toEqual(['SHARED_IP_MAPPING', 'SHARED_IP_MAPPING']);
    expect(result.findings[0]?.message).toContain('shared with Reports (10.0.0.5:443:reports.intranet)');
    expect(result.findings[1]?.message).toContain('shared with Intranet (10.0.0.5:443:)');
    expect([...result.sharers.values()]).toEqual([[{ site: 'Intranet', bindingInformation: '10.0.0.5:443:' }, { site: 'Reports', bindingInformation: '10.0.0.5:443:reports.intranet' }]]);
  });

  it('ORPHAN_MAPPING for an IIS mapping no binding uses; other software\'s mappings are left alone', () => {
    const result = run({
      sites: [site('A', 1, binding('*:443:www.contoso.com', 1))],
      mappings: [
        mapping('hostnameport', 'www.contoso.com:443', hash('A')),
        mapping('hostnameport', 'old.contoso.com:443', hash('A')),
        mapping('ipport', '[::]:443', hash('F'), SSTP),
        mapping('ipport', '0.0.0.0:44300', hash('F'), IIS_EXPRESS),
      ],
      certificates: [cert(hash('A'), ['www.contoso.com', 'old.contoso.com']), cert(hash('F'), ['localhost'])],
    });
    expect(codes(result)).toEqual(['ORPHAN_MAPPING']);
    expect(result.findings[0]).toMatchObject({ severity: 'warning', mapping: 'hostnameport:old.contoso.com:443' });
  });

  it('the wildcard mapping that serves clients without SNI is used, not orphaned', () => {
    const result = run({ sites: [site('A', 1, binding('*:443:www.contoso.com', 1))], mappings: [mapping('hostnameport', 'www.contoso.com:443', hash('A')), mapping('ipport', '0.0.0.0:443', hash('A'))], certificates: [cert(hash('A'), ['www.contoso.com'])] });
    expect(codes(result)).toEqual([]);
  });

  it('SHADOWING_IP_MAPPING for a stray specific-IP mapping on a port served on all addresses', () => {
    const result = run({
      sites: [site('A', 1, binding('*:443:www.contoso.com', 1))],
      mappings: [mapping('hostnameport', 'www.contoso.com:443', hash('A')), mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '192.0.2.10:443', hash('B'))],
      certificates: [cert(hash('A'), ['www.contoso.com']), cert(hash('B'), [])],
    });
    // The win-acme #94 shape: the stray mapping also leaves SNI clients arriving there in doubt.
    expect(codes(result)).toEqual(['PRECEDENCE_UNCERTAIN', 'SHADOWING_IP_MAPPING']);
    expect(result.findings.map((finding) => finding.mapping)).toEqual(['ipport:192.0.2.10:443', 'ipport:192.0.2.10:443']);
  });

  it('UNKNOWN_SSLFLAGS for bits above 64, CCS_NOT_CONFIGURED for a CCS binding without ccs=port', () => {
    expect(codes(run({ sites: [site('A', 1, binding('*:443:', 128))], mappings: [mapping('ipport', '0.0.0.0:443', hash('A'))], certificates: [cert(hash('A'), [])] }))).toEqual(['UNKNOWN_SSLFLAGS']);
    expect(codes(run({ sites: [site('A', 1, binding('*:443:static.contoso.com', 3))] }))).toEqual(['CCS_NOT_CONFIGURED']);
    expect(codes(run({ sites: [site('A', 1, binding('*:443:static.contoso.com', 3))], mappings: [mapping('ccs', '443', null)] }))).toEqual([]);
  });

  it('SNI_MAPPING_OVERRIDES when a stray SNI mapping wins over an IP binding for SNI clients', () => {
    const result = run({
      sites: [site('A', 1, binding('*:443:api.contoso.com'))],
      mappings: [mapping('ipport', '0.0.0.0:443', hash('A')), mapping('hostnameport', 'api.contoso.com:443', hash('B'))],
      certificates: [cert(hash('A'), ['api.contoso.com']), cert(hash('B'), ['api.contoso.com'])],
    });
    expect(codes(result)).toEqual(['SNI_MAPPING_OVERRIDES']);
  });

  it('URLACL_OVERLAP for overlapping reservations on any configuration; none when the reservations are unknown', () => {
    const reservations = [{ url: 'http://+:80/' }, { url: 'http://*:80/app/' }];
    expect(codes(run({ sites: [], reservations }))).toEqual(['URLACL_OVERLAP']);
    expect(codes(run({ sites: [], reservations: null }))).toEqual([]);
  });

  it('HTTPS_BINDING_INVALID keeps a placeholder binding and says why', () => {
    const result = run({ sites: [site('A', 1, { protocol: 'https', bindingInformation: ':[PORT]:localhost', sslFlags: 0, problem: 'port is not a number' })] });
    expect(codes(result)).toEqual(['HTTPS_BINDING_INVALID']);
    expect(result.findings[0]?.message).toContain('port is not a number');
  });

  it('IIS Express: ports outside 44300-44399 and non-localhost hosts without a reservation', () => {
    const sites = [site('WebApp', 1, binding(':44301:localhost'), binding(':5001:localhost'), binding('*:8080:devbox', 0, 'http'))];
    const mappings = [mapping('ipport', '0.0.0.0:44301', hash('A'), IIS_EXPRESS)];
    const certificates = [cert(hash('A'), ['localhost'])];
    const result = run({ sites, mappings, certificates, configKind: 'iisexpress' });
    expect(codes(result)).toEqual(['HTTPS_BINDING_NO_MAPPING', 'IISEXPRESS_PORT_OUTSIDE_RANGE', 'URLACL_MISSING']);
    const reserved = run({ sites, mappings, certificates, configKind: 'iisexpress', reservations: [{ url: 'http://devbox:8080/' }] });
    expect(codes(reserved)).not.toContain('URLACL_MISSING');
    expect(codes(run({ sites, mappings, certificates }))).not.toContain('IISEXPRESS_PORT_OUTSIDE_RANGE');
  });

  it('IIS Express: an empty host listens on every name, so it needs a reservation too (http://*:PORT/ or http://+:PORT/)', () => {
    const sites = [site('WebApp', 1, binding('*:8080:', 0, 'http'))];
    const missing = run({ sites, configKind: 'iisexpress', reservations: [{ url: 'http://localhost:8080/' }] });
    expect(missing.findings.filter((finding) => finding.code === 'URLACL_MISSING').map((finding) => finding.message)).toEqual(['IIS Express cannot listen on http://*:8080/ without admin rights: there is no URL reservation for it.']);
    for (const url of ['http://*:8080/', 'http://+:8080/']) expect(codes(run({ sites, configKind: 'iisexpress', reservations: [{ url }] }))).not.toContain('URLACL_MISSING');
  });
});
