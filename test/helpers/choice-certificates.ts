import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain JavaScript module (bench/x509.mjs builds real X.509 v3 certificates)
import { NameOid, makeCertificate } from '../../bench/x509.mjs';

const day = 24 * 60 * 60 * 1000;

/** One certificate of the set: what it is made for, and the verdict the chooser must give it. */
export interface ChoiceCertificate {
  name: string;
  dnsNames: string[];
  /** Days from now (negative: past). */
  notBefore: number;
  notAfter: number;
  serverAuth: boolean;
  hasKey: boolean;
  store: 'MY' | 'WebHosting';
  /** The reasons it is not chosen for www.contoso.com from MY; empty for the chosen one. */
  expected: string[];
}

/**
 * The candidates for "www.contoso.com" in store MY: each loses for one documented reason,
 * and every loser except the older ones is newer than the winner, so a chooser that only
 * sorted by date would pick a wrong one. The WebHosting certificate is the newest of all and
 * would qualify, but lives in another store.
 */
export const ChoiceSet: ChoiceCertificate[] = [
  { name: 'chosen', dnsNames: ['www.contoso.com'], notBefore: -10, notAfter: 300, serverAuth: true, hasKey: true, store: 'MY', expected: [] },
  { name: 'older', dnsNames: ['www.contoso.com'], notBefore: -100, notAfter: 600, serverAuth: true, hasKey: true, store: 'MY', expected: ['older'] },
  { name: 'older-wildcard', dnsNames: ['*.contoso.com'], notBefore: -20, notAfter: 300, serverAuth: true, hasKey: true, store: 'MY', expected: ['older'] },
  { name: 'expired', dnsNames: ['www.contoso.com'], notBefore: -5, notAfter: -1, serverAuth: true, hasKey: true, store: 'MY', expected: ['expired'] },
  { name: 'not-yet-valid', dnsNames: ['www.contoso.com'], notBefore: 5, notAfter: 400, serverAuth: true, hasKey: true, store: 'MY', expected: ['notYetValid'] },
  { name: 'key-less', dnsNames: ['www.contoso.com'], notBefore: -2, notAfter: 300, serverAuth: true, hasKey: false, store: 'MY', expected: ['noPrivateKey'] },
  { name: 'wrong-name', dnsNames: ['api.contoso.com'], notBefore: -2, notAfter: 300, serverAuth: true, hasKey: true, store: 'MY', expected: ['wrongName'] },
  { name: 'wildcard-too-deep', dnsNames: ['*.www.contoso.com'], notBefore: -2, notAfter: 300, serverAuth: true, hasKey: true, store: 'MY', expected: ['wrongName'] },
  { name: 'client-auth-only', dnsNames: ['www.contoso.com'], notBefore: -2, notAfter: 300, serverAuth: false, hasKey: true, store: 'MY', expected: ['notServerAuth'] },
  { name: 'other-store', dnsNames: ['www.contoso.com'], notBefore: -1, notAfter: 300, serverAuth: true, hasKey: true, store: 'WebHosting', expected: [] },
];

export interface ChoiceStore {
  /** The certs/ folder: MY/ and WebHosting/ with a NAME.key beside each certificate that has one, keys.json for the rest. */
  certsDir: string;
  /** Thumbprints (upper case) by name. */
  thumbprints: Map<string, string>;
  now: Date;
}

/**
 * Writes the set as a snapshot's certs/ folder, dated around `now` (real certificates made
 * at test time, so "valid now" holds whenever the test runs). Certificates with a key carry
 * it in NAME.key (the directory store matches it to the certificate); the key-less one has
 * none, and keys.json records that its store had none, which is how a snapshot says so.
 */
export function writeChoiceStore(now = new Date(), set: readonly ChoiceCertificate[] = ChoiceSet): ChoiceStore {
  const certsDir = path.join(mkdtempSync(path.join(tmpdir(), 'httpapi-choice-')), 'certs');
  const withKey = keyPair();
  const withoutKey = keyPair();
  const thumbprints = new Map<string, string>();
  const recorded: { store: string; thumbprint: string; hasPrivateKey: boolean }[] = [];
  for (const spec of set) {
    const keys = spec.hasKey ? withKey : withoutKey;
    const subject = [[NameOid.organization, 'Contoso Test'], [NameOid.commonName, spec.dnsNames[0]!]];
    const certificate = makeCertificate({
      serial: randomBytes(8),
      subject,
      issuer: subject,
      notBefore: new Date(now.getTime() + spec.notBefore * day),
      notAfter: new Date(now.getTime() + spec.notAfter * day),
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      dnsNames: spec.dnsNames,
      serverAuth: spec.serverAuth,
    }) as { pem: string; thumbprint: string };
    const folder = path.join(certsDir, spec.store);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${spec.name}.pem`), certificate.pem);
    if (spec.hasKey) writeFileSync(path.join(folder, `${spec.name}.key`), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    else recorded.push({ store: spec.store, thumbprint: certificate.thumbprint.toUpperCase(), hasPrivateKey: false });
    thumbprints.set(spec.name, certificate.thumbprint.toUpperCase());
  }
  writeFileSync(path.join(certsDir, 'keys.json'), JSON.stringify({ format: 'httpapi-key-presence/1', about: 'test', certificates: recorded }));
  return { certsDir, thumbprints, now };
}

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}
