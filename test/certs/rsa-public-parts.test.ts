import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rsaPartsOfCertificate, rsaPartsOfPrivateKeyPem, sameRsaParts, type RsaPublicParts } from '../../src/certs/rsa-public-parts.js';

const certs = path.resolve('fixtures/certs');
const keyPem = readFileSync(path.join(certs, 'www-contoso.key'), 'utf8').trim();
const key = createPrivateKey(keyPem);
const certificate = new X509Certificate(readFileSync(path.join(certs, 'www-contoso.pem')));

/** What OpenSSL sees: n and e of a key, as JWK gives them. */
function partsOf(object: ReturnType<typeof createPrivateKey>): RsaPublicParts {
  const jwk = object.export({ format: 'jwk' });
  return { modulus: Buffer.from(jwk.n!, 'base64url'), exponent: Buffer.from(jwk.e!, 'base64url') };
}

const pem = (label: string, der: Buffer, width = 64) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(new RegExp(`.{1,${width}}`, 'g'), '$&\n')}-----END ${label}-----`;
const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
const pkcs1 = key.export({ format: 'der', type: 'pkcs1' });

describe('rsaPartsOfPrivateKeyPem', () => {
  it('reads n and e of a PKCS#8 and of a PKCS#1 RSA key as OpenSSL does', () => {
    const expected = partsOf(key);
    expect(sameRsaParts(rsaPartsOfPrivateKeyPem('PRIVATE KEY', keyPem)!, expected)).toBe(true);
    expect(sameRsaParts(rsaPartsOfPrivateKeyPem('RSA PRIVATE KEY', pem('RSA PRIVATE KEY', pkcs1))!, expected)).toBe(true);
    expect(sameRsaParts(rsaPartsOfPrivateKeyPem('PRIVATE KEY', pem('PRIVATE KEY', pkcs8).replace(/\n/g, '\r\n'))!, expected)).toBe(true);
  });

  it('leaves every other form to OpenSSL (null)', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'pkcs8' });
    const longLength = Buffer.concat([Buffer.from([0x30, 0x83, 0x00]), pkcs8.subarray(2)]);
    expect(rsaPartsOfPrivateKeyPem('PRIVATE KEY', pem('PRIVATE KEY', ec))).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('PRIVATE KEY', pem('PRIVATE KEY', pkcs8, 76))).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('PRIVATE KEY', pem('PRIVATE KEY', Buffer.concat([pkcs8, Buffer.from([0x05, 0x00])])))).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('PRIVATE KEY', pem('PRIVATE KEY', longLength))).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('PRIVATE KEY', pem('RSA PRIVATE KEY', pkcs1))).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('PRIVATE KEY', keyPem.replace('MII', 'MI I'))).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('ENCRYPTED PRIVATE KEY', keyPem)).toBeNull();
    expect(rsaPartsOfPrivateKeyPem('EC PRIVATE KEY', keyPem)).toBeNull();
  });

  /** Where the tags and lengths of a DER structure are: the bytes a damaged key most likely differs in. */
  function headerBytes(der: Buffer): number[] {
    const found: number[] = [];
    const walk = (start: number, end: number) => {
      for (let offset = start; offset < end; ) {
        const tag = der[offset]!;
        let length = der[offset + 1]!;
        let content = offset + 2;
        if (length & 0x80) {
          const count = length & 0x7f;
          length = [...der.subarray(content, content + count)].reduce((total, byte) => total * 256 + byte, 0);
          content += count;
        }
        for (let index = offset; index < Math.min(content + 1, end); index++) found.push(index);
        if (tag === 0x30 || tag === 0x04) walk(content, content + length);
        offset = content + length;
      }
    };
    walk(0, der.length);
    return found;
  }

  // The promise the product relies on: whatever this reads, OpenSSL reads too, with the same
  // numbers; a damaged key is read by neither or goes to OpenSSL (null).
  it('never accepts bytes OpenSSL refuses, nor reads other numbers (property)', () => {
    const damage = (der: Buffer) =>
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...headerBytes(der)), fc.nat({ max: der.length - 1 })), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 });
    const cases = fc.oneof(
      damage(pkcs8).map((changes) => ({ asPkcs1: false, changes })),
      damage(pkcs1).map((changes) => ({ asPkcs1: true, changes })),
    );
    fc.assert(
      fc.property(cases, ({ asPkcs1, changes }) => {
        const der = Buffer.from(asPkcs1 ? pkcs1 : pkcs8);
        for (const [at, value] of changes) der[at] = value;
        const label = asPkcs1 ? 'RSA PRIVATE KEY' : 'PRIVATE KEY';
        const text = pem(label, der);
        const parts = rsaPartsOfPrivateKeyPem(label, text);
        if (parts === null) return;
        expect(sameRsaParts(parts, partsOf(createPrivateKey(text)))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('rsaPartsOfCertificate', () => {
  it('reads the subject public key of an RSA certificate', () => {
    const jwk = certificate.publicKey.export({ format: 'jwk' });
    expect(sameRsaParts(rsaPartsOfCertificate(certificate.raw)!, { modulus: Buffer.from(jwk.n!, 'base64url'), exponent: Buffer.from(jwk.e!, 'base64url') })).toBe(true);
    expect(sameRsaParts(rsaPartsOfCertificate(certificate.raw)!, partsOf(key))).toBe(true);
  });

  it('gives null for what is not a certificate', () => {
    expect(rsaPartsOfCertificate(pkcs8)).toBeNull();
    expect(rsaPartsOfCertificate(Buffer.from([0x30, 0x00]))).toBeNull();
  });
});
