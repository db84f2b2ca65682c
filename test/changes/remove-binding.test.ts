import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServer, demoRecords, json, removeWrappers, SSTP, withoutLine, WWW, type Server } from './demo-server.js';

// bindings/remove end to end: the real CLI, a copy of the demo server's applicationHost.config
// and the netsh double holding the demo server's mappings.
let server: Server;
beforeEach(() => {
  server = copyServer();
});
afterEach(() => server.dispose());
afterAll(removeWrappers);

const remove = (site: string, protocol: string, bindingInformation: string, extra: string[] = [], netsh?: string) =>
  server.cli(['binding', 'remove', '--site', site, '--protocol', protocol, '--binding-information', bindingInformation, ...extra, '--json'], netsh);
const keys = () => server.records().map((record) => record.key);

describe('binding remove', () => {
  it('an SNI binding goes with its hostnameport mapping, and only that: other mappings with the same certificate stay', () => {
    const result = json(remove('Contoso WWW', 'https', '*:443:www.contoso.com'));
    expect(result.applied).toBe(true);
    expect(result.steps.map((step) => step.kind)).toEqual(['config', 'netsh']);
    expect(result.steps[1]).toMatchObject({ argv: ['http', 'delete', 'sslcert', 'hostnameport=www.contoso.com:443'] });
    expect(server.bytes().equals(withoutLine(server.original, 'bindingInformation="*:443:www.contoso.com"'))).toBe(true);
    // www-contoso.pem also serves 10.0.0.9:443, [::]:443 and [2001:db8::5]:443 (Jexus Manager would delete them all).
    expect(keys()).toEqual(demoRecords().map((record) => record.key).filter((key) => key !== 'www.contoso.com:443'));
    expect(server.records().filter((record) => record.certhash === WWW.toLowerCase())).toHaveLength(3);
    expect(readFileSync(result.backup!).equals(server.original)).toBe(true);
  });

  it('one of two bindings sharing 10.0.0.5:443 goes; the mapping stays for the other, and then goes with it', () => {
    const first = json(remove('Contoso Portal', 'https', '10.0.0.5:443:portal.contoso.com'));
    expect(first.steps.map((step) => step.kind)).toEqual(['config']);
    expect(first.messages).toContain('Mapping ipport 10.0.0.5:443 is kept: it still serves Contoso Docs (10.0.0.5:443:docs.contoso.com).');
    expect(keys()).toContain('10.0.0.5:443');

    const second = json(remove('Contoso Docs', 'https', '10.0.0.5:443:docs.contoso.com'));
    expect(second.steps[1]).toMatchObject({ kind: 'netsh', argv: ['http', 'delete', 'sslcert', 'ipport=10.0.0.5:443'] });
    expect(keys()).not.toContain('10.0.0.5:443');
  });

  it('the all-address binding keeps 0.0.0.0:443: the SNI sites\' clients without SNI still get it', () => {
    const result = json(remove('Default Web Site', 'https', '*:443:'));
    expect(result.steps.map((step) => step.kind)).toEqual(['config']);
    expect(result.messages?.[0]).toMatch(/^Mapping ipport 0\.0\.0\.0:443 is kept: it still serves Contoso WWW \(\*:443:www\.contoso\.com\), .*Media \(\*:443:media\.contoso\.com\)\.$/);
    expect(keys()).toContain('0.0.0.0:443');
  });

  it('a mapping that belongs to other software stays (SSTP on [::]:443)', () => {
    json(server.cli(['binding', 'add', '--site', 'Contoso IPv6', '--protocol', 'https', '--address', '::', '--port', '443', '--json']));
    const result = json(remove('Contoso IPv6', 'https', '[::]:443:'));
    // [::]:443 also answers the IPv6 clients of Default Web Site's *:443: (a [::] key applies to
    // all IPv6 addresses), so that is the first reason it stays.
    expect((result.messages ?? []).join('\n')).toMatch(/Mapping ipport \[::\]:443 is kept: it still serves Default Web Site \(\*:443:\)/);
    expect(server.record('[::]:443')?.appid).toBe(SSTP);
  });

  it('an http binding changes only the configuration', () => {
    const result = json(remove('Contoso WWW (staging)', 'http', '*:80:www.contoso.com'));
    expect(result.steps.map((step) => step.kind)).toEqual(['config']);
    expect(server.bytes().equals(withoutLine(server.original, '<binding protocol="http" bindingInformation="*:80:www.contoso.com" />\r\n                </bindings>\r\n            </site>\r\n            <site name="Fabrikam Shop"'))).toBe(true);
  });

  it('whatIf shows the diff and the netsh argv, and changes nothing', () => {
    const plan = json(remove('Contoso API', 'https', '*:443:api.contoso.com', ['--what-if']));
    expect(plan.applied).toBe(false);
    const diff = (plan.steps[0] as { diff: string }).diff;
    expect(diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line))).toEqual(['-                    <binding protocol="https" bindingInformation="*:443:api.contoso.com" sslFlags="1" />']);
    expect(plan.steps[1]).toMatchObject({ argv: ['http', 'delete', 'sslcert', 'hostnameport=api.contoso.com:443'] });
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(keys()).toContain('api.contoso.com:443');
    expect(server.others()).toEqual([]);
  });

  it('finds the binding written another way (host case), and names the site\'s bindings when there is none', () => {
    expect(json(remove('Billing', 'https', '*:443:BILLING.contoso.com')).applied).toBe(true);
    const missing = remove('Partners', 'https', '*:443:nope.contoso.com');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Site 'Partners' has no https binding '\*:443:nope\.contoso\.com' in .*Its bindings: https \*:443:partners\.contoso\.com\./);
  });
});

describe('binding remove against a capture of http.sys', () => {
  it('plans, but refuses to apply before writing the file when the mapping would have to go', () => {
    const run = (extra: string[]) =>
      spawnSync(process.execPath, ['dist/httpapi.js', 'binding', 'remove', '--site', 'Contoso API', '--protocol', 'https', '--binding-information', '*:443:api.contoso.com', '--config', server.config, '--sslcert-file', 'fixtures/demo-server/sslcert.txt', ...extra], { encoding: 'utf8' });
    expect(json(run(['--what-if', '--json'])).steps.map((step) => step.kind)).toEqual(['config', 'netsh']);
    const refused = run([]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/the http\.sys source is a capture, which is read-only; nothing was changed/);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.others()).toEqual([]);
  });
});

describe('binding remove when the netsh step fails', () => {
  it('puts the configuration back byte for byte and answers CHANGE_ROLLED_BACK', () => {
    // netsh refusing the delete, as a mapping locked by another process might (error 32).
    const netsh = server.wrapper(
      'refuse-delete',
      `if (args[1] === 'delete') { process.stdout.write('\\r\\nSSL Certificate deletion failed, Error: 32\\r\\nThe process cannot access the file because it is being used by another process.\\r\\n\\r\\n'); process.exit(1); }`,
    );
    const run = remove('Contoso API', 'https', '*:443:api.contoso.com', [], netsh);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/The configuration was changed, then the mapping step \(delete mapping hostnameport api\.contoso\.com:443 .*\) failed: .*Error: 32.*; .*applicationHost\.config was put back as it was \(a copy is at .*\.bak\)/);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(keys()).toContain('api.contoso.com:443');
  });
});
