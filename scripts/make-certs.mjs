#!/usr/bin/env node
/**
 * Makes the test certificates (fixtures/certs) with openssl, copies them into the sample
 * snapshots (fixtures/demo-server, fixtures/iisexpress-demo) and writes the snapshots'
 * netsh captures, whose thumbprints must be those of the files. Run by hand, never by tests
 * or CI; its output is committed.
 *
 *   node scripts/make-certs.mjs              keep existing keys: only expiring-soon changes
 *   node scripts/make-certs.mjs --new-keys   new keys: every thumbprint changes
 *
 * Keys are kept between runs, and serials and dates are fixed, so (RSA signatures being
 * deterministic) a re-run reproduces every certificate byte for byte except expiring-soon,
 * whose notAfter is 20 days after the run. Re-run it to refresh that one.
 * Needs openssl 3 (`apt-get install openssl`); 3.0 lacks `x509 -not_before`, so dates go
 * through `openssl ca -startdate/-enddate`.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSslCert, renderUrlAcl } from './make-certs/netsh-text.mjs';
import { demoMappings, demoReservations, expressMappings, expressReservations } from './make-certs/snapshots.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const certsDir = path.join(root, 'fixtures/certs');
const newKeys = process.argv.includes('--new-keys');
const day = 86_400_000;
const today = new Date(Math.floor(Date.now() / day) * day);
const stamp = (date) => date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

const validFrom = '20250601000000Z';
const validTo = '20450601000000Z';
const server = 'keyUsage = critical, digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth';

/**
 * The certificates. `key: 'beside'` writes NAME.key next to the cert, `'inside'` appends the
 * key to the cert's PEM, `'withheld'` keeps it in withheld/ so the cert has none.
 */
const certs = [
  { name: 'ca', file: 'ca.pem', subject: '/O=HttpApi Fixtures/CN=HttpApi Test Root CA', selfSigned: true, serial: '1000', key: 'beside',
    ext: 'basicConstraints = critical, CA:true\nkeyUsage = critical, keyCertSign, cRLSign', dates: [ '20250101000000Z', '20500101000000Z' ] },
  { name: 'www-contoso', file: 'www-contoso.pem', subject: '/C=US/O=Contoso Ltd/CN=www.contoso.com', serial: '1001', key: 'beside',
    san: 'DNS:www.contoso.com, DNS:contoso.com, IP:2001:db8::5', ext: server },
  { name: 'wildcard-contoso', file: 'wildcard-contoso.cer', der: true, subject: '/C=US/O=Contoso Ltd/CN=*.contoso.com', serial: '1002', key: 'beside', ec: true,
    san: 'DNS:*.contoso.com, DNS:contoso.com', ext: 'keyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth, clientAuth' },
  { name: 'expired', file: 'expired.pem', subject: '/O=Fabrikam Inc/CN=shop.fabrikam.com', serial: '1003', key: 'beside',
    san: 'DNS:shop.fabrikam.com', ext: server, dates: [ '20230301000000Z', '20240301000000Z' ] },
  { name: 'expiring-soon', file: 'expiring-soon.pem', subject: '/C=US/O=Contoso Ltd/CN=api.contoso.com', serial: '1004', key: 'beside',
    san: 'DNS:api.contoso.com', ext: server, dates: [ stamp(new Date(today.getTime() - 345 * day)), stamp(new Date(today.getTime() + 20 * day)) ] },
  { name: 'wrong-name', file: 'wrong-name.pem', subject: '/O=Fabrikam Inc/CN=intranet.fabrikam.com', serial: '1005', key: 'beside',
    san: 'DNS:intranet.fabrikam.com', ext: server },
  { name: 'client-auth-only', file: 'client-auth-only.crt', subject: '/C=US/O=Contoso Ltd/CN=partners.contoso.com', serial: '1006', key: 'beside',
    san: 'DNS:partners.contoso.com', ext: 'keyUsage = critical, digitalSignature\nextendedKeyUsage = clientAuth' },
  { name: 'no-eku', file: 'no-eku.pem', subject: '/C=US/O=Contoso Ltd/CN=legacy.contoso.com', serial: '1007', key: 'beside',
    ext: 'keyUsage = critical, digitalSignature, keyEncipherment' },
  { name: 'no-key', file: 'no-key.pem', subject: '/C=US/O=Contoso Ltd/CN=billing.contoso.com', serial: '1008', key: 'withheld',
    san: 'DNS:billing.contoso.com', ext: server },
  { name: 'iis-express-dev', file: 'iis-express-dev.pem', subject: '/CN=localhost', selfSigned: true, serial: '1009', key: 'inside',
    san: 'DNS:localhost', ext: server },
  { name: 'mail-fabrikam', file: 'mail-fabrikam.pem', subject: '/O=Fabrikam Inc/CN=mail.fabrikam.com', serial: '100a', key: 'beside',
    san: 'DNS:mail.fabrikam.com', ext: server },
];

