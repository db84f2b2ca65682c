import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServer, IIS, json, removeWrappers, WILDCARD, withLineAfter, WWW, type Server } from './demo-server.js';

// bindings/add end to end: the real CLI, a copy of the demo server's applicationHost.config
// (CRLF, no BOM) and the netsh double holding the demo server's mappings.
let server: Server;
beforeEach(() => {
  server = copyServer();
});
afterEach(() => server.dispose());
afterAll(removeWrappers);

const add = (args: string[], netsh?: string) => server.cli(['binding', 'add', ...args, '--json'], netsh);
const sni = ['--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'shop.contoso.com', '--ssl-flags', '1', '--certificate-hash', WWW.toLowerCase()];
const SNI_LINE = '                    <binding protocol="https" bindingInformation="*:443:shop.contoso.com" sslFlags="1" />\r\n';
const WWW_HTTPS = 'bindingInformation="*:443:www.contoso.com" sslFlags="1" />';

describe('binding add', () => {
  it('an SNI binding gets its hostnameport mapping, and the file changes by exactly one line in its own style', () => {
    const result = json(add(sni));
    expect(result.applied).toBe(true);
    expect(result.steps.map((step) => step.kind)).toEqual(['netsh', 'config']);
    expect(result.steps[0]).toMatchObject({ argv: ['http', 'add', 'sslcert', 'hostnameport=shop.contoso.com:443', `certhash=${WWW}`, `appid=${IIS}`, 'certstorename=MY'] });
    expect(server.record('shop.contoso.com:443')).toMatchObject({ kind: 'hostnameport', certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'MY' });
    // Everything but the new line is the original byte for byte: indentation of its siblings, CRLF.
    expect(server.bytes().equals(withLineAfter(server.original, WWW_HTTPS, SNI_LINE))).toBe(true);
    expect(result.affected).toEqual([{ site: 'Contoso WWW', bindingInformation: '*:443:shop.contoso.com' }]);
  });

  it('a binding asking for sslFlags 4-64 gets a mapping that carries them (http.sys enforces the mapping), and the join then finds no mismatch', () => {
    const flags = 1 | 4 | 64;
    const result = json(add([...sni.slice(0, -4), '--ssl-flags', String(flags), '--certificate-hash', WWW.toLowerCase()]));
    expect(result.applied).toBe(true);
    expect(result.steps[0]).toMatchObject({ argv: ['http', 'add', 'sslcert', 'hostnameport=shop.contoso.com:443', `certhash=${WWW}`, `appid=${IIS}`, 'certstorename=MY', 'disablehttp2=enable', 'disablelegacytls=enable'] });
    expect(server.record('shop.contoso.com:443')).toMatchObject({ options: expect.objectContaining({ disablehttp2: 'enable', disablelegacytls: 'enable' }) });
    const bindings = json(server.cli(['bindings', '--site', 'Contoso WWW', '--json'])) as unknown as { bindings: { bindingInformation: string; findings: { code: string }[] }[] };
    const added = bindings.bindings.find((binding) => binding.bindingInformation === '*:443:shop.contoso.com')!;
    expect(added.findings.map((finding) => finding.code)).not.toContain('SSLFLAGS_MAPPING_MISMATCH');
  });

  it('keeps a backup equal to the original next to the file, says where, and leaves no temp file', () => {
    const result = json(add(sni));
    expect(result.backup).toMatch(/applicationHost\.config\.httpapi-\d{8}T\d{9}Z\.bak$/);
    expect(server.others()).toEqual([result.backup!.split(/[\\/]/).pop()]);
    expect(server.bytes().equals(server.original)).toBe(false);
    expect(readFileSync(result.backup!).equals(server.original)).toBe(true);
  });

  it('whatIf shows the netsh argv and a unified diff, and changes nothing', () => {
    const before = server.records();
    const plan = json(add([...sni, '--what-if']));
    expect(plan.applied).toBe(false);
    expect(plan.steps[0]).toMatchObject({ kind: 'netsh', argv: expect.arrayContaining(['hostnameport=shop.contoso.com:443']) });
    const diff = (plan.steps[1] as { diff: string }).diff;
    expect(diff).toContain(`--- ${server.config}\n+++ ${server.config}\n@@ -190,6 +190,7 @@\n`);
    expect(diff).toContain(`\n+${SNI_LINE.trimEnd()}\n`);
    expect(diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line))).toEqual([`+${SNI_LINE.trimEnd()}`]);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.records()).toEqual(before);
    expect(server.others()).toEqual([]);
  });

  it('an IP binding on a mapping that already serves the certificate adds no netsh step', () => {
    const result = json(add(['--site', 'Contoso WWW', '--protocol', 'https', '--address', '10.0.0.5', '--port', '443', '--host', 'wiki.contoso.com', '--certificate-hash', WILDCARD, '--certificate-store-name', 'WebHosting']));
    expect(result.steps.map((step) => step.kind)).toEqual(['config']);
    expect(result.messages).toContainEqual(expect.stringContaining('Mapping ipport 10.0.0.5:443 already serves certificate'));
  });

  it('a binding asking for sslFlags 4-64 onto a mapping that already serves the certificate: the mapping takes the flags', () => {
    // old.contoso.com:443 serves the wildcard certificate and no binding declares it.
    const result = json(add(['--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'old.contoso.com', '--ssl-flags', String(1 | 4), '--certificate-hash', WILDCARD, '--certificate-store-name', 'WebHosting']));
    expect(result.steps.map((step) => step.kind)).toEqual(['netsh', 'config']);
    expect(result.steps[0]).toMatchObject({ argv: expect.arrayContaining(['http', 'update', 'sslcert', 'hostnameport=old.contoso.com:443', `certhash=${WILDCARD}`, 'disablehttp2=enable']) });
    expect(server.record('old.contoso.com:443')).toMatchObject({ certhash: WILDCARD.toLowerCase(), options: expect.objectContaining({ disablehttp2: 'enable' }) });
  });

  it('a shared IP mapping with another certificate needs allowSharedMapping, and then lists every binding it serves', () => {
    const args = ['--site', 'Contoso WWW', '--protocol', 'https', '--address', '10.0.0.5', '--port', '443', '--host', 'wiki.contoso.com', '--certificate-hash', WWW, '--certificate-store-name', 'MY'];
    const refused = add(args);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Mapping ipport 10\.0\.0\.5:443 serves certificate D54DAFC9.* to 2 other binding\(s\): Contoso Portal \(10\.0\.0\.5:443:portal\.contoso\.com\), Contoso Docs \(10\.0\.0\.5:443:docs\.contoso\.com\).*Pass --allow-shared-mapping to do it anyway/);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.record('10.0.0.5:443')?.certhash).toBe(WILDCARD.toLowerCase());

    const result = json(add([...args, '--allow-shared-mapping']));
    expect(result.steps[0]).toMatchObject({ argv: ['http', 'update', 'sslcert', 'ipport=10.0.0.5:443', `certhash=${WWW}`, `appid=${IIS}`, 'certstorename=MY', ...(result.steps[0] as { argv: string[] }).argv.slice(7)] });
    expect(result.affected).toEqual([
      { site: 'Contoso WWW', bindingInformation: '10.0.0.5:443:wiki.contoso.com' },
      { site: 'Contoso Portal', bindingInformation: '10.0.0.5:443:portal.contoso.com' },
      { site: 'Contoso Docs', bindingInformation: '10.0.0.5:443:docs.contoso.com' },
    ]);
    expect(server.record('10.0.0.5:443')).toMatchObject({ certhash: WWW.toLowerCase(), appid: IIS });
  });

  it('a mapping another program made (SSTP on [::]:443) changes only with the acknowledgement, which names that program', () => {
    const run = add(['--site', 'Contoso IPv6', '--protocol', 'https', '--address', '::', '--port', '443', '--certificate-hash', WILDCARD, '--certificate-store-name', 'WebHosting']);
    expect(run.status).toBe(1);
    // [::]:443 also answers the IPv6 clients of the bindings on *:443, so they are named too.
    expect(run.stderr).toMatch(/Mapping ipport \[::\]:443 serves certificate 8A797AEF\S+ to 10 other binding\(s\): Default Web Site \(\*:443:\), .* and to RRAS SSTP VPN \(application id \{ba195980-cd49-458b-9e23-c84ee0adcd75\}\)\. .*nothing was changed/);
    expect(server.record('[::]:443')?.certhash).toBe(WWW.toLowerCase());
  });

  it('brackets an IPv6 address and maps exactly [address]:port', () => {
    const result = json(add(['--site', 'Contoso IPv6', '--protocol', 'https', '--address', '2001:db8::7', '--port', '443', '--certificate-hash', WWW]));
    expect((result.steps[1] as { diff: string }).diff).toContain('+                    <binding protocol="https" bindingInformation="[2001:db8::7]:443:" />');
    expect(server.record('[2001:db8::7]:443')).toMatchObject({ kind: 'ipport', certhash: WWW.toLowerCase() });
  });

  it('writes sslFlags bits it does not know as given', () => {
    const result = json(add(['--site', 'CDN', '--protocol', 'https', '--port', '443', '--host', 'static.contoso.com', '--ssl-flags', '161', '--certificate-hash', WWW]));
    expect((result.steps[1] as { diff: string }).diff).toContain('bindingInformation="*:443:static.contoso.com" sslFlags="161" />');
    expect(server.record('static.contoso.com:443')?.kind).toBe('hostnameport');
  });

  it('an http binding touches only the configuration', () => {
    const result = json(add(['--site', 'Reports', '--protocol', 'http', '--port', '8082', '--host', 'reports.contoso.com']));
    expect(result.steps.map((step) => step.kind)).toEqual(['config']);
    expect(server.bytes().equals(withLineAfter(server.original, 'bindingInformation="*:8081:reports.contoso.com"', '                    <binding protocol="http" bindingInformation="*:8082:reports.contoso.com" />\r\n'))).toBe(true);
  });

  it.each([
    [['--site', 'Nowhere', '--protocol', 'http', '--port', '80'], /No site named 'Nowhere' in .*; none is close; there are \d+: 'Default Web Site', 'Contoso WWW'/],
    [['--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--ssl-flags', '1'], /host: an SNI binding \(sslFlags bit 1\) needs a host name/],
    [['--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'www.contoso.com', '--ssl-flags', '1'], /Site 'Contoso WWW' already has the binding https \*:443:www\.contoso\.com \(.* line 192\)/],
    [['--site', 'Contoso WWW', '--protocol', 'http', '--port', '80', '--host', 'WWW.Contoso.com'], /Site 'Contoso WWW' already has the binding http \*:80:www\.contoso\.com/],
    [['--site', 'Contoso WWW', '--protocol', 'https', '--address', '10.0.0.300', '--port', '443'], /address: '10\.0\.0\.300' is not '\*', empty, an IPv4 address or an IPv6 address/],
    [['--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'a b'], /host: 'a b' is not a host name/],
    [['--site', 'Media', '--protocol', 'https', '--port', '443', '--host', 'img.contoso.com', '--ssl-flags', '3', '--certificate-hash', WWW], /Central Certificate Store binding .* give no certificateHash/],
  ])('refuses %j before changing anything', (args, message) => {
    const before = server.records();
    const run = add(args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.records()).toEqual(before);
  });

  it('a certificate missing from the store is refused before netsh runs', () => {
    const run = add([...sni.slice(0, -1), 'D448C934BE5A5E720BB27C199EA38DC5A6F92C66', '--certificate-store-name', 'WebHosting']);
    expect(run.stderr).toMatch(/is not in the LocalMachine store WebHosting.*nothing was changed/);
    expect(server.record('shop.contoso.com:443')).toBeUndefined();
  });
});

describe('binding add when a step fails', () => {
  it('not elevated: netsh refuses (error 5) and the configuration is never touched', () => {
    server.double.set('HTTPAPI_NETSH_ELEVATED', '0');
    const run = add(sni);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Win32 error 5.*elevated/);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.others()).toEqual([]);
    expect(server.record('shop.contoso.com:443')).toBeUndefined();
  });

  it('the file changed on disk between the read and the write: CONFIG_CHANGED_ON_DISK, the mapping step undone', () => {
    // Another writer (IIS Manager, say) saves the file while our netsh step runs.
    const netsh = server.wrapper('touch-config', `if (args[1] === 'add') fs.appendFileSync(${JSON.stringify(server.config)}, '<!-- saved by someone else -->\\r\\n');`);
    const run = add(sni, netsh);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/changed on disk since it was read \(its size went from \d+ to \d+ bytes\); nothing was written.*the mapping step \(add mapping hostnameport shop\.contoso\.com:443.*\) was undone/);
    expect(server.bytes().equals(Buffer.concat([server.original, Buffer.from('<!-- saved by someone else -->\r\n')]))).toBe(true);
    expect(server.record('shop.contoso.com:443')).toBeUndefined();
    expect(server.others()).toEqual([]);
  });

  it('an update undone puts the previous certificate, store and options back', () => {
    const portal = server.records().find((record) => record.key === '10.0.0.5:443')!;
    portal.options = { clientcertnegotiation: 'enable', revocationfreshnesstime: 60 };
    const records = server.records().map((record) => (record.key === portal.key ? portal : record));
    server.dispose();
    server = copyServer(undefined, records);
    const netsh = server.wrapper('touch-config', `if (args[1] === 'update') fs.appendFileSync(${JSON.stringify(server.config)}, ' ');`);
    const run = add(['--site', 'Contoso WWW', '--protocol', 'https', '--address', '10.0.0.5', '--port', '443', '--host', 'wiki.contoso.com', '--certificate-hash', WWW, '--certificate-store-name', 'MY', '--allow-shared-mapping'], netsh);
    expect(run.stderr).toMatch(/changed on disk.*was undone/);
    expect(server.record('10.0.0.5:443')).toMatchObject({ certhash: WILDCARD.toLowerCase(), certstorename: 'WebHosting', appid: IIS, options: { clientcertnegotiation: 'enable', revocationfreshnesstime: 60 } });
  });
});
