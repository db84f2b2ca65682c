import { createPrivateKey } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCertificateSource, readCertificates } from '../../src/certs/read-certificates.js';
import { HttpApiError } from '../../src/errors.js';
import { certsDir, demoDir, fixtureRows } from './fixture-table.js';

const rows = fixtureRows();
const thumb = (file: string) => rows.get(file)!.thumbprint;
const fixture = (name: string) => path.join(certsDir, name);

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A certs/ folder laid out by the test: `{ 'MY/a.pem': source file or text }`. */
function folder(files: Record<string, string | Buffer>): string {
  scratch = mkdtempSync(path.join(tmpdir(), 'httpapi-certs-'));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(scratch, name);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === 'string' && content.startsWith(certsDir)) copyFileSync(content, target);
    else writeFileSync(target, content);
  }
  return scratch;
}

const read = (dir: string, filter = {}) => readCertificates({ kind: 'directory', path: dir }, filter);

async function failure(promise: Promise<unknown>): Promise<HttpApiError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(HttpApiError);
  return error as HttpApiError;
}

describe('the demo server\'s certs/ folder', () => {
  it('has MY and WebHosting stores named by their subfolders', async () => {
    const certificates = await read(path.join(demoDir, 'certs'));
    const inStore = (store: string) => certificates.filter((certificate) => certificate.store === store).map((certificate) => certificate.thumbprint).sort();
    expect(inStore('WebHosting')).toEqual([thumb('wildcard-contoso.cer')]);
    expect(inStore('MY')).toEqual(
      ['www-contoso.pem', 'expired.pem', 'expiring-soon.pem', 'wrong-name.pem', 'client-auth-only.crt', 'no-key.pem', 'iis-express-dev.pem'].map(thumb).sort(),
    );
    expect(certificates.find((certificate) => certificate.thumbprint === thumb('mail-fabrikam.pem'))).toBeUndefined();
  });

  it('filters by store without case and by thumbprint in any case, with spaces', async () => {
    const dir = path.join(demoDir, 'certs');
    expect((await read(dir, { store: 'webhosting' })).map((certificate) => certificate.file)).toEqual([path.join(dir, 'WebHosting', 'wildcard-contoso.cer')]);
    expect(await read(dir, { store: 'Root' })).toEqual([]);
    const spaced = thumb('expired.pem').toLowerCase().replace(/(.{4})/g, '$1 ');
    expect((await read(dir, { thumbprint: spaced })).map((certificate) => certificate.subject)).toEqual(['CN=shop.fabrikam.com, O=Fabrikam Inc']);
    expect(await read(dir, { store: 'WebHosting', thumbprint: thumb('expired.pem') })).toEqual([]);
  });
});

