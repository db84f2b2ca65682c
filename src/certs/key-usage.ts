import { KeyUsageNames, type KeyUsageName } from './certificate-info.js';

/**
 * The key usage extension (2.5.29.15) from a certificate's DER. Node's X509Certificate does
 * not expose it (its `keyUsage` property holds the *extended* key usage OIDs), so this walks
 * the few DER levels down to it: Certificate > tbsCertificate > [3] extensions.
 * Returns null when the certificate has no key usage extension.
 */
export function readKeyUsage(der: Uint8Array): KeyUsageName[] | null {
  const certificate = readTlv(der, 0);
  const tbs = children(der, certificate)[0];
  if (!tbs) return null;
  const extensionsWrapper = children(der, tbs).find((tlv) => tlv.tag === 0xa3);
  const extensionList = extensionsWrapper ? children(der, extensionsWrapper)[0] : undefined;
  if (!extensionList) return null;
  for (const extension of children(der, extensionList)) {
    const [oid, ...rest] = children(der, extension);
    if (!oid || !sameBytes(der.subarray(oid.start, oid.end), KeyUsageOid)) continue;
    const octets = rest.find((tlv) => tlv.tag === 0x04);
    if (!octets) return null;
    const bits = readTlv(der, octets.start);
    if (bits.tag !== 0x03) return null;
    return decodeBits(der.subarray(bits.start + 1, bits.end));
  }
  return null;
}

/** 2.5.29.15 as DER OID content bytes. */
const KeyUsageOid = Uint8Array.of(0x55, 0x1d, 0x0f);

interface Tlv {
  tag: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte. */
  end: number;
}

function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = byteAt(der, offset);
  let length = byteAt(der, offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError(`unsupported DER length at byte ${offset}`);
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + byteAt(der, start + index);
    start += count;
  }
  if (start + length > der.length) throw new RangeError(`DER element at byte ${offset} runs past the end`);
  return { tag, start, end: start + length };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const list: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(der, offset);
    list.push(child);
    offset = child.end;
  }
  return list;
}

function byteAt(der: Uint8Array, offset: number): number {
  const value = der[offset];
  if (value === undefined) throw new RangeError(`DER ends at byte ${offset}`);
  return value;
}

function decodeBits(bytes: Uint8Array): KeyUsageName[] {
  return KeyUsageNames.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
