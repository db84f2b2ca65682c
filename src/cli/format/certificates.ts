import type { z } from 'zod';
import { ekuName } from '../../certs/extended-key-usage.js';
import type { ListedCertificateSchema } from '../../protocol/index.js';
import { renderTable } from '../table.js';
import type { View } from '../view.js';

type Certificate = z.output<typeof ListedCertificateSchema>;
const day = 86_400_000;

/** One line per certificate: where it is, what it names, until when, and what it is good for. */
export function formatCertificates(result: { certificates: Certificate[] }, view: View): string {
  if (result.certificates.length === 0) return '(no certificates)';
  return renderTable(result.certificates, [
    { header: 'Store', value: (cert) => cert.store },
    { header: 'Thumbprint', value: (cert) => cert.thumbprint, shrink: 0 },
    { header: 'Subject', value: (cert) => cert.commonName ?? cert.subject },
    { header: 'Names', value: (cert) => [...cert.dnsNames, ...cert.ipAddresses].join(', ') },
    { header: 'Expires', value: (cert) => expiry(cert.notAfter, view.now), shrink: 0 },
    { header: 'Key', value: (cert) => (cert.hasPrivateKey === null ? '?' : cert.hasPrivateKey ? 'yes' : 'NO') },
    { header: 'Purposes', value: (cert) => purposes(cert) },
    { header: 'Issuer', value: (cert) => (cert.selfSigned ? '(self-signed)' : (issuerName(cert.issuer) ?? cert.issuer)) },
  ], view.width);
}

function expiry(notAfter: string, now: Date): string {
  const date = notAfter.slice(0, 10);
  const days = Math.floor((new Date(notAfter).getTime() - now.getTime()) / day);
  if (days < 0) return `${date} EXPIRED`;
  return days <= 60 ? `${date} (${days} d)` : date;
}

function purposes(cert: Certificate): string {
  const ekus = cert.ekus === null ? 'any purpose' : cert.ekus.map(ekuName).join(', ');
  return cert.serverAuth ? ekus : `${ekus} (not server auth)`;
}

function issuerName(issuer: string): string | null {
  return /(?:^|, )CN=("[^"]*"|[^,]*)/.exec(issuer)?.[1] ?? null;
}
