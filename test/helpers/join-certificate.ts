import type { JoinCertificate } from '../../src/join/join-model.js';

/** A certificate as the join sees it: valid from 2026-01-01 to 2027-06-01, server auth, with its key; overrides for what a test varies. */
export function joinCertificate(thumbprint: string, dnsNames: string[], overrides: Partial<JoinCertificate> = {}): JoinCertificate {
  return {
    thumbprint,
    store: 'MY',
    subject: `CN=${dnsNames[0] ?? 'none'}`,
    issuer: 'CN=Test CA',
    dnsNames,
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2027-06-01T00:00:00.000Z',
    hasPrivateKey: true,
    serverAuth: true,
    ...overrides,
  };
}
