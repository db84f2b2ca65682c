import { createHash, type X509Certificate } from 'node:crypto';
import type { CertificateInfo, PrivateKeyState } from './certificate-info.js';
import { commonNameOf, formatWindowsName, parseNodeName } from './distinguished-name.js';
import { allowsServerAuth } from './extended-key-usage.js';
import { readKeyUsage } from './key-usage.js';
import { parseSubjectAltNames } from './subject-alt-names.js';

/** What the certificate itself cannot say: where it was found. */
export interface CertificatePlace {
  store: string;
  hasPrivateKey: boolean | null;
  /** Windows stores: whether the key could be opened; otherwise derived from hasPrivateKey. */
  privateKey?: PrivateKeyState | null;
  file?: string | null;
  friendlyName?: string | null;
  /** Windows' effective purposes for the store entry, when the store knows them (see windows-store.ts). */
  ekus?: string[] | null;
}

/** The model of one certificate, from its DER (via Node's X509Certificate) and its place. */
export function describeCertificate(certificate: X509Certificate, place: CertificatePlace): CertificateInfo {
  const der = certificate.raw;
  const subject = parseNodeName(certificate.subject);
  const names = parseSubjectAltNames(certificate.subjectAltName);
  // Node 20 names the EKU OIDs `keyUsage` (undefined without the extension).
  const ekus = place.ekus !== undefined ? place.ekus : (certificate.keyUsage ?? null);
  return {
    thumbprint: hashHex('sha1', der),
    sha256: hashHex('sha256', der),
    store: place.store,
    subject: formatWindowsName(subject),
    issuer: formatWindowsName(parseNodeName(certificate.issuer)),
    commonName: commonNameOf(subject),
    dnsNames: names.dnsNames,
    ipAddresses: names.ipAddresses,
    notBefore: isoDate(certificate.validFrom),
    notAfter: isoDate(certificate.validTo),
    serialNumber: certificate.serialNumber.toUpperCase(),
    keyUsage: readKeyUsage(der),
    ekus: ekus ? [...ekus] : null,
    serverAuth: allowsServerAuth(ekus),
    hasPrivateKey: place.hasPrivateKey,
    privateKey: place.privateKey !== undefined ? place.privateKey : place.hasPrivateKey === null ? null : place.hasPrivateKey ? 'present' : 'absent',
    selfSigned: isSelfSigned(certificate),
    certificateAuthority: certificate.ca,
    friendlyName: place.friendlyName ?? null,
    file: place.file ?? null,
  };
}

/**
 * Same name as issuer and subject, and a signature its own key verifies. `checkIssued`
 * is not used: OpenSSL's version also demands keyCertSign, which leaf self-signed
 * certificates (like IIS Express's) lack.
 */
function isSelfSigned(certificate: X509Certificate): boolean {
  if (certificate.subject !== certificate.issuer) return false;
  try {
    return certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}

function hashHex(algorithm: 'sha1' | 'sha256', der: Buffer): string {
  return createHash(algorithm).update(der).digest('hex').toUpperCase();
}

/** Node 20 gives `Jun  1 00:00:00 2045 GMT`. */
function isoDate(text: string): string {
  return new Date(text).toISOString();
}
