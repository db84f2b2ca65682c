import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { children, readTlv } from '../../src/certs/der-reader.js';
import { MaxIterations, pkcs12Decrypt } from '../../src/certs/pkcs12-decrypt.js';
import { readPkcs12, Pkcs12Error } from '../../src/certs/pkcs12.js';

// Real PFX files made now by the real `openssl pkcs12 -export`, so the reader is checked
// against OpenSSL's writer, never against bytes our own code produced.
const certs = path.resolve('fixtures/certs');
const work = mkdtempSync(path.join(tmpdir(), 'httpapi-pkcs12-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const thumbprintOf = (pemFile: string) => createHash('sha1').update(new X509Certificate(readFileSync(pemFile)).raw).digest('hex').toUpperCase();
const thumbprint = (der: Buffer) => createHash('sha1').update(der).digest('hex').toUpperCase();
const leafThumbprint = thumbprintOf(path.join(certs, 'www-contoso.pem'));
const caThumbprint = thumbprintOf(path.join(certs, 'ca.pem'));

let count = 0;
function pfx(args: string[], options: { chain?: boolean; key?: boolean } = {}): Buffer {
  const out = path.join(work, `${++count}.pfx`);
  const input = ['-in', path.join(certs, 'www-contoso.pem'), ...(options.key === false ? ['-nokeys'] : ['-inkey', path.join(certs, 'www-contoso.key')]), ...(options.chain ? ['-certfile', path.join(certs, 'ca.pem')] : [])];
  execFileSync('openssl', ['pkcs12', '-export', ...input, ...args, '-out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  return readFileSync(out);
}

describe('readPkcs12 on files openssl pkcs12 -export made', () => {
  const cases: { name: string; args: string[]; passwords: (string | null)[] }[] = [
    { name: 'PBES2 AES-256-CBC (OpenSSL 3 default), empty password', args: ['-certpbe', 'AES-256-CBC', '-passout', 'pass:'], passwords: ['', null] },
    { name: 'PBES2 AES-256-CBC, password', args: ['-certpbe', 'AES-256-CBC', '-passout', 'pass:s3cret'], passwords: ['', null, 's3cret'] },
    { name: 'PBES2 AES-128-CBC, SHA-1 MAC', args: ['-certpbe', 'AES-128-CBC', '-macalg', 'sha1', '-passout', 'pass:s3cret'], passwords: ['s3cret'] },
    { name: 'PKCS#12 PBE SHA1-3DES, empty password', args: ['-certpbe', 'PBE-SHA1-3DES', '-passout', 'pass:'], passwords: ['', null] },
    { name: 'PKCS#12 PBE SHA1-3DES, password', args: ['-certpbe', 'PBE-SHA1-3DES', '-passout', 'pass:pässwörd'], passwords: ['', null, 'pässwörd'] },
    { name: 'PBES2 des-ede3-cbc', args: ['-certpbe', 'DES-EDE3-CBC', '-passout', 'pass:x'], passwords: ['x'] },
    { name: 'unencrypted certificates (-certpbe NONE)', args: ['-certpbe', 'NONE', '-passout', 'pass:x'], passwords: [] },
    // What Windows and OpenSSL 1.x write: RC2-40 certificate bags, decrypted by src/certs/rc2-cbc.ts.
    { name: '-legacy (PKCS#12 PBE SHA1-RC2-40), empty password', args: ['-legacy', '-passout', 'pass:'], passwords: ['', null] },
    { name: '-legacy, password', args: ['-legacy', '-passout', 'pass:s3cret'], passwords: ['', null, 's3cret'] },
    { name: 'PKCS#12 PBE SHA1-RC2-128', args: ['-legacy', '-certpbe', 'PBE-SHA1-RC2-128', '-passout', 'pass:x'], passwords: ['x'] },
  ];
  for (const { name, args, passwords } of cases) {
    it(`${name}: the leaf, paired with the key bag`, () => {
      const read = readPkcs12(pfx(args), passwords);
      expect(read.certificates.map((certificate) => thumbprint(certificate.der))).toEqual([leafThumbprint]);
      expect(thumbprint(read.leaf!.der)).toBe(leafThumbprint);
    });
  }

  it('PBE-SHA1-3DES with an empty password opens with the absent form too, as OpenSSL tries both', () => {
    const file = pfx(['-certpbe', 'PBE-SHA1-3DES', '-passout', 'pass:']);
    const read = readPkcs12(file, [null, '']);
    expect(thumbprint(read.leaf!.der)).toBe(leafThumbprint);
  });

  it('a chain: every certificate, and the leaf is the key bag\'s', () => {
    const read = readPkcs12(pfx(['-passout', 'pass:'], { chain: true }), ['']);
    expect(read.certificates.map((certificate) => thumbprint(certificate.der)).sort()).toEqual([leafThumbprint, caThumbprint].sort());
    expect(thumbprint(read.leaf!.der)).toBe(leafThumbprint);
  });

  it('a chain without a key: the leaf is the certificate that issued no other', () => {
    const read = readPkcs12(pfx(['-certpbe', 'NONE', '-passout', 'pass:'], { chain: true, key: false }), []);
    expect(read.certificates).toHaveLength(2);
    expect(thumbprint(read.leaf!.der)).toBe(leafThumbprint);
  });

  it('the wrong password: unreadable, saying no password opened it', () => {
    expect(() => readPkcs12(pfx(['-passout', 'pass:right']), ['', null, 'wrong'])).toThrow(/no password tried decrypts its certificates \(3 tried\)/);
    expect(() => readPkcs12(pfx(['-certpbe', 'PBE-SHA1-3DES', '-passout', 'pass:right']), ['', null])).toThrow(Pkcs12Error);
  });

  it('-legacy (RC2-40 certificates) under another password: unreadable, as any wrong password', () => {
    expect(() => readPkcs12(pfx(['-legacy', '-passout', 'pass:right']), ['', null, 'wrong'])).toThrow(/no password tried decrypts its certificates \(3 tried\)/);
  });

  it('a file asking more key-derivation iterations than the cap: unreadable, before any is run', () => {
    const greedy = pfx(['-certpbe', 'AES-256-CBC', '-iter', String(MaxIterations + 1), '-passout', 'pass:']);
    const started = Date.now();
    expect(() => readPkcs12(greedy, ['', null])).toThrow(/asks 1,000,001 iterations, more than the 1,000,000 HttpApi runs/);
    expect(Date.now() - started).toBeLessThan(500);
    expect(thumbprint(readPkcs12(pfx(['-certpbe', 'AES-256-CBC', '-iter', String(MaxIterations), '-passout', 'pass:']), ['']).leaf!.der)).toBe(leafThumbprint);
  }, 60_000);

  it('RC4 certificate bags: unreadable, naming RC4 and its OID', () => {
    const rc4 = pfx(['-legacy', '-certpbe', 'PBE-SHA1-RC4-128', '-passout', 'pass:']);
    expect(() => readPkcs12(rc4, ['', null])).toThrow(/RC4 encryption \(RC4-128, OID 1\.2\.840\.113549\.1\.12\.1\.1\)/);
  });

  it('malformed and truncated input: a clear error, not a crash', () => {
    const good = pfx(['-passout', 'pass:']);
    expect(() => readPkcs12(good.subarray(0, good.length - 40), [''])).toThrow(/not a PKCS#12 file \(DER element at byte 0 runs past the end\)/);
    expect(() => readPkcs12(Buffer.from('hello, world'), [''])).toThrow(/not a PKCS#12 file \(it does not start with a DER SEQUENCE\)/);
    expect(() => readPkcs12(readFileSync(path.join(certs, 'wildcard-contoso.cer')), [''])).toThrow(Pkcs12Error);
    expect(() => readPkcs12(Buffer.alloc(0), [''])).toThrow(/not a PKCS#12 file \(DER ends at byte 0\)/);
  });
});

// openssl pkcs12 -export in OpenSSL 3.0 always uses hmacWithSHA256 as PBES2's PRF. The same
// AlgorithmIdentifier and ciphertext shape is what `openssl pkcs8 -topk8` writes (an
// EncryptedPrivateKeyInfo), where the PRF and cipher can be chosen: the decryptor is checked on
// those against the plaintext openssl itself writes (-nocrypt).
describe('pkcs12Decrypt on what openssl pkcs8 -topk8 encrypts', () => {
  const plain = execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', path.join(certs, 'www-contoso.key'), '-outform', 'DER']);
  const cases: [string, string[]][] = [
    ['PBES2 PBKDF2 hmacWithSHA1, AES-256-CBC', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA1']],
    ['PBES2 PBKDF2 hmacWithSHA256, AES-192-CBC', ['-v2', 'aes-192-cbc', '-v2prf', 'hmacWithSHA256']],
    ['PBES2 PBKDF2 hmacWithSHA1, des-ede3-cbc', ['-v2', 'des3', '-v2prf', 'hmacWithSHA1']],
    ['PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 appendix B KDF)', ['-v1', 'PBE-SHA1-3DES']],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const encrypted = execFileSync('openssl', ['pkcs8', '-topk8', '-in', path.join(certs, 'www-contoso.key'), ...args, '-passout', 'pass:pässwörd', '-outform', 'DER']);
      const [algorithm, ciphertext] = children(encrypted, readTlv(encrypted, 0));
      const octets = Buffer.from(encrypted.subarray(ciphertext!.start, ciphertext!.end));
      expect(pkcs12Decrypt(encrypted, algorithm!, octets, 'pässwörd').equals(plain)).toBe(true);
      // A wrong password fails the padding check, or (about 1 in 256) passes it with other bytes.
      let wrong: Buffer | null = null;
      try {
        wrong = pkcs12Decrypt(encrypted, algorithm!, octets, 'wrong');
      } catch {
        // the usual outcome
      }
      expect(wrong?.equals(plain) ?? false).toBe(false);
    });
  }
});
