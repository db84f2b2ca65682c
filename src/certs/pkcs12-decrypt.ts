import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { children, objectIdentifier, octetString, readTlv, smallInteger, type Tlv } from './der-reader.js';
import { bmpPassword, pkcs12Kdf, Pkcs12KeyPurpose } from './pkcs12-kdf.js';
import { rc2CbcDecrypt } from './rc2-cbc.js';

/**
 * Why encrypted PKCS#12 content could not be read: the algorithm is not available, or no
 * password tried opens it. Never a guess at the content.
 */
export class Pkcs12Unreadable extends Error {}

/** A password to try: the string, or null for the absent password (RFC 7292 B.1 tells the two apart). */
export type Pkcs12Password = string | null;

const Pbes2 = '1.2.840.113549.1.5.13';
const Pbkdf2 = '1.2.840.113549.1.5.12';
const HmacHashes: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const Pbes2Ciphers: Readonly<Record<string, { cipher: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { cipher: 'des-ede3-cbc', keyLength: 24 },
};
/** RFC 7292 appendix C's PBE algorithms with SHA-1 that Node's OpenSSL 3 still offers by default. */
const Pkcs12Ciphers: Readonly<Record<string, { cipher: string; keyLength: number; ivLength: number }>> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16, ivLength: 8 },
};
/**
 * RFC 7292 appendix C's PBE algorithms with RC2, which OpenSSL 3 keeps in its legacy provider:
 * decrypted by src/certs/rc2-cbc.ts, since certificate bags written by Windows and OpenSSL 1.x
 * are commonly RC2-40.
 */
const Rc2Ciphers: Readonly<Record<string, { keyLength: number; effectiveBits: number }>> = {
  '1.2.840.113549.1.12.1.5': { keyLength: 16, effectiveBits: 128 },
  '1.2.840.113549.1.12.1.6': { keyLength: 5, effectiveBits: 40 },
};
/** RC4, also in the legacy provider only, and not implemented here: such content stays unreadable. */
const Rc4Algorithms: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.12.1.1': 'RC4-128',
  '1.2.840.113549.1.12.1.2': 'RC4-40',
};

/**
 * The most key-derivation iterations a file may ask for. Exports use about 2,000 (Windows, .NET,
 * OpenSSL's 2,048); a file on a share others can write must not hold the worker for minutes.
 */
export const MaxIterations = 1_000_000;

function iterationCount(der: Uint8Array, element: Tlv): number {
  const count = smallInteger(der, element);
  if (count > MaxIterations) throw new Pkcs12Unreadable(`its key derivation asks ${count.toLocaleString('en-US')} iterations, more than the ${MaxIterations.toLocaleString('en-US')} HttpApi runs`);
  return count;
}

/** Decrypts `ciphertext` under the AlgorithmIdentifier `algorithm` with `password`. */
export function pkcs12Decrypt(der: Uint8Array, algorithm: Tlv, ciphertext: Buffer, password: Pkcs12Password): Buffer {
  const [oidElement, params] = children(der, algorithm);
  const oid = objectIdentifier(der, oidElement!);
  const rc4 = Rc4Algorithms[oid];
  if (rc4) throw new Pkcs12Unreadable(`RC4 encryption (${rc4}, OID ${oid}) is not available in this Node.js's OpenSSL`);
  if (!params) throw new Pkcs12Unreadable(`encryption algorithm ${oid} without parameters`);
  if (oid === Pbes2) return pbes2(der, params, ciphertext, password);
  const pbe = Pkcs12Ciphers[oid];
  const rc2 = Rc2Ciphers[oid];
  if (!pbe && !rc2) throw new Pkcs12Unreadable(`unsupported encryption algorithm (OID ${oid})`);
  const [salt, iterations] = children(der, params);
  const saltBytes = octetString(der, salt!);
  const count = iterationCount(der, iterations!);
  const bmp = password === null ? Buffer.alloc(0) : bmpPassword(password);
  const derive = (purpose: number, length: number) => pkcs12Kdf('sha1', bmp, saltBytes, count, purpose, length);
  if (rc2) {
    const plain = rc2CbcDecrypt(derive(Pkcs12KeyPurpose.key, rc2.keyLength), rc2.effectiveBits, derive(Pkcs12KeyPurpose.iv, 8), ciphertext);
    if (!plain) throw new Pkcs12Unreadable('the password does not decrypt it');
    return plain;
  }
  return decipher(pbe!.cipher, derive(Pkcs12KeyPurpose.key, pbe!.keyLength), derive(Pkcs12KeyPurpose.iv, pbe!.ivLength), ciphertext);
}

/** PKCS#5 v2.1 (RFC 8018 §6.2): PBKDF2 then a block cipher; the password as its bytes (UTF-8). */
function pbes2(der: Uint8Array, params: Tlv, ciphertext: Buffer, password: Pkcs12Password): Buffer {
  const [kdf, scheme] = children(der, params);
  const [kdfOid, kdfParams] = children(der, kdf!);
  const kdfName = objectIdentifier(der, kdfOid!);
  if (kdfName !== Pbkdf2 || !kdfParams) throw new Pkcs12Unreadable(`unsupported PBES2 key derivation (OID ${kdfName})`);
  const [schemeOid, ivElement] = children(der, scheme!);
  const schemeName = objectIdentifier(der, schemeOid!);
  const cipher = Pbes2Ciphers[schemeName];
  if (!cipher || !ivElement) throw new Pkcs12Unreadable(`unsupported PBES2 cipher (OID ${schemeName})`);
  const fields = children(der, kdfParams);
  const salt = octetString(der, fields[0]!);
  const iterations = iterationCount(der, fields[1]!);
  let hash = 'sha1';
  for (const field of fields.slice(2)) {
    if (field.tag !== 0x30) continue;
    const prf = objectIdentifier(der, readTlv(der, field.start));
    const named = HmacHashes[prf];
    if (!named) throw new Pkcs12Unreadable(`unsupported PBKDF2 pseudo-random function (OID ${prf})`);
    hash = named;
  }
  const key = pbkdf2Sync(Buffer.from(password ?? '', 'utf8'), salt, iterations, cipher.keyLength, hash);
  return decipher(cipher.cipher, key, octetString(der, ivElement), ciphertext);
}

function decipher(cipher: string, key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  try {
    const engine = createDecipheriv(cipher, key, iv);
    return Buffer.concat([engine.update(ciphertext), engine.final()]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_OSSL_EVP_UNSUPPORTED' || /unsupported|unknown cipher/i.test((error as Error).message)) throw new Pkcs12Unreadable(`${cipher} is not available in this Node.js's OpenSSL`);
    throw new Pkcs12Unreadable('the password does not decrypt it');
  }
}
