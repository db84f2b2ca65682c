/** Extended key usage OIDs worth a name in listings. */
export const EkuNames: ReadonlyMap<string, string> = new Map([
  ['1.3.6.1.5.5.7.3.1', 'serverAuth'],
  ['1.3.6.1.5.5.7.3.2', 'clientAuth'],
  ['1.3.6.1.5.5.7.3.3', 'codeSigning'],
  ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
  ['1.3.6.1.5.5.7.3.8', 'timeStamping'],
  ['1.3.6.1.5.5.7.3.9', 'OCSPSigning'],
  ['1.3.6.1.4.1.311.10.3.12', 'documentSigning'],
  ['2.5.29.37.0', 'anyExtendedKeyUsage'],
]);

export const ServerAuthOid = '1.3.6.1.5.5.7.3.1';
const AnyExtendedKeyUsageOid = '2.5.29.37.0';

/**
 * Whether EKUs allow TLS server authentication. RFC 5280 §4.2.1.12: without the extension a
 * certificate is not restricted, so null (no extension) allows it, as Windows' Schannel and
 * http.sys do; with the extension, serverAuth or anyExtendedKeyUsage must be listed.
 */
export function allowsServerAuth(ekus: readonly string[] | null): boolean {
  return ekus === null || ekus.includes(ServerAuthOid) || ekus.includes(AnyExtendedKeyUsageOid);
}

export function ekuName(oid: string): string {
  return EkuNames.get(oid) ?? oid;
}
