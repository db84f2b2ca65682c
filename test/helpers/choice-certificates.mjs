import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NameOid, makeCertificate } from '../../bench/x509.mjs';

// Plain JavaScript (types in choice-certificates.d.mts) so that vitest imports it and Pester runs
// it: `node test/helpers/choice-certificates.mjs [PARENT]` writes the set (in a new folder under PARENT) and prints { certsDir, thumbprints }.

const day = 24 * 60 * 60 * 1000;

/**
 * The candidates for "www.contoso.com" in store MY: each loses for one documented reason,
 * and every loser except the older ones is newer than the winner, so a chooser that only
 * sorted by date would pick a wrong one. The WebHosting certificate is the newest of all and
 * would qualify, but lives in another store.
 */
/** @type {import('./choice-certificates.d.mts').ChoiceCertificate[]} */
export const ChoiceSet = [
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

/**
 * Writes the set as a snapshot's certs/ folder, dated around `now` (real certificates made
 * at test time, so "valid now" holds whenever the test runs). Certificates with a key carry
 * it in NAME.key (the directory store matches it to the certificate); the key-less one has
 * none, and keys.json records that its store had none, which is how a snapshot says so.
 */
export function writeChoiceStore(now = new Date(), set = ChoiceSet, parent = tmpdir()) {
  const certsDir = path.join(mkdtempSync(path.join(parent, 'httpapi-choice-')), 'certs');
  const withKey = keyPair();
  const withoutKey = keyPair();
  const thumbprints = new Map();
  const recorded = [];
  for (const spec of set) {
    const keys = spec.hasKey ? withKey : withoutKey;
    const subject = [[NameOid.organization, 'Contoso Test'], [NameOid.commonName, spec.dnsNames[0]]];
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
    });
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

function keyPair() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { certsDir, thumbprints } = writeChoiceStore(new Date(), ChoiceSet, process.argv[2]);
  process.stdout.write(`${JSON.stringify({ certsDir, thumbprints: Object.fromEntries(thumbprints) })}\n`);
}
