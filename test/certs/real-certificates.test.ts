import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCertificateFile } from '../../src/certs/certificate-file.js';
import { describeCertificate } from '../../src/certs/describe-certificate.js';
import { matchesHostName } from '../../src/certs/host-name-match.js';

// A real leaf certificate a public CA issued (fixtures/real-certs/README.md gives its source and
// licence). Every expectation below was read off `openssl x509 -noout -subject -issuer -dates
// -fingerprint -sha1 -serial -ext subjectAltName,extendedKeyUsage,keyUsage,basicConstraints`.
const file = 'fixtures/real-certs/www.cryptography.io.pem';

describe('a real public leaf certificate (www.cryptography.io, RapidSSL 2014)', () => {
  const read = readCertificateFile(file, readFileSync(file));

  it('is one certificate; the file alone holds no key, so its key state is unknown (null)', () => {
    expect(read).toHaveLength(1);
    expect(read[0]!.hasPrivateKey).toBe(null);
  });

  it('reads subject, issuer, names, validity, serial, usages and thumbprint as openssl does', () => {
    const info = describeCertificate(read[0]!.certificate, { store: 'MY', hasPrivateKey: false, file });
    expect(info).toMatchObject({
      thumbprint: '973CEBA25EF865F9D802B0E727555B9C4FC65188',
      subject: 'CN=www.cryptography.io, OU=Domain Control Validated - RapidSSL(R), OU=See www.rapidssl.com/resources/cps (c)14, OU=GT48742965',
      issuer: 'CN=RapidSSL SHA256 CA - G3, O=GeoTrust Inc., C=US',
      commonName: 'www.cryptography.io',
      dnsNames: ['www.cryptography.io', 'cryptography.io'],
      ipAddresses: [],
      notBefore: '2014-10-15T12:09:32.000Z',
      notAfter: '2018-11-16T01:15:03.000Z',
      serialNumber: '3F20',
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
      serverAuth: true,
      selfSigned: false,
      certificateAuthority: false,
    });
  });

  it('covers its two names and nothing one label off', () => {
    const info = describeCertificate(read[0]!.certificate, { store: 'MY', hasPrivateKey: false });
    expect(['www.cryptography.io', 'CRYPTOGRAPHY.IO', 'docs.cryptography.io', 'www.cryptography.io.evil.example'].map((host) => matchesHostName(info, host))).toEqual([true, true, false, false]);
  });
});
