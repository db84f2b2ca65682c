import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorker } from '../helpers/worker-client.js';
import { netshDouble, useDouble } from '../httpsys/double.js';
import { keyMaterialIn, keysOf } from './key-material.js';

const httpapi = (...args: string[]) => spawnSync(process.execPath, ['dist/httpapi.js', ...args], { encoding: 'utf8', timeout: 30_000 });
/** The --json result; a command reporting error findings exits 2, which is still a result. */
function json(...args: string[]) {
  const run = httpapi(...args, '--json');
  expect(run.status === 0 || (['diagnose', 'bindings', 'sites'].includes(args[0]!) && run.status === 2), run.stderr).toBe(true);
  return JSON.parse(run.stdout);
}
const scratch = () => mkdtempSync(path.join(tmpdir(), 'httpapi-export-'));
const fresh = () => path.join(scratch(), 'snapshot');
const asOf = '2026-11-25T00:00:00Z';
const certs = path.resolve('fixtures/certs');

/** Everything but where the files are: paths ('file', and the notes naming them) differ. */
const placeless = (value: unknown) => JSON.parse(JSON.stringify(value, (key, inner) => (key === 'file' || key === 'notes' ? undefined : inner)));
/** Findings as [code, site, binding, mapping id, certificate id], the objects each is about. */
const about = (findings: { code: string; site?: string; binding?: string; mapping?: string; certificate?: string }[]) =>
  findings.map((finding) => [finding.code, finding.site ?? null, finding.binding ?? null, finding.mapping ?? null, finding.certificate ?? null]);
const keyStates = (directory: string) =>
  Object.fromEntries(json('certificates', '--snapshot', directory).certificates.map((certificate: { thumbprint: string; hasPrivateKey: boolean | null }) => [certificate.thumbprint, certificate.hasPrivateKey]));

/** A copy of the demo server whose certs/ folder is replaced by `files` (name -> fixtures/certs file or text). */
function demoWith(files: Record<string, string>): string {
  const dir = scratch();
  for (const name of ['applicationHost.config', 'sslcert.txt', 'urlacl.txt']) cpSync(path.join('fixtures/demo-server', name), path.join(dir, name));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'certs', name)), { recursive: true });
    if (content.startsWith(certs)) cpSync(content, path.join(dir, 'certs', name));
    else writeFileSync(path.join(dir, 'certs', name), content);
  }
  return dir;
}
/** The demo server's stores without any .key file and without keys.json: key state unknown. */
const demoCertificates = {
  'MY/www-contoso.pem': 'www-contoso.pem',
  'MY/expired.pem': 'expired.pem',
  'MY/expiring-soon.pem': 'expiring-soon.pem',
  'MY/wrong-name.pem': 'wrong-name.pem',
  'MY/client-auth-only.crt': 'client-auth-only.crt',
  'MY/no-key.pem': 'no-key.pem',
  'WebHosting/wildcard-contoso.cer': 'wildcard-contoso.cer',
};
// IIS Express's mappings name its certificate (without it they raise MAPPING_CERT_NOT_FOUND); its
// file holds the key too, so only the certificate block is copied.
const iisExpressCertificate = /-----BEGIN CERTIFICATE-----[^]*?-----END CERTIFICATE-----\n/.exec(readFileSync(path.join(certs, 'iis-express-dev.pem'), 'utf8'))![0];
const bare = () => demoWith({ ...Object.fromEntries(Object.entries(demoCertificates).map(([name, file]) => [name, path.join(certs, file)])), 'MY/iis-express-dev.pem': iisExpressCertificate });

/** Exports `source` (CLI source options), checks it holds no key, and diagnoses both: they must agree. */
function roundTrip(...source: string[]) {
  const directory = fresh();
  const exported = json('snapshot', 'export', ...source, '--directory', directory);
  const original = json('diagnose', ...source, '--as-of', asOf);
  const copy = json('diagnose', '--snapshot', directory, '--as-of', asOf);
  expect(placeless(copy)).toEqual(placeless(original));
  return { directory, exported, findings: original.findings as Parameters<typeof about>[0] };
}

