import { describe, expect, it } from 'vitest';
import type { CentralCertificateStore } from '../../src/certs/central-certificate-store.js';
import type { CertificateInfo } from '../../src/certs/certificate-info.js';
import type { JoinCertificate, JoinMapping } from '../../src/join/join-model.js';
import { mappingHealth, mappingOwner, type MappingStatus } from '../../src/join/mapping-health.js';

const now = new Date('2027-06-01T00:00:00Z');
const options = { now, expiryDays: 30 };

function certificate(thumbprint: string, fields: Partial<JoinCertificate> = {}): JoinCertificate {
  return { thumbprint, store: 'MY', subject: `CN=${thumbprint}`, issuer: 'CN=CA', dnsNames: [], notBefore: '2026-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z', hasPrivateKey: true, serverAuth: true, ...fields };
}

function mapping(fields: Partial<JoinMapping>): JoinMapping {
  return { kind: 'ipport', key: '0.0.0.0:443', certificateHash: 'AA', appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}', certificateStoreName: null, ...fields };
}

const certificates = [
  certificate('AA'),
  certificate('BB', { store: 'WebHosting' }),
  certificate('CC', { notAfter: '2027-05-01T00:00:00Z' }),
  certificate('DD', { notAfter: '2027-06-11T00:00:00Z' }),
  certificate('EE', { hasPrivateKey: false }),
  certificate('EF', { hasPrivateKey: true, privateKey: 'unusable' }),
  certificate('FF', { hasPrivateKey: null }),
  certificate('GG', { serverAuth: false }),
  certificate('HH', { notAfter: '2027-05-01T00:00:00Z', hasPrivateKey: false, serverAuth: false }),
];

describe('mapping owner', () => {
  it.each([
    ['{4dc3e181-e14b-4a21-b022-59fc669b0914}', 'IIS'],
    ['{4DC3E181-E14B-4A21-B022-59FC669B0914}', 'IIS'],
    ['{214124cd-d05b-4309-9af9-9caa44b2b74a}', 'IIS Express'],
    ['{5d89a20c-beab-4389-9447-324788eb944a}', 'AD FS'],
    ['{ba195980-cd49-458b-9e23-c84ee0adcd75}', 'SSTP'],
    ['{afebb9ad-9b97-4a91-9ab5-daf4d59122f6}', 'WinRM'],
    ['{4c3e21ba-7bef-46c8-bc85-a4407db6f596}', 'Lithnet Access Manager'],
    ['{00000000-0000-0000-0000-000000000001}', 'unknown app id'],
    [null, 'unknown app id'],
  ])('app id %s is %s', (appId, owner) => {
    expect(mappingOwner(appId)).toBe(owner);
  });
});

describe('mapping certificate status, whoever owns the mapping', () => {
  const cases: [string, Partial<JoinMapping>, MappingStatus, RegExp][] = [
    ['a valid certificate in MY, store (null)', { certificateHash: 'AA' }, 'ok', /CN=AA, valid until 2028-01-01/],
    ['a valid certificate in the store named', { certificateHash: 'BB', certificateStoreName: 'webhosting' }, 'ok', /CN=BB/],
    ['a hash in another store than the one named', { certificateHash: 'BB', certificateStoreName: 'MY' }, 'missing', /BB is not in store MY/],
    ['a hash in no store, on an SSTP mapping nobody binds', { certificateHash: '99', appId: '{ba195980-cd49-458b-9e23-c84ee0adcd75}' }, 'missing', /99 is not in store MY/],
    ['a store that does not exist', { certificateHash: 'AA', certificateStoreName: 'Remote Desktop' }, 'missing', /not in store Remote Desktop/],
    ['an expired certificate', { certificateHash: 'CC' }, 'expired', /expired on 2027-05-01/],
    ['a certificate expiring in 10 days', { certificateHash: 'DD' }, 'expiring', /expires in 10 day\(s\)/],
    ['a certificate without its private key', { certificateHash: 'EE' }, 'no private key', /no usable private key in store MY/],
    ['a key the store cannot open', { certificateHash: 'EF' }, 'no private key', /no usable private key/],
    ['a source that does not say about the key', { certificateHash: 'FF' }, 'key unknown', /does not say/],
    ['no Server Authentication EKU', { certificateHash: 'GG' }, 'not server auth', /Server Authentication EKU/],
    ['several problems: the worst first, every one in the detail', { certificateHash: 'HH' }, 'expired', /expired on .*; no usable private key .*; no Server Authentication EKU/],
    ['a CCS mapping', { kind: 'ccs', key: '443', certificateHash: null }, 'not checked', /Central Certificate Store/],
    ['a hash that could not be read', { certificateHash: null }, 'not checked', /no readable certificate hash/],
  ];
  it.each(cases)('%s', (_what, fields, status, detail) => {
    const [health] = mappingHealth([mapping(fields)], certificates, options);
    expect(health!.status).toBe(status);
    expect(health!.statusDetail).toMatch(detail);
  });

  const ccs = { kind: 'ccs', key: '443', certificateHash: null } as const;
  const summary = { enabled: true, folder: '\\\\files01\\ccs', fileCount: 12, unreadableCount: 0, folderProblem: null as string | null };
  // The store as readCentralCertificateStore answers: fileCount files, the first unreadableCount of them unreadable.
  const storeOf = ({ fileCount, unreadableCount, ...rest }: typeof summary): CentralCertificateStore => ({
    ...rest,
    certStoreLocation: rest.folder,
    files: Array.from({ length: fileCount }, (_, index) => ({
      name: `host${index}.pfx`,
      certificate: index < unreadableCount ? null : (certificate(`F${index}`) as CertificateInfo),
      unreadable: index < unreadableCount ? 'wrong password' : null,
      chain: [],
    })),
  });
  const ccsCases: [string, typeof summary | null, MappingStatus, string][] = [
    ['no source describes CCS', null, 'not checked', 'no source describes the Central Certificate Store (a snapshot without ccs/, or not Windows); it chooses the certificate per host name'],
    ['enabled, N files', summary, 'ok', 'Central Certificate Store enabled: 12 file(s) in \\\\files01\\ccs; the certificate is chosen per host name'],
    ['some files unreadable', { ...summary, unreadableCount: 2 }, 'ok', 'Central Certificate Store enabled: 12 file(s) in \\\\files01\\ccs, 2 present with an unreadable certificate; the certificate is chosen per host name'],
    ['disabled in the provider settings', { ...summary, enabled: false }, 'missing', "the Central Certificate Store is disabled in IIS's provider settings, so it serves no certificate (12 file(s) in \\\\files01\\ccs)"],
    ['a folder that cannot be read', { ...summary, fileCount: 0, folderProblem: '\\\\files01\\ccs cannot be read: permission denied' }, 'not checked', 'the Central Certificate Store cannot be read: \\\\files01\\ccs cannot be read: permission denied'],
  ];
  it.each(ccsCases)('a CCS mapping: %s', (_what, store, status, detail) => {
    const [health] = mappingHealth([mapping(ccs)], certificates, options, store && storeOf(store));
    expect([health!.status, health!.statusDetail]).toEqual([status, detail]);
  });

  it('says "not checked" for every mapping when the source has no certificates', () => {
    const health = mappingHealth([mapping({ certificateHash: 'AA' }), mapping({ certificateHash: '99' })], null, options);
    expect(health.map((entry) => [entry.status, entry.statusDetail])).toEqual([
      ['not checked', 'the source has no certificates'],
      ['not checked', 'the source has no certificates'],
    ]);
  });
});
