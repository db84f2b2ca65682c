/**
 * RC2 decryption in CBC mode (RFC 2268), for the certificate bags of PKCS#12 files written
 * with pbeWithSHAAnd40BitRC2-CBC (OpenSSL 1.x's default, `-legacy` in 3.x; Windows' exports too, by
 * users' reports, not verified here): Node's OpenSSL 3 keeps RC2 in
 * its legacy provider, which a running Node.js cannot load, so without this such a Central
 * Certificate Store file could not be read at all. Decryption only: nothing here is written
 * with RC2.
 */

/** RFC 2268 §2: a permutation of 0..255 based on the digits of pi. */
const PiTable = Buffer.from(
  [
    'd9 78 f9 c4 19 dd b5 ed 28 e9 fd 79 4a a0 d8 9d',
    'c6 7e 37 83 2b 76 53 8e 62 4c 64 88 44 8b fb a2',
    '17 9a 59 f5 87 b3 4f 13 61 45 6d 8d 09 81 7d 32',
    'bd 8f 40 eb 86 b7 7b 0b f0 95 21 22 5c 6b 4e 82',
    '54 d6 65 93 ce 60 b2 1c 73 56 c0 14 a7 8c f1 dc',
    '12 75 ca 1f 3b be e4 d1 42 3d d4 30 a3 3c b6 26',
    '6f bf 0e da 46 69 07 57 27 f2 1d 9b bc 94 43 03',
    'f8 11 c7 f6 90 ef 3e e7 06 c3 d5 2f c8 66 1e d7',
    '08 e8 ea de 80 52 ee f7 84 aa 72 ac 35 4d 6a 2a',
    '96 1a d2 71 5a 15 49 74 4b 9f d0 5e 04 18 a4 ec',
    'c2 e0 41 6e 0f 51 cb cc 24 91 af 50 a1 f4 70 39',
    '99 7c 3a 85 23 b8 b4 7a fc 02 36 5b 25 55 97 31',
    '2d 5d fa 98 e3 8a 92 ae 05 df 29 10 67 6c ba c9',
    'd3 00 e6 cf e1 9e a8 2c 63 16 01 3f 58 e2 89 a9',
    '0d 38 34 1b ab 33 ff b0 bb 48 0c 5f b9 b1 cd 2e',
    'c5 f3 db 47 e5 a5 9c 77 0a a6 20 68 fe 7f c1 ad',
  ]
    .join(' ')
    .replace(/ /g, ''),
  'hex',
);

/** RFC 2268 §2: the 64 key words for `key` at `effectiveBits` bits. */
function expandKey(key: Buffer, effectiveBits: number): Uint16Array {
  const t = key.length;
  if (t < 1 || t > 128) throw new RangeError(`an RC2 key is 1 to 128 bytes, not ${t}`);
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = t; i < 128; i++) l[i] = PiTable[(l[i - 1]! + l[i - t]!) & 0xff]!;
  const t8 = Math.floor((effectiveBits + 7) / 8);
  const tm = 0xff % 2 ** (8 + effectiveBits - 8 * t8);
  l[128 - t8] = PiTable[l[128 - t8]! & tm]!;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PiTable[l[i + 1]! ^ l[i + t8]!]!;
  const words = new Uint16Array(64);
  for (let i = 0; i < 64; i++) words[i] = l[2 * i]! | (l[2 * i + 1]! << 8);
  return words;
}

const Shifts = [1, 2, 3, 5] as const;

/** RFC 2268 §4: one 8-byte block decrypted in place (five r-mixing, r-mashing, six, r-mashing, five). */
function decryptBlock(k: Uint16Array, block: Uint16Array): void {
  let j = 63;
  const rMix = () => {
    for (let i = 3; i >= 0; i--) {
      const s = Shifts[i]!;
      const r = block[i]!;
      block[i] = ((r >>> s) | (r << (16 - s))) & 0xffff;
      const a = block[(i + 3) & 3]!;
      const b = block[(i + 2) & 3]!;
      const c = block[(i + 1) & 3]!;
      block[i] = (block[i]! - k[j--]! - (a & b) - (~a & c)) & 0xffff;
    }
  };
  const rMash = () => {
    for (let i = 3; i >= 0; i--) block[i] = (block[i]! - k[block[(i + 3) & 3]! & 63]!) & 0xffff;
  };
  for (let round = 0; round < 5; round++) rMix();
  rMash();
  for (let round = 0; round < 6; round++) rMix();
  rMash();
  for (let round = 0; round < 5; round++) rMix();
}

/**
 * `ciphertext` decrypted with RC2 in CBC mode and its PKCS#7 padding removed; null when the
 * padding is not valid (the key is wrong: a wrong password).
 */
export function rc2CbcDecrypt(key: Buffer, effectiveBits: number, iv: Buffer, ciphertext: Buffer): Buffer | null {
  if (iv.length !== 8) throw new RangeError(`an RC2 IV is 8 bytes, not ${iv.length}`);
  if (ciphertext.length === 0 || ciphertext.length % 8 !== 0) return null;
  const k = expandKey(key, effectiveBits);
  const out = Buffer.alloc(ciphertext.length);
  const block = new Uint16Array(4);
  let previous = iv;
  for (let offset = 0; offset < ciphertext.length; offset += 8) {
    const current = ciphertext.subarray(offset, offset + 8);
    for (let i = 0; i < 4; i++) block[i] = current.readUInt16LE(2 * i);
    decryptBlock(k, block);
    for (let i = 0; i < 4; i++) out.writeUInt16LE(block[i]! ^ previous.readUInt16LE(2 * i), offset + 2 * i);
    previous = current;
  }
  const pad = out[out.length - 1]!;
  if (pad < 1 || pad > 8 || !out.subarray(out.length - pad).every((byte) => byte === pad)) return null;
  return out.subarray(0, out.length - pad);
}