/** Every https binding of the demo server whose certificate is in its store, by site and certificate id, store:thumbprint (its README). */
const NO_KEY_EVERYWHERE = [
  'Default Web Site WebHosting:D54DAFC94E7E55489195BE690C85192991847ED5',
  'Contoso WWW MY:8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5',
  'Fabrikam Shop MY:D448C934BE5A5E720BB27C199EA38DC5A6F92C66',
  'Contoso API MY:0C58C8F853E79952A13D71A912102C6A64697311',
  'Billing MY:494FF9277B05DE81AA69F67D1F65DD041AF732B8',
  'Partners MY:DE0CD247E75C686FC5F7DC8FAEEBC62466F0BCEA',
  'Intranet MY:881222F4BC07AC2E720E2323622EB264B6524DCE',
  'Contoso Portal WebHosting:D54DAFC94E7E55489195BE690C85192991847ED5',
  'Contoso Docs WebHosting:D54DAFC94E7E55489195BE690C85192991847ED5',
  'CDN WebHosting:D54DAFC94E7E55489195BE690C85192991847ED5',
  'Media WebHosting:D54DAFC94E7E55489195BE690C85192991847ED5',
  'Contoso IPv6 MY:8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5',
];

let double: ReturnType<typeof useDouble> | undefined;
afterEach(() => double?.reset());