describe('stores in a snapshot folder', () => {
  it('puts files directly in certs/ into MY, together with a My/ subfolder, each certificate once', async () => {
    const dir = folder({ 'www.pem': fixture('www-contoso.pem'), 'My/www-copy.pem': fixture('www-contoso.pem'), 'My/www-copy.key': fixture('www-contoso.key'), 'My/expired.pem': fixture('expired.pem') });
    const certificates = await read(dir);
    expect(certificates.map((certificate) => [certificate.store, certificate.thumbprint, certificate.hasPrivateKey])).toEqual([
      ['MY', thumb('www-contoso.pem'), true],
      ['MY', thumb('expired.pem'), null],
    ]);
    expect((await read(dir, { store: '(null)' })).length).toBe(2);
  });

  it('does not read folders below a store, nor files that are not certificates', async () => {
    const dir = folder({ 'WebHosting/old/x.pem': fixture('expired.pem'), 'WebHosting/README.md': '# notes', 'WebHosting/lonely.key': fixture('www-contoso.key'), 'WebHosting/notes.txt': 'x' });
    expect(await read(dir)).toEqual([]);
  });

  it('fails with SOURCE_UNREADABLE naming a folder that does not exist', async () => {
    const error = await failure(read('/nonexistent/certs'));
    expect(error.id).toBe('SOURCE_UNREADABLE');
    expect(error.message).toContain('/nonexistent/certs');
  });

  it('skips a file that is not a certificate as one problem naming it, and reads the rest', async () => {
    const dir = folder({ 'MY/broken.cer': Buffer.from([0x30, 0x03, 0x02, 0x01]), 'MY/empty.cer': Buffer.alloc(0), 'MY/fine.pem': fixture('www-contoso.pem') });
    const { certificates, problems } = await readCertificateSource({ kind: 'directory', path: dir });
    expect(certificates.map((certificate) => certificate.thumbprint)).toEqual([thumb('www-contoso.pem')]);
    expect(problems.map((problem) => [problem.file, problem.store])).toEqual([
      [path.join(dir, 'MY', 'broken.cer'), 'MY'],
      [path.join(dir, 'MY', 'empty.cer'), 'MY'],
    ]);
    expect(problems[0]!.message).toContain('not a readable X.509 certificate');
  });

  it('lists a certificate whose NAME.key is garbage with its key state unknown (null), and one problem naming the key file', async () => {
    const dir = folder({ 'MY/site.pem': fixture('www-contoso.pem'), 'MY/site.key': 'this is not a key\n' });
    const { certificates, problems } = await readCertificateSource({ kind: 'directory', path: dir });
    expect(certificates.map((certificate) => [certificate.thumbprint, certificate.hasPrivateKey])).toEqual([[thumb('www-contoso.pem'), null]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(path.join(dir, 'MY', 'site.key'));
  });

  it('given the thumbprints mappings name, parses only those certificates and reads only their key files; a file that is not DER is still reported', async () => {
    const dir = folder({
      'MY/named.pem': fixture('www-contoso.pem'),
      'MY/named.key': fixture('wildcard-contoso.key'),
      'MY/other.pem': fixture('mail-fabrikam.pem'),
      'MY/other.key': 'this is not a key\n',
      'WebHosting/expired.pem': fixture('expired.pem'),
      'MY/empty.cer': Buffer.alloc(0),
    });
    const named = new Set([thumb('www-contoso.pem'), thumb('expired.pem')]);
    const all = await readCertificateSource({ kind: 'directory', path: dir });
    const some = await readCertificateSource({ kind: 'directory', path: dir }, { named });
    expect(some.certificates).toEqual(all.certificates.filter((certificate) => named.has(certificate.thumbprint)));
    expect(some.certificates.map((certificate) => certificate.store)).toEqual(['MY', 'WebHosting']);
    // other.key is garbage, but other.pem is named by nothing: its key file is never read.
    expect(all.problems.map((problem) => path.basename(problem.file))).toEqual(['empty.cer', 'other.key']);
    expect(some.problems.map((problem) => path.basename(problem.file))).toEqual(['empty.cer']);
  });

  it('refuses PFX files with the command that converts them, as a problem of that file', async () => {
    const { certificates, problems } = await readCertificateSource({ kind: 'directory', path: folder({ 'MY/site.pfx': Buffer.from([0x30, 0x82]) }) });
    expect(certificates).toEqual([]);
    expect(problems[0]!.message).toMatch(/PFX.*openssl pkcs12 -in/);
  });
});

describe('private key presence in a snapshot', () => {
  it('is true for NAME.key beside NAME.pem/.cer/.crt whose key matches, unknown (null) without one', async () => {
    const certificates = await read(folder({ 'a.pem': fixture('www-contoso.pem'), 'a.key': fixture('www-contoso.key'), 'b.cer': fixture('wildcard-contoso.cer'), 'B.KEY': fixture('wildcard-contoso.key'), 'c.crt': fixture('expired.pem') }));
    expect(Object.fromEntries(certificates.map((certificate) => [path.basename(certificate.file!), certificate.hasPrivateKey]))).toEqual({ 'a.pem': true, 'b.cer': true, 'c.crt': null });
  });

  it('is false when the key beside belongs to another certificate', async () => {
    const [certificate] = await read(folder({ 'a.pem': fixture('www-contoso.pem'), 'a.key': fixture('expired.key') }));
    expect(certificate!.hasPrivateKey).toBe(false);
  });

  it('is true for a PEM holding the certificate and its key', async () => {
    const [certificate] = await read(folder({ 'dev.pem': fixture('iis-express-dev.pem') }));
    expect(certificate!.hasPrivateKey).toBe(true);
  });

  it('goes to the matching certificate of a PEM bundle only', async () => {
    const bundle = [readFileSync(fixture('ca.pem'), 'utf8'), readFileSync(fixture('www-contoso.pem'), 'utf8'), readFileSync(fixture('www-contoso.key'), 'utf8')].join('');
    const certificates = await read(folder({ 'fullchain.pem': bundle }));
    expect(certificates.map((certificate) => [certificate.commonName, certificate.hasPrivateKey])).toEqual([
      ['HttpApi Test Root CA', false],
      ['www.contoso.com', true],
    ]);
  });

  it('counts an encrypted key (which cannot be checked without its passphrase) for the first certificate', async () => {
    const encrypted = createPrivateKey(readFileSync(fixture('expired.key'))).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' });
    const legacy = createPrivateKey(readFileSync(fixture('www-contoso.key'))).export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'secret' });
    expect(legacy).toContain('Proc-Type: 4,ENCRYPTED');
    const certificates = await read(folder({ 'a.pem': fixture('expired.pem'), 'a.key': encrypted, 'b.pem': fixture('www-contoso.pem'), 'b.key': legacy }));
    expect(certificates.map((certificate) => certificate.hasPrivateKey)).toEqual([true, true]);
  });

  it('reads a DER (PKCS#8) key file beside the certificate', async () => {
    const der = createPrivateKey(readFileSync(fixture('www-contoso.key'))).export({ format: 'der', type: 'pkcs8' });
    const [certificate] = await read(folder({ 'a.cer': fixture('www-contoso.pem'), 'a.key': der }));
    expect(certificate!.hasPrivateKey).toBe(true);
  });

  it('does not take withheld/no-key.key for the key of no-key.pem', async () => {
    const certificates = await read(certsDir);
    expect(certificates.find((certificate) => certificate.file === fixture('no-key.pem'))!.hasPrivateKey).toBeNull();
  });
});

