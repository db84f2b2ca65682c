import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rc2CbcDecrypt } from '../../src/certs/rc2-cbc.js';

// The oracle is OpenSSL's own RC2, which Node loads only with its legacy provider: a child
// process encrypts, the implementation under test decrypts.
function opensslEncrypt(cases: readonly { cipher: string; key: Buffer; iv: Buffer; data: Buffer }[]): Buffer[] {
  const script = `const c = require('node:crypto');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(cases.map((x) => {
  const e = c.createCipheriv(x.cipher, Buffer.from(x.key, 'hex'), Buffer.from(x.iv, 'hex'));
  return Buffer.concat([e.update(Buffer.from(x.data, 'hex')), e.final()]).toString('hex');
})));`;
  const input = JSON.stringify(cases.map((x) => ({ cipher: x.cipher, key: x.key.toString('hex'), iv: x.iv.toString('hex'), data: x.data.toString('hex') })));
  const out = JSON.parse(execFileSync(process.execPath, ['--openssl-legacy-provider', '-e', script], { input, encoding: 'utf8' })) as string[];
  return out.map((hex) => Buffer.from(hex, 'hex'));
}

describe('rc2CbcDecrypt against OpenSSL', () => {
  // RC2-40 is PKCS#12's pbeWithSHAAnd40BitRC2-CBC (a 5-byte key), RC2-128 its 128-bit sibling.
  const cases = Array.from({ length: 24 }, (_, index) => {
    const forty = index % 2 === 0;
    return { cipher: forty ? 'rc2-40-cbc' : 'rc2-cbc', bits: forty ? 40 : 128, key: randomBytes(forty ? 5 : 16), iv: randomBytes(8), data: randomBytes(index * 5) };
  });
  const encrypted = opensslEncrypt(cases);

  it.each(cases.map((entry, index) => ({ ...entry, index })))('$cipher, $data.length bytes', ({ key, bits, iv, data, index }) => {
    expect(rc2CbcDecrypt(key, bits, iv, encrypted[index]!)?.toString('hex')).toBe(data.toString('hex'));
  });

  it('a wrong key never gives the plaintext back: most often null, for padding that is not valid', () => {
    const index = cases.findIndex((candidate) => candidate.data.length === 40);
    const { key, bits, iv, data } = cases[index]!;
    const results = [1, 2, 3, 4].map((flip) => rc2CbcDecrypt(Buffer.from(key.map((byte, at) => (at === 0 ? byte ^ flip : byte))), bits, iv, encrypted[index]!));
    expect(results.some((result) => result !== null && result.equals(data))).toBe(false);
    expect(results.filter((result) => result === null).length).toBeGreaterThan(0);
  });

  it('ciphertext that is not whole 8-byte blocks is null', () => {
    expect(rc2CbcDecrypt(randomBytes(5), 40, randomBytes(8), randomBytes(12))).toBeNull();
  });
});