describe('snapshot export writes no key material', () => {
  it('the scanner finds the keys of the demo server, a DER key and a PFX, so its silence on an export means something', () => {
    const dir = scratch();
    cpSync('fixtures/demo-server/certs', path.join(dir, 'demo'), { recursive: true });
    execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', path.join(certs, 'expired.key'), '-outform', 'DER', '-out', path.join(dir, 'der.key')]);
    execFileSync('openssl', ['pkcs12', '-export', '-in', path.join(certs, 'www-contoso.pem'), '-inkey', path.join(certs, 'www-contoso.key'), '-passout', 'pass:x', '-out', path.join(dir, 'site.pfx')]);
    const found = keyMaterialIn(dir, keysOf(certs));
    expect(found).toEqual(expect.arrayContaining(['demo/MY/www-contoso.key: PEM PRIVATE KEY', 'demo/MY/www-contoso.key: bytes of a known key', 'der.key: DER pkcs8 key', 'der.key: bytes of a known key', 'site.pfx: PKCS#12 pkcs8ShroudedKeyBag', 'site.pfx: PKCS#12 encryptedData']));
    expect(found.filter((line) => line.startsWith('demo/')).map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining(['demo/MY/expired.key', 'demo/MY/expiring-soon.key', 'demo/MY/wrong-name.key', 'demo/MY/client-auth-only.key', 'demo/MY/iis-express-dev.pem', 'demo/WebHosting/wildcard-contoso.key']),
    );
  });

  it('copies certificates only, as DER, from keys beside, keys inside a PEM, bundles, DER and encrypted keys', () => {
    const encrypted = execFileSync('openssl', ['pkcs8', '-topk8', '-in', path.join(certs, 'expired.key'), '-passout', 'pass:secret', '-v2', 'aes-256-cbc']).toString();
    const bundle = ['ca.pem', 'no-eku.pem', 'no-eku.key'].map((file) => readFileSync(path.join(certs, file), 'utf8')).join('');
    const source = demoWith({
      'MY/www-contoso.pem': path.join(certs, 'www-contoso.pem'),
      'MY/www-contoso.key': path.join(certs, 'www-contoso.key'),
      'MY/dev.pem': path.join(certs, 'iis-express-dev.pem'),
      'MY/chain.pem': bundle,
      'MY/expired.pem': path.join(certs, 'expired.pem'),
      'MY/expired.key': encrypted,
      'WebHosting/wildcard-contoso.cer': path.join(certs, 'wildcard-contoso.cer'),
    });
    const derKey = execFileSync('openssl', ['pkcs8', '-topk8', '-nocrypt', '-in', path.join(certs, 'wildcard-contoso.key'), '-outform', 'DER']);
    writeFileSync(path.join(source, 'certs/WebHosting/wildcard-contoso.key'), derKey);
    expect(keyMaterialIn(path.join(source, 'certs'), keysOf(certs)).length).toBeGreaterThanOrEqual(5);

    const directory = fresh();
    const result = json('snapshot', 'export', '--snapshot', source, '--directory', directory);
    expect(keyMaterialIn(directory, [...keysOf(certs), derKey, Buffer.from(encrypted)])).toEqual([]);
    const written = result.files.map((file: string) => path.relative(directory, file)).filter((file: string) => file.startsWith('certs'));
    for (const file of written.filter((name: string) => name !== path.join('certs', 'keys.json'))) expect(file).toMatch(/^certs\/(MY|WebHosting)\/[0-9A-F]{40}\.cer$/);
    expect(written).toHaveLength(7); // www, dev, the bundle's CA and leaf, expired, wildcard, keys.json
    expect(Object.values(keyStates(directory)).sort()).toEqual([false, true, true, true, true, true]);
    expect(keyStates(directory)).toEqual(keyStates(source));
  });

  it('leaves a PFX in the source out of the snapshot and says so in a note', () => {
    const source = demoWith({ 'MY/site.pfx': 'not read anyway', 'MY/www-contoso.pem': path.join(certs, 'www-contoso.pem') });
    const directory = fresh();
    const exported = json('snapshot', 'export', '--snapshot', source, '--directory', directory);
    expect(exported.notes.filter((note: string) => note.includes('site.pfx'))).toEqual([expect.stringMatching(/site\.pfx not exported: .*PFX\/PKCS#12 files are not read/)]);
    expect(exported.files.filter((file: string) => /pfx/i.test(file))).toEqual([]);
    expect(keyMaterialIn(directory, keysOf(certs))).toEqual([]);
  });
});

describe('the Central Certificate Store in a snapshot: certificates only', () => {
  /** A CCS folder as a server holds it: pfx files with their keys, made now by openssl. */
  function ccsFolder(): string {
    const dir = scratch();
    const www = ['-in', path.join(certs, 'www-contoso.pem'), '-inkey', path.join(certs, 'www-contoso.key')];
    execFileSync('openssl', ['pkcs12', '-export', ...www, '-certfile', path.join(certs, 'ca.pem'), '-passout', 'pass:', '-out', path.join(dir, 'www.contoso.com.pfx')]);
    execFileSync('openssl', ['pkcs12', '-export', '-in', path.join(certs, 'expired.pem'), '-inkey', path.join(certs, 'expired.key'), '-certpbe', 'PBE-SHA1-3DES', '-passout', 'pass:', '-out', path.join(dir, 'shop.fabrikam.com.pfx')]);
    execFileSync('openssl', ['pkcs12', '-export', '-legacy', ...www, '-passout', 'pass:', '-out', path.join(dir, 'legacy.contoso.com.pfx')]);
    execFileSync('openssl', ['pkcs12', '-export', ...www, '-passout', 'pass:store-password', '-out', path.join(dir, 'locked.contoso.com.pfx')]);
    writeFileSync(path.join(dir, 'provider.json'), JSON.stringify({ enabled: true, certStoreLocation: '\\\\files01\\ccs' }));
    return dir;
  }
  const fingerprints = (pem: string) => [...pem.matchAll(/-----BEGIN CERTIFICATE-----[^]*?-----END CERTIFICATE-----/g)].map((block) =>
    execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha1'], { input: block[0], encoding: 'utf8' }).trim().split('=')[1]!.replace(/:/g, ''));

  it('writes each readable pfx again with its certificates only, which openssl reads with an empty password and no MAC, and no key material at all', () => {
    const source = ccsFolder();
    expect(keyMaterialIn(source, keysOf(certs)).length).toBeGreaterThanOrEqual(3);
    const directory = fresh();
    const exported = json('snapshot', 'export', '--snapshot', 'fixtures/shapes-server', '--ccs-dir', source, '--directory', directory);
    expect(readdirSync(path.join(directory, 'ccs')).sort()).toEqual(['legacy.contoso.com.pfx', 'provider.json', 'shop.fabrikam.com.pfx', 'www.contoso.com.pfx']);
    for (const name of ['www.contoso.com.pfx', 'shop.fabrikam.com.pfx', 'legacy.contoso.com.pfx']) {
      // openssl 3 reads the RC2 original only with its legacy provider.
      const original = execFileSync('openssl', ['pkcs12', '-in', path.join(source, name), '-nokeys', '-passin', 'pass:', ...(name.startsWith('legacy') ? ['-legacy'] : [])], { encoding: 'utf8' });
      const written = spawnSync('openssl', ['pkcs12', '-in', path.join(directory, 'ccs', name), '-passin', 'pass:', '-nodes'], { encoding: 'utf8' });
      expect(written.status, written.stderr).toBe(0);
      expect(written.stdout).not.toContain('PRIVATE KEY');
      expect(fingerprints(written.stdout).sort()).toEqual(fingerprints(original).sort());
    }
    expect(keyMaterialIn(directory, keysOf(certs))).toEqual([]);
    const text = readdirSync(path.join(directory, 'ccs')).map((name) => readFileSync(path.join(directory, 'ccs', name), 'latin1')).join('');
    // No key, and no setting that names a secret (the reasons of unreadable files may say "password").
    expect(text).not.toMatch(/PRIVATE KEY|"(?:password|privateKeyPassword|userName)"\s*:/i);
    expect(JSON.parse(readFileSync(path.join(directory, 'ccs', 'provider.json'), 'utf8'))).toEqual({
      enabled: true,
      certStoreLocation: '\\\\files01\\ccs',
      unreadable: [{ file: 'locked.contoso.com.pfx', reason: 'no password tried decrypts its certificates (2 tried)' }],
      privateKeys: [{ file: 'legacy.contoso.com.pfx', hasPrivateKey: true }, { file: 'shop.fabrikam.com.pfx', hasPrivateKey: true }, { file: 'www.contoso.com.pfx', hasPrivateKey: true }],
    });
    expect(exported.notes).toContain('ccs/: 3 Central Certificate Store file(s) written with their certificates only (no key, no password); 1 whose certificate could not be read are listed in ccs/provider.json.');
  });

  it('the sample server with its ccs/: same findings from the snapshot as from the source', () => {
    const { directory } = roundTrip('--snapshot', 'fixtures/shapes-server');
    expect(keyMaterialIn(directory, keysOf(certs))).toEqual([]);
    expect(readdirSync(path.join(directory, 'ccs')).sort()).toEqual(['ccs.contoso.com.pfx', 'legacy.contoso.com.pfx', 'provider.json']);
  });
});

describe('key presence recorded, and a snapshot diagnoses like its source', () => {
  it('the demo server: same findings, its one key-less certificate recorded as such', () => {
    const { directory, findings } = roundTrip('--snapshot', 'fixtures/demo-server');
    expect(keyMaterialIn(directory, keysOf(certs))).toEqual([]);
    expect(about(findings).filter(([code]) => code === 'CERT_NO_PRIVATE_KEY')).toEqual([
      ['CERT_NO_PRIVATE_KEY', 'Billing', '*:443:billing.contoso.com', 'hostnameport:billing.contoso.com:443', 'MY:494FF9277B05DE81AA69F67D1F65DD041AF732B8'],
    ]);
    const manifest = JSON.parse(readFileSync(path.join(directory, 'certs/keys.json'), 'utf8'));
    expect(manifest.format).toBe('httpapi-key-presence/1');
    expect(manifest.certificates.filter((entry: { hasPrivateKey: boolean }) => entry.hasPrivateKey !== true)).toEqual([
      { store: 'MY', thumbprint: '494FF9277B05DE81AA69F67D1F65DD041AF732B8', hasPrivateKey: false },
    ]);
    expect(manifest.certificates).toHaveLength(8);
  });

  it('the IIS Express sample: same findings, the development certificate (key inside its PEM) keeps its key', () => {
    const { directory, findings } = roundTrip('--snapshot', 'fixtures/iisexpress-demo');
    expect(about(findings).map(([code]) => code).sort()).toEqual(['BINDING_HOST_IS_IP', 'HTTPS_BINDING_NO_MAPPING', 'IISEXPRESS_PORT_OUTSIDE_RANGE', 'URLACL_MISSING']);
    expect(keyStates(directory)).toEqual({ BB7C594209764AB9BDDC5E1CBB2EB8FFBAEC4895: true });
    expect(keyMaterialIn(directory, keysOf(certs))).toEqual([]);
  });

  it('a server whose stores have no keys: CERT_NO_PRIVATE_KEY for every bound certificate, before and after', () => {
    const source = bare();
    const listed = json('certificates', '--snapshot', source).certificates as { store: string; thumbprint: string }[];
    const certificates = listed.map(({ store, thumbprint }) => ({ store, thumbprint, hasPrivateKey: false }));
    writeFileSync(path.join(source, 'certs/keys.json'), JSON.stringify({ format: 'httpapi-key-presence/1', about: 'test', certificates }));
    const { directory, findings } = roundTrip('--snapshot', source);
    expect(new Set(Object.values(keyStates(directory)))).toEqual(new Set([false]));
    expect(about(findings).filter(([code]) => code === 'CERT_NO_PRIVATE_KEY').map(([, site, , , certificate]) => `${site} ${certificate}`)).toEqual(NO_KEY_EVERYWHERE);
  });

  it('a server whose key state is unknown: no CERT_NO_PRIVATE_KEY, recorded as unknown, read back as unknown', () => {
    const source = bare();
    expect(new Set(Object.values(keyStates(source)))).toEqual(new Set([null]));
    const { directory, findings, exported } = roundTrip('--snapshot', source);
    const codes = about(findings).map(([code]) => code);
    expect(codes).not.toContain('CERT_NO_PRIVATE_KEY');
    // Unknown is said once, as a note, not as a finding.
    expect(json('diagnose', '--snapshot', source).notes).toContain(
      'private key check skipped for 8 certificate(s): the source does not say whether their store has the key (no key beside them, no certs/keys.json entry).',
    );
    expect(json('diagnose', '--snapshot', 'fixtures/demo-server').notes.join('\n')).not.toMatch(/private key check skipped/);
    // Literally the demo server's findings but the key one (its README's list, at the same date).
    const demo = json('diagnose', '--snapshot', 'fixtures/demo-server', '--as-of', asOf).findings;
    expect(about(findings)).toEqual(about(demo).filter(([code]) => code !== 'CERT_NO_PRIVATE_KEY'));
    expect(new Set(Object.values(keyStates(directory)))).toEqual(new Set([null]));
    expect(exported.notes).toContain('8 certificate(s) written without private keys; certs/keys.json records whether their store had one (0 yes, 0 no, 8 unknown).');
  });

  it('captures netsh output through the netsh executable, and the capture parses like the live read', () => {
    double = useDouble();
    const add = httpapi('sslcert', 'add', '--netsh', netshDouble, '--kind', 'hostnameport', '--key', 'www.contoso.com:443', '--certificate-hash', '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5', '--app-id', '{4dc3e181-e14b-4a21-b022-59fc669b0914}');
    expect(add.status).toBe(0);
    const directory = fresh();
    json('snapshot', 'export', '--netsh', netshDouble, '--config', 'fixtures/demo-server/applicationHost.config', '--certs-dir', 'fixtures/demo-server/certs', '--directory', directory);
    // The same certificates on both sides, so the mappings' status agrees too.
    const live = json('sslcert', '--netsh', netshDouble, '--certs-dir', directory + '/certs').mappings;
    expect(live).toHaveLength(1);
    expect(json('sslcert', '--snapshot', directory).mappings).toEqual(live);
    expect(placeless(json('diagnose', '--snapshot', directory, '--as-of', asOf))).toEqual(
      placeless(json('diagnose', '--netsh', netshDouble, '--config', 'fixtures/demo-server/applicationHost.config', '--certs-dir', 'fixtures/demo-server/certs', '--as-of', asOf)),
    );
  });
});

describe('the export\'s human output', () => {
  it('lists the folder, each file written and each note on a line of its own', () => {
    const directory = fresh();
    const run = httpapi('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory);
    expect(run.status, run.stderr).toBe(0);
    const written = readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    // Certificates in the order the stores and their files are read: by store, then by file name.
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `Snapshot written to ${directory}`,
      `${written.length} file(s):`,
      '  applicationHost.config',
      '  sslcert.txt',
      '  urlacl.txt',
      '  certs/MY/DE0CD247E75C686FC5F7DC8FAEEBC62466F0BCEA.cer',
      '  certs/MY/D448C934BE5A5E720BB27C199EA38DC5A6F92C66.cer',
      '  certs/MY/0C58C8F853E79952A13D71A912102C6A64697311.cer',
      '  certs/MY/BB7C594209764AB9BDDC5E1CBB2EB8FFBAEC4895.cer',
      '  certs/MY/494FF9277B05DE81AA69F67D1F65DD041AF732B8.cer',
      '  certs/MY/881222F4BC07AC2E720E2323622EB264B6524DCE.cer',
      '  certs/MY/8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5.cer',
      '  certs/WebHosting/D54DAFC94E7E55489195BE690C85192991847ED5.cer',
      '  certs/keys.json',
      'Notes:',
      '  8 certificate(s) written without private keys; certs/keys.json records whether their store had one (7 yes, 1 no, 0 unknown).',
      '  ccs/ not written: no source describes the Central Certificate Store.',
    ]);
  });
});

describe('where an export may go', () => {
  const refused = (directory: string, message: RegExp) => {
    const started = Date.now();
    const run = httpapi('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory, '--json');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
  };

  it.each(['/proc/self/httpapi-snapshot', '/proc', '/sys/kernel/httpapi', '/dev/shm/httpapi-snapshot', '/dev/null'])('refuses %s (a virtual file system) at once and writes nothing', (directory) => {
    refused(directory, /Cannot export a snapshot to .*: it is under \/(proc|sys|dev), a virtual file system/);
    expect(existsSync('/dev/shm/httpapi-snapshot')).toBe(false);
  });

  it('follows links: a folder that leads into /proc is refused too', () => {
    const link = path.join(scratch(), 'innocent');
    symlinkSync('/proc/self', link);
    refused(path.join(link, 'snapshot'), /it is under \/proc, a virtual file system/);
  });

  it('refuses a file, and a path below a file, as not a folder', () => {
    const file = path.join(scratch(), 'file');
    writeFileSync(file, 'mine');
    refused(file, /it exists and is not a folder/);
    refused(path.join(file, 'snapshot'), /is not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('answers EXPORT_DESTINATION_REFUSED (1032) over JSON-RPC, naming the folder', async () => {
    const worker = await startWorker(['--snapshot', 'fixtures/demo-server']);
    try {
      const error = await worker.connection.sendRequest('snapshot/export', { directory: '/proc/self/x' }).then(() => undefined, (caught: unknown) => caught);
      expect(error).toMatchObject({ code: 1032, data: { id: 'EXPORT_DESTINATION_REFUSED', directory: '/proc/self/x' } });
    } finally {
      await worker.close();
    }
  });

  it('refuses a folder that is not empty, and overwrites nothing', () => {
    const directory = fresh();
    json('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory);
    writeFileSync(path.join(directory, 'applicationHost.config'), 'mine');
    const again = httpapi('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty/);
    expect(readFileSync(path.join(directory, 'applicationHost.config'), 'utf8')).toBe('mine');
  });

  it('takes an empty folder that exists', () => {
    const directory = scratch();
    expect(json('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory).files).toHaveLength(12);
  });

  it('does not hang on a FIFO as the configuration: refused as not a regular file, nothing written', () => {
    const dir = scratch();
    const fifo = path.join(dir, 'applicationHost.config');
    execFileSync('mkfifo', [fifo]);
    const directory = path.join(dir, 'snapshot');
    const run = httpapi('snapshot', 'export', '--config', fifo, '--sslcert-file', 'fixtures/demo-server/sslcert.txt', '--directory', directory);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not a regular file/);
    expect(existsSync(directory)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
