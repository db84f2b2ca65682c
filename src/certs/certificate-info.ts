/** Key usage bits of RFC 5280 §4.2.1.3, by their RFC names, in bit order. */
export const KeyUsageNames = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsageName = (typeof KeyUsageNames)[number];

export type PrivateKeyState = 'present' | 'absent' | 'unusable';

/**
 * One certificate in one store, as a file in a snapshot or an entry of a Windows
 * LocalMachine store. Every field derives from the certificate's DER, except the store,
 * hasPrivateKey, friendlyName and file, which come from where it was found.
 */
export interface CertificateInfo {
  /** SHA-1 of the DER, upper-case hex: what netsh calls the certificate hash. */
  thumbprint: string;
  /** SHA-256 of the DER, upper-case hex. */
  sha256: string;
  /** LocalMachine store name: a snapshot's certs/ subfolder, MY for files directly in certs/. */
  store: string;
  /** As Windows prints it: most specific part first, `CN=www.contoso.com, O=Contoso Ltd, C=US`. */
  subject: string;
  issuer: string;
  commonName: string | null;
  /** DNS names of the subject alternative name extension (not the CN). */
  dnsNames: string[];
  /** IP addresses of the subject alternative name extension, IPv6 in canonical form. */
  ipAddresses: string[];
  notBefore: string;
  notAfter: string;
  /** Upper-case hex, as Windows shows it. */
  serialNumber: string;
  /** null: no key usage extension, so the key is not restricted. */
  keyUsage: KeyUsageName[] | null;
  /** Extended key usage OIDs; null: no EKU extension, so any purpose (RFC 5280 §4.2.1.12). */
  ekus: string[] | null;
  /** Usable for TLS server authentication by its EKUs (see extended-key-usage.ts). */
  serverAuth: boolean;
  /** null when the source cannot tell; false when the key is absent or unusable. */
  hasPrivateKey: boolean | null;
  /** unusable: the store says there is a key but it cannot be opened (key container gone, access denied). */
  privateKey: PrivateKeyState | null;
  /** Issuer and subject are the same name and the certificate's own key verifies its signature. */
  selfSigned: boolean;
  /** basicConstraints CA:true. */
  certificateAuthority: boolean;
  /** Windows only: the store entry's friendly name (empty there means none). */
  friendlyName: string | null;
  /** Snapshot only: the file the certificate was read from. */
  file: string | null;
}

/**
 * The certificate made read-only, its lists too. Readers hand the same objects to every request
 * while the store is unchanged (reused-joins.ts): a change to one answer's certificate must fail
 * where it is made, not show up in the next answer.
 */
export function frozenCertificate(certificate: CertificateInfo): Readonly<CertificateInfo> {
  for (const value of Object.values(certificate)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(certificate);
}
