import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCertificates } from '../../src/certs/read-certificates.js';
import type { CertificateInfo } from '../../src/certs/certificate-info.js';
import { certsDir, derOf, fixtureRows } from './fixture-table.js';

/**
 * The model of every fixture certificate. Expected values come from the generation script's
 * inputs and `openssl x509 -text` of each file, read by hand; thumbprints and dates from the
 * README table openssl filled in.
 */
const certificates = await readCertificates({ kind: 'directory', path: certsDir });
const byFile = new Map(certificates.map((certificate) => [certificate.file!.slice(certsDir.length), certificate]));
const rows = fixtureRows();
const serverAuth = ['1.3.6.1.5.5.7.3.1'];
const ca = 'CN=HttpApi Test Root CA, O=HttpApi Fixtures';

type Expected = Pick<CertificateInfo, 'subject' | 'issuer' | 'commonName' | 'dnsNames' | 'ipAddresses' | 'ekus' | 'serverAuth' | 'hasPrivateKey' | 'selfSigned' | 'keyUsage' | 'certificateAuthority' | 'serialNumber'>;
const leaf = (cn: string, org: string, dnsNames: string[], serial: string, more: Partial<Expected> = {}): Expected => ({
  subject: `CN=${cn}, ${org}`,
  issuer: ca,
  commonName: cn,
  dnsNames,
  ipAddresses: [],
  ekus: serverAuth,
  serverAuth: true,
  hasPrivateKey: true,
  selfSigned: false,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  certificateAuthority: false,
  serialNumber: serial,
  ...more,
});
const contoso = 'O=Contoso Ltd, C=US';
const fabrikam = 'O=Fabrikam Inc';

const expected: Record<string, Expected> = {
  'ca.pem': { subject: ca, issuer: ca, commonName: 'HttpApi Test Root CA', dnsNames: [], ipAddresses: [], ekus: null, serverAuth: true, hasPrivateKey: true, selfSigned: true, keyUsage: ['keyCertSign', 'cRLSign'], certificateAuthority: true, serialNumber: '1000' },
  'www-contoso.pem': leaf('www.contoso.com', contoso, ['www.contoso.com', 'contoso.com'], '1001', { ipAddresses: ['2001:db8::5'] }),
  'wildcard-contoso.cer': leaf('*.contoso.com', contoso, ['*.contoso.com', 'contoso.com'], '1002', { ekus: [...serverAuth, '1.3.6.1.5.5.7.3.2'], keyUsage: ['digitalSignature'] }),
  'expired.pem': leaf('shop.fabrikam.com', fabrikam, ['shop.fabrikam.com'], '1003'),
  'expiring-soon.pem': leaf('api.contoso.com', contoso, ['api.contoso.com'], '1004'),
  'wrong-name.pem': leaf('intranet.fabrikam.com', fabrikam, ['intranet.fabrikam.com'], '1005'),
  'client-auth-only.crt': leaf('partners.contoso.com', contoso, ['partners.contoso.com'], '1006', { ekus: ['1.3.6.1.5.5.7.3.2'], serverAuth: false, keyUsage: ['digitalSignature'] }),
  'no-eku.pem': leaf('legacy.contoso.com', contoso, [], '1007', { ekus: null, serverAuth: true }),
  // fixtures/certs is a bare folder (no keys.json): without a key beside it, presence is unknown.
  'no-key.pem': leaf('billing.contoso.com', contoso, ['billing.contoso.com'], '1008', { hasPrivateKey: null }),
  'iis-express-dev.pem': leaf('localhost', '', ['localhost'], '1009', { subject: 'CN=localhost', issuer: 'CN=localhost', selfSigned: true }),
  'mail-fabrikam.pem': leaf('mail.fabrikam.com', fabrikam, ['mail.fabrikam.com'], '100A'),
};

describe('the model of each fixture certificate', () => {
  it('reads every certificate file of fixtures/certs once, all in MY (files directly in certs/)', () => {
    expect([...byFile.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(new Set(certificates.map((certificate) => certificate.store))).toEqual(new Set(['MY']));
  });

  it.each(Object.entries(expected))('%s', (file, fields) => {
    const certificate = byFile.get(file)!;
    expect(certificate).toMatchObject(fields);
    const row = rows.get(file)!;
    expect(certificate.thumbprint).toBe(row.thumbprint);
    expect(certificate.notBefore).toBe(row.notBefore);
    expect(certificate.notAfter).toBe(row.notAfter);
    const der = derOf(readFileSync(`${certsDir}${file}`));
    expect(certificate.thumbprint).toBe(createHash('sha1').update(der).digest('hex').toUpperCase());
    expect(certificate.sha256).toBe(createHash('sha256').update(der).digest('hex').toUpperCase());
    expect(certificate.friendlyName).toBeNull();
  });

  it('has the fixed validity the script gives each certificate', () => {
    expect(byFile.get('expired.pem')).toMatchObject({ notBefore: '2023-03-01T00:00:00.000Z', notAfter: '2024-03-01T00:00:00.000Z' });
    expect(byFile.get('www-contoso.pem')).toMatchObject({ notBefore: '2025-06-01T00:00:00.000Z', notAfter: '2045-06-01T00:00:00.000Z' });
    const soon = byFile.get('expiring-soon.pem')!;
    expect(new Date(soon.notAfter).getTime() - new Date(soon.notBefore).getTime()).toBe(365 * 86_400_000);
  });
});