const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const work = mkdtempSync(path.join(tmpdir(), 'make-certs-'));
mkdirSync(path.join(work, 'new'));
mkdirSync(path.join(certsDir, 'withheld'), { recursive: true });
writeFileSync(
  path.join(work, 'ca.cnf'),
  ['[ ca ]', 'default_ca = fixtures', '[ fixtures ]', `dir = ${work}`, 'database = $dir/index.txt', 'new_certs_dir = $dir/new', 'serial = $dir/serial',
    'default_md = sha256', 'policy = any', 'unique_subject = no', '[ any ]', 'commonName = supplied', ''].join('\n'),
);

const keyPath = (cert) => path.join(cert.key === 'inside' ? work : certsDir, cert.key === 'withheld' ? 'withheld' : '', `${cert.name}.key`);
/** A key kept inside the certificate's PEM is taken out again, so a re-run reuses it. */
for (const cert of certs.filter((c) => c.key === 'inside' && !newKeys && existsSync(path.join(certsDir, c.file)))) {
  const block = readFileSync(path.join(certsDir, cert.file), 'utf8').match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/);
  if (block) writeFileSync(keyPath(cert), block[0]);
}

try {
  for (const cert of certs) {
    const key = keyPath(cert);
    if (newKeys || !existsSync(key)) {
      const algorithm = cert.ec ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
      openssl('genpkey', ...algorithm, '-out', key);
    }
    const csr = path.join(work, `${cert.name}.csr`);
    const pem = path.join(work, `${cert.name}.pem`);
    const ext = path.join(work, `${cert.name}.ext`);
    openssl('req', '-new', '-key', key, '-subj', cert.subject, '-out', csr);
    const lines = [cert.ext, 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid:always'];
    if (!cert.ext.includes('basicConstraints')) lines.unshift('basicConstraints = CA:false');
    if (cert.san) lines.push(`subjectAltName = ${cert.san}`);
    writeFileSync(ext, `[ x ]\n${lines.join('\n')}\n`);
    writeFileSync(path.join(work, 'index.txt'), '');
    writeFileSync(path.join(work, 'serial'), `${cert.serial}\n`);
    const [start, end] = cert.dates ?? [validFrom, validTo];
    const signer = cert.selfSigned ? ['-selfsign', '-keyfile', key] : ['-cert', path.join(certsDir, 'ca.pem'), '-keyfile', keyPath(certs[0])];
    openssl('ca', '-config', path.join(work, 'ca.cnf'), '-batch', '-notext', '-preserveDN', ...signer, '-in', csr, '-out', pem,
      '-startdate', start, '-enddate', end, '-extfile', ext, '-extensions', 'x');
    const target = path.join(certsDir, cert.file);
    if (cert.der) openssl('x509', '-in', pem, '-outform', 'DER', '-out', target);
    else writeFileSync(target, readFileSync(pem, 'utf8') + (cert.key === 'inside' ? readFileSync(key, 'utf8') : ''));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** What the fixtures README records, from openssl itself so tests check our parser against it. */
const facts = new Map(
  certs.map((cert) => {
    const file = path.join(certsDir, cert.file);
    const inform = cert.der ? ['-inform', 'DER'] : [];
    const fingerprint = openssl('x509', ...inform, '-in', file, '-noout', '-fingerprint', '-sha1').trim().split('=')[1].replace(/:/g, '');
    const parsed = new X509Certificate(readFileSync(file));
    if (createHash('sha1').update(parsed.raw).digest('hex').toUpperCase() !== fingerprint) throw new Error(`fingerprint of ${cert.file} disagrees`);
    const iso = (text) => new Date(text).toISOString();
    return [cert.name, { ...cert, thumbprint: fingerprint, notBefore: iso(parsed.validFrom), notAfter: iso(parsed.validTo) }];
  }),
);
const thumb = (name) => facts.get(name).thumbprint.toLowerCase();

const purposes = {
  ca: 'the issuing CA of the other certificates (not in any snapshot store)',
  'www-contoso': 'valid server certificate (SAN www.contoso.com, contoso.com, IP 2001:db8::5)',
  'wildcard-contoso': 'wildcard `*.contoso.com` + `contoso.com`, EC P-256 key, **DER** `.cer`',
  expired: 'expired (valid 2023-03-01 to 2024-03-01)',
  'expiring-soon': 'expires 20 days after the script ran (re-run the script to refresh)',
  'wrong-name': 'valid, but names intranet.fabrikam.com (used for another host: name mismatch)',
  'client-auth-only': 'EKU clientAuth only: not valid for server authentication; PEM with a `.crt` name',
  'no-eku': 'no EKU extension at all: any purpose, so server auth is allowed (RFC 5280 §4.2.1.12)',
  'no-key': 'no private key beside it (its key is kept in `withheld/` only so re-runs reproduce it)',
  'iis-express-dev': 'self-signed `CN=localhost` like the IIS Express Development Certificate; cert **and key in one PEM**',
  'mail-fabrikam': 'a certificate "deleted from the store": only its thumbprint appears in the demo sslcert.txt',
};
const table = [
  '| file | key | purpose | SHA-1 thumbprint (`openssl x509 -fingerprint -sha1`) | notBefore | notAfter |',
  '| --- | --- | --- | --- | --- | --- |',
  ...[...facts.values()].map((cert) => {
    const key = { beside: `${cert.name}.key`, inside: 'in the PEM', withheld: 'none' }[cert.key];
    return `| ${cert.file} | ${key} | ${purposes[cert.name]} | ${cert.thumbprint} | ${cert.notBefore} | ${cert.notAfter} |`;
  }),
].join('\n');
replaceGenerated(path.join(certsDir, 'README.md'), table);

/**
 * certs/keys.json as snapshot export writes it (src/certs/key-presence-manifest.ts): the stores
 * of a real server know whether they hold each key, so the samples say it too, rather than leave
 * no-key.pem's "no key" to be inferred from a missing file.
 */
function writeKeyManifest(snapshot, stores) {
  const certificates = Object.entries(stores).flatMap(([store, names]) =>
    names.map((name) => ({ store, thumbprint: facts.get(name).thumbprint, hasPrivateKey: facts.get(name).key !== 'withheld' })),
  );
  const about = 'Whether the store of each certificate held its private key when this snapshot was taken (null: the source could not tell). The keys themselves are never exported.';
  writeFileSync(path.join(root, 'fixtures', snapshot, 'certs', 'keys.json'), `${JSON.stringify({ format: 'httpapi-key-presence/1', about, certificates }, null, 2)}\n`);
}

/** Snapshot stores: the demo server's MY and WebHosting, and IIS Express's MY. */
const demoFiles = new Map();
const place = (snapshot, store, names) => {
  const dir = path.join(root, 'fixtures', snapshot, 'certs', store);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of names) {
    const cert = facts.get(name);
    copyFileSync(path.join(certsDir, cert.file), path.join(dir, cert.file));
    if (snapshot === 'demo-server') demoFiles.set(name, `certs/${store}/${cert.file}`);
    if (cert.key === 'beside') copyFileSync(keyPath(cert), path.join(dir, `${cert.name}.key`));
  }
};
place('demo-server', 'MY', ['www-contoso', 'expired', 'expiring-soon', 'wrong-name', 'client-auth-only', 'no-key', 'iis-express-dev']);
place('demo-server', 'WebHosting', ['wildcard-contoso']);
place('iisexpress-demo', 'MY', ['iis-express-dev']);
writeKeyManifest('demo-server', { MY: ['www-contoso', 'expired', 'expiring-soon', 'wrong-name', 'client-auth-only', 'no-key', 'iis-express-dev'], WebHosting: ['wildcard-contoso'] });
writeKeyManifest('iisexpress-demo', { MY: ['iis-express-dev'] });

writeFileSync(path.join(root, 'fixtures/demo-server/sslcert.txt'), renderSslCert(demoMappings(thumb)));
writeFileSync(path.join(root, 'fixtures/demo-server/urlacl.txt'), renderUrlAcl(demoReservations));
writeFileSync(path.join(root, 'fixtures/iisexpress-demo/sslcert.txt'), renderSslCert(expressMappings(thumb)));
writeFileSync(path.join(root, 'fixtures/iisexpress-demo/urlacl.txt'), renderUrlAcl(expressReservations));
replaceGenerated(
  path.join(root, 'fixtures/demo-server/README.md'),
  [
    '| mapping | certificate hash | store | certificate file |',
    '| --- | --- | --- | --- |',
    ...demoMappings(thumb).map((m) => {
      const file = demoFiles.get(m.certName) ?? `none (the hash of fixtures/certs/${facts.get(m.certName).file}, which is not in certs/)`;
      return `| ${m.kind} ${m.key} | ${m.hash} | ${m.store} | ${file} |`;
    }),
  ].join('\n'),
);

/** Rewrites the part of a README between the generated markers. */
function replaceGenerated(file, content) {
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- generated by scripts/make-certs.mjs: begin -->';
  const end = '<!-- generated by scripts/make-certs.mjs: end -->';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the generated markers`);
  writeFileSync(file, `${text.slice(0, from + begin.length)}\n${content}\n${text.slice(to)}`);
}
console.log(`certificates in ${certsDir}; expiring-soon now ends ${facts.get('expiring-soon').notAfter}`);
