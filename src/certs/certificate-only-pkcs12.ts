import { derExplicit, derObjectIdentifier, derOctetString, derSequence, derSmallInteger } from './der-writer.js';
import { Pkcs12Oids } from './pkcs12.js';

/**
 * A PKCS#12 PFX (RFC 7292) holding certificates and nothing else: one unencrypted SafeContents
 * of certBags, no key bag, no password, no MAC. What a snapshot keeps of a CCS file, so the
 * snapshot is still a folder of `<host>.pfx` files (readable by openssl with an empty password)
 * and no private key ever leaves the machine. The leaf goes first.
 */
export function certificateOnlyPkcs12(certificates: readonly Uint8Array[]): Buffer {
  const bags = certificates.map((der) =>
    derSequence(derObjectIdentifier(Pkcs12Oids.certBag), derExplicit(0, derSequence(derObjectIdentifier(Pkcs12Oids.x509Certificate), derExplicit(0, derOctetString(der))))),
  );
  const safeContents = derSequence(...bags);
  const dataInfo = (content: Buffer) => derSequence(derObjectIdentifier(Pkcs12Oids.data), derExplicit(0, derOctetString(content)));
  const authenticatedSafe = derSequence(dataInfo(safeContents));
  return derSequence(derSmallInteger(3), dataInfo(authenticatedSafe));
}
