import { readTlv, sameBytes, type Tlv } from './der-reader.js';

/**
 * The public numbers of an RSA key: what OpenSSL compares (BN_cmp of n and e) when
 * X509Certificate.checkPrivateKey asks whether a private key belongs to a certificate.
 * Magnitudes without leading zero bytes, so equal numbers have equal bytes.
 */
export interface RsaPublicParts {
  modulus: Uint8Array;
  exponent: Uint8Array;
}

/**
 * Why this exists: createPrivateKey costs about half a millisecond per key (OpenSSL 3's
 * decoder set-up), which was a third of reading a store of 1,000 certificates with their keys
 * (bench/run.mjs). For the form nearly every key file has, an unencrypted RSA key in PEM
 * (PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`), the answer is read here instead. The
 * reading is strict: anything but canonical base64 and DER of exactly that structure (two-prime
 * version 0, no attributes, positive minimal integers) gives null, and the caller asks OpenSSL
 * as before, so a key OpenSSL would refuse is still refused with OpenSSL's reason.
 */
export function rsaPartsOfPrivateKeyPem(label: string, text: string): RsaPublicParts | null {
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') return null;
  const der = strictPemBody(label, text);
  if (!der) return null;
  try {
    return label === 'RSA PRIVATE KEY' ? rsaPrivateKey(der, whole(der)) : pkcs8(der);
  } catch {
    return null;
  }
}

/** The RSA public numbers of a certificate's subjectPublicKeyInfo (rsaEncryption only), or null. */
export function rsaPartsOfCertificate(der: Uint8Array): RsaPublicParts | null {
  try {
    const certificate = whole(der);
    if (certificate.tag !== 0x30) return null;
    const tbs = minimalChildren(der, certificate)[0];
    if (!tbs || tbs.tag !== 0x30) return null;
    const fields = minimalChildren(der, tbs);
    // version [0] is optional; then serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
    const spki = fields[fields[0]?.tag === 0xa0 ? 6 : 5];
    if (!spki || spki.tag !== 0x30) return null;
    const [algorithm, key, ...rest] = minimalChildren(der, spki);
    if (!algorithm || !key || rest.length > 0 || !isRsaAlgorithm(der, algorithm) || key.tag !== 0x03 || der[key.start] !== 0) return null;
    const inner = readMinimal(der, key.start + 1);
    if (inner.end !== key.end || inner.tag !== 0x30) return null;
    const numbers = minimalChildren(der, inner);
    if (numbers.length !== 2) return null;
    const [modulus, exponent] = numbers.map((number) => positiveInteger(der, number));
    return modulus && exponent ? { modulus, exponent } : null;
  } catch {
    return null;
  }
}

export function sameRsaParts(a: RsaPublicParts, b: RsaPublicParts): boolean {
  return sameBytes(a.modulus, b.modulus) && sameBytes(a.exponent, b.exponent);
}

/** 1.2.840.113549.1.1.1 as DER OID content bytes. */
const RsaEncryptionOid = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);

/** The base64 between the armor lines, when it is nothing but canonical base64 lines. */
function strictPemBody(label: string, text: string): Buffer | null {
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  if (!text.startsWith(begin) || !text.endsWith(end)) return null;
  // RFC 7468's strict form, as OpenSSL and Node write keys: 64 characters a line, the last shorter.
  const lines = text.slice(begin.length, -end.length).split(/\r?\n/);
  if (lines.shift() !== '' || lines.pop() !== '' || lines.length === 0) return null;
  if (lines.some((line, index) => line.length === 0 || line.length > 64 || (index < lines.length - 1 && line.length !== 64))) return null;
  const body = lines.join('');
  if (body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const der = Buffer.from(body, 'base64');
  return der.toString('base64') === body ? der : null;
}

/** PrivateKeyInfo { version 0, rsaEncryption with NULL parameters, OCTET STRING RSAPrivateKey }. */
function pkcs8(der: Uint8Array): RsaPublicParts | null {
  const info = whole(der);
  if (info.tag !== 0x30) return null;
  const fields = minimalChildren(der, info);
  if (fields.length !== 3) return null;
  const [version, algorithm, key] = fields as [Tlv, Tlv, Tlv];
  if (!isZero(der, version) || !isRsaAlgorithm(der, algorithm) || key.tag !== 0x04) return null;
  const inner = readMinimal(der, key.start);
  return inner.end === key.end ? rsaPrivateKey(der, inner) : null;
}

/** RSAPrivateKey { version 0, n, e, d, p, q, dp, dq, qi }: two primes, all positive. */
function rsaPrivateKey(der: Uint8Array, sequence: Tlv): RsaPublicParts | null {
  if (sequence.tag !== 0x30) return null;
  const fields = minimalChildren(der, sequence);
  if (fields.length !== 9 || !isZero(der, fields[0]!)) return null;
  const numbers = fields.slice(1).map((field) => positiveInteger(der, field));
  if (numbers.some((number) => number === null)) return null;
  return { modulus: numbers[0]!, exponent: numbers[1]! };
}

function isRsaAlgorithm(der: Uint8Array, algorithm: Tlv): boolean {
  if (algorithm.tag !== 0x30) return false;
  const parts = minimalChildren(der, algorithm);
  return (
    parts.length === 2 &&
    parts[0]!.tag === 0x06 &&
    sameBytes(der.subarray(parts[0]!.start, parts[0]!.end), RsaEncryptionOid) &&
    parts[1]!.tag === 0x05 &&
    parts[1]!.start === parts[1]!.end
  );
}

function isZero(der: Uint8Array, tlv: Tlv): boolean {
  return tlv.tag === 0x02 && tlv.end - tlv.start === 1 && der[tlv.start] === 0;
}

/** The magnitude of a positive INTEGER in minimal DER, or null for anything else. */
function positiveInteger(der: Uint8Array, tlv: Tlv): Uint8Array | null {
  if (tlv.tag !== 0x02 || tlv.end <= tlv.start) return null;
  const first = der[tlv.start]!;
  if (first & 0x80) return null;
  if (first === 0) {
    if (tlv.end - tlv.start === 1 || !(der[tlv.start + 1]! & 0x80)) return null;
    return der.subarray(tlv.start + 1, tlv.end);
  }
  return der.subarray(tlv.start, tlv.end);
}

/** The outer element, which must span the whole buffer. */
function whole(der: Uint8Array): Tlv {
  const outer = readMinimal(der, 0);
  if (outer.end !== der.length) throw new RangeError('bytes after the DER element');
  return outer;
}

/** An element whose length is written in the fewest bytes, as DER (not BER) demands. */
function readMinimal(der: Uint8Array, offset: number): Tlv {
  const tlv = readTlv(der, offset);
  const length = tlv.end - tlv.start;
  const header = length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : length < 0x1000000 ? 5 : 6;
  if (tlv.start - offset !== header) throw new RangeError(`DER length at byte ${offset} is not minimal`);
  return tlv;
}

function minimalChildren(der: Uint8Array, parent: Tlv): Tlv[] {
  const list: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readMinimal(der, offset);
    list.push(child);
    offset = child.end;
  }
  if (list.length > 0 && list[list.length - 1]!.end !== parent.end) throw new RangeError('DER element overruns its parent');
  return list;
}
