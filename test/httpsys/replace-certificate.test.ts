import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { netshDouble, useDouble } from './double.js';

// Renewal end to end: the real CLI, the netsh test double keeping state in a file, the demo
// server's configuration and certificate stores.
const OLD = 'D54DAFC94E7E55489195BE690C85192991847ED5'; // certs/WebHosting/wildcard-contoso.cer
const NEW = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'; // certs/MY/www-contoso.pem
const OTHER = 'D448C934BE5A5E720BB27C199EA38DC5A6F92C66';
const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
// A copy of the configuration: a replacement holds its change lock (and, for several mappings, writes its journal) beside it.
const configCopy = path.join(mkdtempSync(path.join(tmpdir(), 'httpapi-replace-')), 'applicationHost.config');
copyFileSync('fixtures/demo-server/applicationHost.config', configCopy);
const source = ['--config', configCopy, '--certs-dir', 'fixtures/demo-server/certs'];

let double: ReturnType<typeof useDouble>;
const cli = (args: string[], netsh = netshDouble) => spawnSync(process.execPath, ['dist/httpapi.js', ...args, '--netsh', netsh, ...source], { encoding: 'utf8' });
const mappings = () =>
  JSON.parse(execFileSync(process.execPath, ['dist/httpapi.js', 'sslcert', '--netsh', netshDouble, '--json'], { encoding: 'utf8' })).mappings as {
    key: string;
    certificateHash: string;
    appId: string;
    certificateStoreName: string | null;
    options: { name: string; value: unknown }[];
  }[];
const option = (mapping: { options: { name: string; value: unknown }[] } | undefined, name: string) => mapping?.options.find((entry) => entry.name === name)?.value;

beforeEach(() => {
  double = useDouble();
  const add = (args: string[]) => expect(cli(['sslcert', 'add', '--app-id', IIS, ...args]).status).toBe(0);
  add(['--kind', 'ipport', '--key', '0.0.0.0:443', '--certificate-hash', OLD, '--certificate-store-name', 'WebHosting', '--options', '{"clientcertnegotiation":true,"revocationfreshnesstime":60}']);
  add(['--kind', 'ipport', '--key', '10.0.0.5:443', '--certificate-hash', OLD, '--certificate-store-name', 'WebHosting']);
  add(['--kind', 'hostnameport', '--key', 'shop.fabrikam.com:443', '--certificate-hash', OTHER, '--certificate-store-name', 'MY']);
});
afterEach(() => double.reset());

describe('certificate replace', () => {
  it('whatIf plans one update per mapping that uses the old certificate and changes nothing', () => {
    const run = cli(['certificate', 'replace', '--old-hash', OLD.toLowerCase(), '--new-hash', NEW, '--certificate-store-name', 'MY', '--what-if', '--json']);
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.applied).toBe(false);
    expect(plan.steps.map((step: { argv: string[] }) => step.argv.slice(0, 5))).toEqual([
      ['http', 'update', 'sslcert', 'ipport=0.0.0.0:443', `certhash=${NEW}`],
      ['http', 'update', 'sslcert', 'ipport=10.0.0.5:443', `certhash=${NEW}`],
    ]);
    expect(plan.steps[0].argv).toContain('clientcertnegotiation=enable');
    expect(mappings().filter((mapping) => mapping.certificateHash === OLD)).toHaveLength(2);
  });

  it('replaces the thumbprint everywhere, keeping each mapping\'s app id and options, and lists the bindings affected', () => {
    const run = cli(['certificate', 'replace', '--old-hash', OLD, '--new-hash', NEW, '--certificate-store-name', 'MY', '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.applied).toBe(true);
    expect(result.mappings).toEqual([
      { kind: 'ipport', key: '0.0.0.0:443' },
      { kind: 'ipport', key: '10.0.0.5:443' },
    ]);
    expect(result.affected).toEqual(expect.arrayContaining([{ site: 'Default Web Site', bindingInformation: '*:443:' }, { site: 'Contoso Portal', bindingInformation: '10.0.0.5:443:portal.contoso.com' }]));
    const after = new Map(mappings().map((mapping) => [mapping.key, mapping]));
    expect(after.get('0.0.0.0:443')).toMatchObject({ certificateHash: NEW, appId: IIS, certificateStoreName: 'MY' });
    expect(option(after.get('0.0.0.0:443'), 'clientCertNegotiation')).toBe(true);
    expect(option(after.get('0.0.0.0:443'), 'revocationFreshnessTime')).toBe(60);
    expect(after.get('10.0.0.5:443')?.certificateHash).toBe(NEW);
    expect(after.get('shop.fabrikam.com:443')?.certificateHash).toBe(OTHER);
  });

  it('refuses before changing anything when the new certificate is not in the store the mappings name', () => {
    const run = cli(['certificate', 'replace', '--old-hash', OLD, '--new-hash', NEW]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not in the LocalMachine store WebHosting.*nothing was changed/);
    expect(mappings().filter((mapping) => mapping.certificateHash === OLD)).toHaveLength(2);
  });

  it('no mapping uses the old certificate: NOT_FOUND', () => {
    const run = cli(['certificate', 'replace', '--old-hash', NEW, '--new-hash', OLD]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`No http.sys mapping uses certificate ${NEW}`);
  });

  it('a failure half way puts the mappings already changed back (CHANGE_ROLLED_BACK)', () => {
    // netsh that refuses the new certificate for 10.0.0.5:443 only, as with a key it cannot use (error 1312).
    const failing = path.join(double.dir, 'netsh-failing.mjs');
    writeFileSync(
      failing,
      `#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
const args = process.argv.slice(2);
if (args.includes('ipport=10.0.0.5:443') && args.includes('certhash=${NEW}')) {
  process.stdout.write('\\r\\nSSL Certificate update failed, Error: 1312\\r\\nA specified logon session does not exist. It may already have been terminated.\\r\\n\\r\\n');
  process.exit(1);
}
process.exit(spawnSync(process.execPath, [${JSON.stringify(netshDouble)}, ...args], { stdio: 'inherit' }).status ?? 1);
`,
    );
    chmodSync(failing, 0o755);
    const run = cli(['certificate', 'replace', '--old-hash', OLD, '--new-hash', NEW, '--certificate-store-name', 'MY'], failing);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/The mapping step \(ipport 10\.0\.0\.5:443: .*\) failed: .*1312.*; the mapping step \(ipport 0\.0\.0\.0:443: [0-9A-F]+ -> [0-9A-F]+\) was undone\.$/m);
    const after = new Map(mappings().map((mapping) => [mapping.key, mapping]));
    expect(after.get('0.0.0.0:443')).toMatchObject({ certificateHash: OLD, certificateStoreName: 'WebHosting' });
    expect(option(after.get('0.0.0.0:443'), 'clientCertNegotiation')).toBe(true);
    expect(after.get('10.0.0.5:443')?.certificateHash).toBe(OLD);
  });
});
