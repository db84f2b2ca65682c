import { DefaultStoreName } from '../certs/store-name.js';
import { matchesHostName } from '../certs/host-name-match.js';
import type { Finding, JoinCertificate } from './join-model.js';
import { catalogued, type FindingCode } from '../finding-codes.js';

export interface CertificateCheckContext {
  site: string;
  binding: string;
  mapping: string;
  /** The host clients use; empty for bindings without a host name. */
  host: string;
  now: Date;
  expiryDays: number;
}

const day = 24 * 60 * 60 * 1000;

/** What is wrong with the certificate a binding serves, as findings. */
export function certificateFindings(certificate: JoinCertificate, context: CertificateCheckContext): Finding[] {
  const findings: Finding[] = [];
  const add = (code: FindingCode, message: string, fix: string) =>
    findings.push({ ...catalogued(code), message, fix, site: context.site, binding: context.binding, mapping: context.mapping, certificate: certificateId(certificate) });
  const name = `${certificate.subject} (${certificate.thumbprint})`;
  const notAfter = new Date(certificate.notAfter);
  const notBefore = new Date(certificate.notBefore);
  const daysLeft = Math.floor((notAfter.getTime() - context.now.getTime()) / day);

  if (notAfter.getTime() <= context.now.getTime()) {
    add('CERT_EXPIRED', `Certificate ${name} expired on ${certificate.notAfter}.`, 'Renew the certificate and replace it in every mapping that uses it (certificates/replace).');
  } else if (daysLeft < context.expiryDays) {
    add('CERT_EXPIRES_SOON', `Certificate ${name} expires in ${daysLeft} day(s), on ${certificate.notAfter}.`, 'Renew the certificate before it expires, then replace it everywhere (certificates/replace).');
  }
  if (notBefore.getTime() > context.now.getTime()) {
    add('CERT_NOT_YET_VALID', `Certificate ${name} is not valid before ${certificate.notBefore}.`, 'Check the server clock, or use a certificate that is already valid.');
  }
  if (certificate.privateKey === 'unusable') {
    add('CERT_NO_PRIVATE_KEY', `Certificate ${name} in store ${certificate.store} is marked as having a private key, but the key cannot be opened (its key container is gone or unreadable); http.sys cannot use it (netsh reports error 1312).`, 'Import the certificate again with its private key (PFX) into the LocalMachine store.');
  } else if (certificate.hasPrivateKey === false) {
    add('CERT_NO_PRIVATE_KEY', `Certificate ${name} has no private key in store ${certificate.store}; http.sys cannot use it (netsh reports error 1312).`, 'Import the certificate with its private key (PFX) into the LocalMachine store.');
  }
  if (!certificate.serverAuth) {
    add('CERT_NOT_SERVER_AUTH', `Certificate ${name} is not valid for server authentication (no 1.3.6.1.5.5.7.3.1 in its extended key usage).`, 'Issue a certificate with the Server Authentication EKU.');
  }
  if (context.host && !matchesHostName(certificate, context.host)) {
    const names = certificate.dnsNames.length > 0 ? certificate.dnsNames.join(', ') : certificate.subject;
    add('CERT_NAME_MISMATCH', `Certificate ${name} does not cover host ${context.host} (it names ${names}).`, `Use a certificate whose subject alternative names include ${context.host} (or a matching wildcard).`);
  }
  return findings;
}

/**
 * How answers refer to a certificate: its store as the source names it, and its thumbprint
 * (MY:8A79...). A store holds a thumbprint once, so the key is stable and unique.
 */
export function certificateId(certificate: Pick<JoinCertificate, 'store' | 'thumbprint'>): string {
  return `${certificate.store}:${certificate.thumbprint}`;
}

/** Certificates by store and thumbprint; a mapping with store (null) means MY. */
export class CertificateIndex<C extends JoinCertificate = JoinCertificate> {
  private readonly byKey = new Map<string, C>();

  constructor(certificates: readonly C[]) {
    for (const certificate of certificates) this.byKey.set(key(certificate.store, certificate.thumbprint), certificate);
  }

  find(store: string | null, thumbprint: string): C | undefined {
    return this.byKey.get(key(store ?? DefaultStoreName, thumbprint));
  }
}

function key(store: string, thumbprint: string): string {
  return `${store.toUpperCase()}|${thumbprint.toUpperCase()}`;
}
