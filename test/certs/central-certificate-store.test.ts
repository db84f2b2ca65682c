import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCentralCertificateStore } from '../../src/certs/central-certificate-store.js';

// A CCS folder of PFX files made now by the real openssl.
const certs = path.resolve('fixtures/certs');
const work = mkdtempSync(path.join(tmpdir(), 'httpapi-ccs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const linux = { platform: 'linux' as NodeJS.Platform, arch: 'x64', env: {} };
const thumbprintOf = (file: string) => createHash('sha1').update(new X509Certificate(readFileSync(path.join(certs, file))).raw).digest('hex').toUpperCase();

function folder(name: string, files: Record<string, string[]>, provider?: object): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const [file, args] of Object.entries(files)) execFileSync('openssl', ['pkcs12', '-export', ...args, '-out', path.join(dir, file)], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (provider) writeFileSync(path.join(dir, 'provider.json'), JSON.stringify(provider));
  return dir;
}
const www = ['-in', path.join(certs, 'www-contoso.pem'), '-inkey', path.join(certs, 'www-contoso.key')];

describe('readCentralCertificateStore on a folder', () => {
  it('reads each pfx\'s leaf with the empty password, and with HTTPAPI_CCS_PASSWORD when set; a file nothing opens is present, certificate unreadable', async () => {
    const dir = folder('passwords', { 'www.contoso.com.pfx': [...www, '-passout', 'pass:'], 'secret.contoso.com.pfx': [...www, '-passout', 'pass:store-password'] });
    const without = await readCentralCertificateStore({ kind: 'directory', path: dir }, linux);
    expect(without.files.map((file) => [file.name, file.certificate?.thumbprint ?? null, file.unreadable])).toEqual([
      ['secret.contoso.com.pfx', null, 'no password tried decrypts its certificates (2 tried)'],
      ['www.contoso.com.pfx', thumbprintOf('www-contoso.pem'), null],
    ]);
    expect(without.files[1]!.certificate).toMatchObject({ store: 'CCS', file: 'www.contoso.com.pfx', hasPrivateKey: true, subject: 'CN=www.contoso.com, O=Contoso Ltd, C=US' });
    const withPassword = await readCentralCertificateStore({ kind: 'directory', path: dir }, { ...linux, env: { HTTPAPI_CCS_PASSWORD: 'store-password' } });
    expect(withPassword.files.map((file) => file.certificate?.thumbprint)).toEqual([thumbprintOf('www-contoso.pem'), thumbprintOf('www-contoso.pem')]);
  });

  it('provider.json: the settings, files the snapshot could not read, and key presence for certificate-only files', async () => {
    const dir = folder('snapshot', { 'shop.contoso.com.pfx': ['-nokeys', '-in', path.join(certs, 'www-contoso.pem'), '-certpbe', 'NONE', '-passout', 'pass:'] }, {
      enabled: false,
      certStoreLocation: '\\\\files01\\ccs',
      unreadable: [{ file: 'legacy.contoso.com.pfx', reason: 'RC2 encryption' }],
      privateKeys: [{ file: 'shop.contoso.com.pfx', hasPrivateKey: true }],
    });
    const store = await readCentralCertificateStore({ kind: 'directory', path: dir }, linux);
    expect(store).toMatchObject({ enabled: false, certStoreLocation: '\\\\files01\\ccs', folderProblem: null });
    expect(store.files.map((file) => [file.name, file.certificate?.hasPrivateKey ?? null, file.unreadable])).toEqual([
      ['legacy.contoso.com.pfx', null, 'RC2 encryption'],
      ['shop.contoso.com.pfx', true, null],
    ]);
  });

  it('a certificate-only pfx outside a snapshot has no key: false, not unknown', async () => {
    const dir = folder('no-key', { 'shop.contoso.com.pfx': ['-nokeys', '-in', path.join(certs, 'www-contoso.pem'), '-passout', 'pass:'] });
    const store = await readCentralCertificateStore({ kind: 'directory', path: dir }, linux);
    expect(store.files[0]!.certificate!.hasPrivateKey).toBe(false);
  });

  it('a folder that cannot be read is a folder problem, not a failure', async () => {
    const store = await readCentralCertificateStore({ kind: 'directory', path: path.join(work, 'absent') }, linux);
    expect(store.files).toEqual([]);
    expect(store.folderProblem).toBe(`${path.join(work, 'absent')} cannot be read: there is no such file`);
  });

  it('a provider.json that is not JSON is a folder problem naming it', async () => {
    const dir = path.join(work, 'bad-provider');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'provider.json'), '{ not json');
    const store = await readCentralCertificateStore({ kind: 'directory', path: dir }, linux);
    expect(store.folderProblem).toContain(path.join(dir, 'provider.json'));
  });
});

describe('readCentralCertificateStore live (Windows facts injected)', () => {
  it('settings that cannot be read skip the CCS checks with the reason, rather than failing the read', async () => {
    const relative = await readCentralCertificateStore({ kind: 'registry' }, { platform: 'win32', arch: 'x64', env: { SystemRoot: 'Windows' } });
    expect(relative.folderProblem).toMatch(/^IIS's Central Certificate Store settings could not be read \(Cannot tell where Windows is: SystemRoot is 'Windows'/);
    // Off Windows the absolute reg.exe does not exist: the runner says it could not start it.
    const absent = await readCentralCertificateStore({ kind: 'registry' }, { platform: 'win32', arch: 'x64', env: { SystemRoot: 'C:\\Windows' } });
    expect(absent.folderProblem).toMatch(/could not be read \(Could not start .*C:\\Windows\\System32\\reg\.exe/);
    expect(absent.files).toEqual([]);
  });
});
