import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKeyUsage } from '../../src/certs/key-usage.js';
import { allowsServerAuth, ekuName } from '../../src/certs/extended-key-usage.js';
import { certsDir, derOf } from './fixture-table.js';

const der = (file: string) => derOf(readFileSync(`${certsDir}${file}`));

describe('readKeyUsage', () => {
  it('reads the bits `openssl x509 -text` shows for the fixtures', () => {
    // ca.pem: "X509v3 Key Usage: critical / Certificate Sign, CRL Sign"
    expect(readKeyUsage(der('ca.pem'))).toEqual(['keyCertSign', 'cRLSign']);
    // www-contoso.pem: "Digital Signature, Key Encipherment"
    expect(readKeyUsage(der('www-contoso.pem'))).toEqual(['digitalSignature', 'keyEncipherment']);
    // wildcard-contoso.cer (EC key): "Digital Signature"
    expect(readKeyUsage(der('wildcard-contoso.cer'))).toEqual(['digitalSignature']);
  });

  it('is null for a certificate without extensions', () => {
    // SEQUENCE { SEQUENCE { [0] { INTEGER 2 }, INTEGER 1 } }: a tbsCertificate with no [3] extensions.
    expect(readKeyUsage(Uint8Array.of(0x30, 0x0a, 0x30, 0x08, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01))).toBeNull();
  });

  it('refuses DER that runs past its end', () => {
    expect(() => readKeyUsage(Uint8Array.of(0x30, 0x10, 0x30))).toThrow(RangeError);
  });
});

describe('server authentication by EKU (RFC 5280 §4.2.1.12)', () => {
  it('is allowed without an EKU extension, with serverAuth or anyExtendedKeyUsage', () => {
    expect(allowsServerAuth(null)).toBe(true);
    expect(allowsServerAuth(['1.3.6.1.5.5.7.3.1'])).toBe(true);
    expect(allowsServerAuth(['2.5.29.37.0'])).toBe(true);
  });

  it('is not allowed by an EKU list without them, even an empty one', () => {
    expect(allowsServerAuth(['1.3.6.1.5.5.7.3.2'])).toBe(false);
    expect(allowsServerAuth([])).toBe(false);
  });

  it('names well-known OIDs and keeps others as they are', () => {
    expect(ekuName('1.3.6.1.5.5.7.3.2')).toBe('clientAuth');
    expect(ekuName('1.2.3.4')).toBe('1.2.3.4');
  });
});
