import { KeyUsageNames, type KeyUsageName } from './certificate-info.js';
import { children, readTlv, sameBytes } from './der-reader.js';

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

function decodeBits(bytes: Uint8Array): KeyUsageName[] {
  return KeyUsageNames.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}
