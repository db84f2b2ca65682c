import * as crypto from 'node:crypto';

/**
 * One digest of one buffer. `crypto.hash` (Node 20.12 and later) skips the Hash object that
 * `createHash` builds, which is half the cost of a KDF iteration: a CCS store of many files runs
 * thousands of them per file.
 */
const digestOnce: (algorithm: string, data: Buffer) => Buffer =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (algorithm, data) => (crypto as unknown as { hash: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer }).hash(algorithm, data, 'buffer')
    : (algorithm, data) => crypto.createHash(algorithm).update(data).digest();

/** What the RFC 7292 KDF derives, by its ID byte (appendix B.3). */
export const Pkcs12KeyPurpose = { key: 1, iv: 2, mac: 3 } as const;

/** Input block size v of the hashes PKCS#12 uses with this KDF (SHA-1 and the SHA-2 family). */
const BlockBytes: Readonly<Record<string, number>> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/**
 * RFC 7292 appendix B.2, the PKCS#12 key derivation (Node's OpenSSL exposes no such KDF to
 * JavaScript). `password` is already the BMPString bytes with their two-zero terminator, or
 * empty for an absent password (appendix B.1).
 */
export function pkcs12Kdf(hash: string, password: Buffer, salt: Buffer, iterations: number, purpose: number, length: number): Buffer {
  const v = BlockBytes[hash];
  if (v === undefined) throw new RangeError(`no PKCS#12 KDF block size for ${hash}`);
  const diversifier = Buffer.alloc(v, purpose);
  const stretch = (input: Buffer) => {
    const out = Buffer.alloc(v * Math.ceil(input.length / v));
    for (let index = 0; index < out.length; index++) out[index] = input[index % input.length]!;
    return out;
  };
  const input = Buffer.concat([stretch(salt), stretch(password)]);
  const blocks: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let a: Buffer = crypto.createHash(hash).update(diversifier).update(input).digest();
    for (let round = 1; round < iterations; round++) a = digestOnce(hash, a);
    blocks.push(a);
    produced += a.length;
    if (produced >= length) break;
    const b = stretch(a).subarray(0, v);
    // I_j = (I_j + B + 1) mod 2^(8v), for every v-byte block of I, as big-endian integers.
    for (let start = 0; start < input.length; start += v) {
      let carry = 1;
      for (let index = v - 1; index >= 0; index--) {
        const sum = input[start + index]! + b[index]! + carry;
        input[start + index] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** A password as PKCS#12 PBE takes it: UTF-16 big-endian with a two-zero terminator (RFC 7292 B.1). */
export function bmpPassword(password: string): Buffer {
  const little = Buffer.from(`${password}\0`, 'utf16le');
  return little.swap16();
}