describe('key presence recorded in certs/keys.json', () => {
  const manifest = (certificates: unknown[]) => JSON.stringify({ format: 'httpapi-key-presence/1', about: 'test', certificates });

  it('takes the record for certificates without a key beside them: yes, no, or unknown when null or not listed', async () => {
    const dir = folder({
      'MY/a.pem': fixture('www-contoso.pem'),
      'MY/b.pem': fixture('expired.pem'),
      'WebHosting/c.cer': fixture('wildcard-contoso.cer'),
      'MY/d.pem': fixture('wrong-name.pem'),
      'keys.json': manifest([
        { store: 'my', thumbprint: thumb('www-contoso.pem').toLowerCase(), hasPrivateKey: true },
        { store: 'MY', thumbprint: thumb('expired.pem'), hasPrivateKey: false },
        { store: 'WebHosting', thumbprint: thumb('wildcard-contoso.cer'), hasPrivateKey: null },
        // The same certificate in another store says nothing about MY.
        { store: 'WebHosting', thumbprint: thumb('wrong-name.pem'), hasPrivateKey: false },
      ]),
    });
    const byFile = Object.fromEntries((await read(dir)).map((certificate) => [path.basename(certificate.file!), certificate.hasPrivateKey]));
    expect(byFile).toEqual({ 'a.pem': true, 'b.pem': false, 'c.cer': null, 'd.pem': null });
  });

  it('never overrules a key found beside or inside the certificate', async () => {
    const dir = folder({
      'MY/a.pem': fixture('www-contoso.pem'),
      'MY/a.key': fixture('www-contoso.key'),
      'MY/dev.pem': fixture('iis-express-dev.pem'),
      'keys.json': manifest([
        { store: 'MY', thumbprint: thumb('www-contoso.pem'), hasPrivateKey: false },
        { store: 'MY', thumbprint: thumb('iis-express-dev.pem'), hasPrivateKey: false },
      ]),
    });
    expect((await read(dir)).map((certificate) => certificate.hasPrivateKey)).toEqual([true, true]);
  });

  it('is what says "no key" for the demo server\'s no-key.pem', async () => {
    const certificates = await read(path.join(demoDir, 'certs'));
    expect(certificates.find((certificate) => certificate.thumbprint === thumb('no-key.pem'))!.hasPrivateKey).toBe(false);
    expect(certificates.filter((certificate) => certificate.hasPrivateKey !== true).map((certificate) => certificate.thumbprint)).toEqual([thumb('no-key.pem')]);
  });

  it.each([
    ['not JSON', '{ "format": ', /not JSON/],
    ['another format', JSON.stringify({ format: 'x/1', certificates: [] }), /"format" must be "httpapi-key-presence\/1"/],
    ['an entry without a thumbprint', manifest([{ store: 'MY', hasPrivateKey: true }]), /certificates\[0\] needs/],
    ['a key state that is not true, false or null', manifest([{ store: 'MY', thumbprint: 'A'.repeat(40), hasPrivateKey: 'yes' }]), /certificates\[0\] needs/],
  ])('refuses a manifest that is %s with KEY_MANIFEST_INVALID naming the file', async (_name, text, message) => {
    const dir = folder({ 'MY/a.pem': fixture('www-contoso.pem'), 'keys.json': text });
    const error = await failure(read(dir));
    expect(error.id).toBe('KEY_MANIFEST_INVALID');
    expect(error.code).toBe(1033);
    expect(error.message).toContain(path.join(dir, 'keys.json'));
    expect(error.message).toMatch(message);
  });
});
