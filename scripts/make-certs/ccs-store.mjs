#!/usr/bin/env node
/**
 * Makes fixtures/shapes-server/ccs/, the sample server's Central Certificate Store, with the real
 * openssl (3.0 here). Run by hand, never by tests or CI; its output is committed.
 *
 *   node scripts/make-certs/ccs-store.mjs
 *
 * - ccs.contoso.com.pfx: a certificate for ccs.contoso.com issued by fixtures/certs/ca.pem, with
 *   that CA in the chain, certificate bags PBES2 AES-256-CBC under the empty password, and no key
 *   bag (a snapshot keeps certificates only; provider.json records that the store's file held its
 *   key). Valid 20 years from the day the script ran.
 * - legacy.contoso.com.pfx: fixtures/certs/www-contoso.pem exported with `-legacy` (RC2-40
 *   certificate bags, as Windows and OpenSSL 1.x write them; no key bag): read by src/certs/rc2-cbc.ts.
 * - locked.contoso.com.pfx: the same certificate, PBES2 AES-256-CBC under a password the worker is
 *   not given (`store-password`, the store's private-key password): present, certificate unreadable.
 * - media.contoso.com (the other CCS binding of the sample server) has no file: CCS_CERT_MISSING.
 * - provider.json: the provider settings a snapshot records (Enabled, CertStoreLocation; never the
 *   user name or a password).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const certs = path.join(root, 'fixtures/certs');
const target = path.join(root, 'fixtures/shapes-server/ccs');
const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const work = mkdtempSync(path.join(tmpdir(), 'make-ccs-'));
mkdirSync(target, { recursive: true });
try {
  const key = path.join(work, 'ccs.key');
  const csr = path.join(work, 'ccs.csr');
  const pem = path.join(work, 'ccs.pem');
  const ext = path.join(work, 'ccs.ext');
  openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key);
  openssl('req', '-new', '-key', key, '-subj', '/C=US/O=Contoso Ltd/CN=ccs.contoso.com', '-out', csr);
  writeFileSync(ext, ['[ x ]', 'basicConstraints = CA:false', 'keyUsage = critical, digitalSignature', 'extendedKeyUsage = serverAuth',
    'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid:always', 'subjectAltName = DNS:ccs.contoso.com', ''].join('\n'));
  openssl('x509', '-req', '-in', csr, '-CA', path.join(certs, 'ca.pem'), '-CAkey', path.join(certs, 'ca.key'), '-set_serial', '0x100b',
    '-days', '7300', '-sha256', '-extfile', ext, '-extensions', 'x', '-out', pem);
  openssl('pkcs12', '-export', '-nokeys', '-in', pem, '-certfile', path.join(certs, 'ca.pem'), '-certpbe', 'AES-256-CBC', '-passout', 'pass:',
    '-out', path.join(target, 'ccs.contoso.com.pfx'));
  openssl('pkcs12', '-export', '-legacy', '-nokeys', '-in', path.join(certs, 'www-contoso.pem'), '-passout', 'pass:',
    '-out', path.join(target, 'legacy.contoso.com.pfx'));
  openssl('pkcs12', '-export', '-nokeys', '-in', path.join(certs, 'www-contoso.pem'), '-certpbe', 'AES-256-CBC', '-passout', 'pass:store-password',
    '-out', path.join(target, 'locked.contoso.com.pfx'));
  writeFileSync(path.join(target, 'provider.json'), `${JSON.stringify({
    enabled: true,
    certStoreLocation: '\\\\files01\\ccs',
    unreadable: [],
    privateKeys: [{ file: 'ccs.contoso.com.pfx', hasPrivateKey: true }],
  }, null, 2)}\n`);
  // openssl writes pfx files readable by their owner only; the fixtures are plain files of the repository.
  for (const name of ['ccs.contoso.com.pfx', 'legacy.contoso.com.pfx', 'locked.contoso.com.pfx']) chmodSync(path.join(target, name), 0o644);
} finally {
  rmSync(work, { recursive: true, force: true });
}
