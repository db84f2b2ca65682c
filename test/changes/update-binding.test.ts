import { existsSync, readFileSync } from 'node:fs';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { copyServer, demoRecords, IIS, json, MAIL, removeWrappers, WILDCARD, WWW, type DoubleRecord, type Server } from './demo-server.js';

// bindings/update end to end: the real CLI and the JSON-RPC worker, a copy of the demo server's
// applicationHost.config (CRLF, no BOM) and the netsh double. A logging netsh proves which
// refusals happen before any change, and which undo steps ran.
let server: Server;
let worker: WorkerClient | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  server.dispose();
});
afterAll(removeWrappers);

const WWW_LINE = '<binding protocol="https" bindingInformation="*:443:www.contoso.com" sslFlags="1" />';
const OPTIONS = { clientcertnegotiation: 'enable', disablelegacytls: 'enable', sslctlstorename: 'CA', sslctlidentifier: 'ContosoCtl' };
const wwwWithOptions = (): DoubleRecord[] => demoRecords().map((record) => (record.key === 'www.contoso.com:443' ? { ...record, certstorename: 'MY', options: OPTIONS } : record));

/** A netsh that logs each call, and fails (error 5, as when not elevated) every call whose words are all in `failOn`. */
function loggingNetsh(failOn: string[] = []): { netsh: string; changeCalls: () => string[] } {
  return server.loggingNetsh(`const failOn = ${JSON.stringify(failOn)};
if (failOn.length > 0 && failOn.every((word) => args.includes(word))) process.env.HTTPAPI_NETSH_ELEVATED = '0';`);
}

const update = (args: string[], netsh?: string) => server.cli(['binding', 'update', '--site', 'Contoso WWW', '--binding-information', '*:443:www.contoso.com', ...args, '--json'], netsh);

async function call(params: Record<string, unknown>, netsh: string): Promise<{ result?: Record<string, unknown>; error?: ResponseError<Record<string, unknown>> }> {
  worker ??= await startWorker([], { env: { ...process.env, ...server.double.env } });
  const source = { configPath: server.config, netshPath: netsh, certsDir: 'fixtures/demo-server/certs' };
  try {
    return { result: (await worker.connection.sendRequest('bindings/update', { ...params, source })) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof ResponseError) return { error };
    throw error;
  }
}

describe('binding update: a new host', () => {
  it('edits the line where it stands, adds the new mapping with the old one\'s store, app id and options, then deletes the old one', () => {
    server = copyServer(undefined, wwwWithOptions());
    const result = json(update(['--host', 'www2.contoso.com']));
    expect(result.steps.map((step) => step.kind)).toEqual(['netsh', 'config', 'netsh']);
    expect(result.steps[2]).toMatchObject({ argv: ['http', 'delete', 'sslcert', 'hostnameport=www.contoso.com:443'] });
    expect(server.bytes().equals(Buffer.from(server.original.toString('latin1').replace(WWW_LINE, WWW_LINE.replace('www.contoso.com', 'www2.contoso.com')), 'latin1'))).toBe(true);
    expect(server.record('www.contoso.com:443')).toBeUndefined();
    expect(server.record('www2.contoso.com:443')).toMatchObject({ kind: 'hostnameport', certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'MY', options: expect.objectContaining(OPTIONS) });
    expect(result.affected).toEqual([{ site: 'Contoso WWW', bindingInformation: '*:443:www2.contoso.com' }]);
  });

  it('whatIf shows the three steps and the one-line diff, and changes nothing', () => {
    server = copyServer();
    const before = server.records();
    const plan = json(update(['--host', 'www2.contoso.com', '--what-if']));
    expect(plan.applied).toBe(false);
    expect(plan.steps.map((step) => step.kind)).toEqual(['netsh', 'config', 'netsh']);
    const diff = (plan.steps[1] as { diff: string }).diff;
    expect(diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line)).map((line) => `${line[0]}${line.slice(1).trim()}`)).toEqual([`-${WWW_LINE}`, `+${WWW_LINE.replace('www.contoso.com', 'www2.contoso.com')}`]);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.records()).toEqual(before);
  });

  it('a given certificate goes to the moved mapping', () => {
    server = copyServer();
    json(update(['--host', 'www2.contoso.com', '--certificate-hash', WILDCARD, '--certificate-store-name', 'WebHosting']));
    expect(server.record('www2.contoso.com:443')).toMatchObject({ certhash: WILDCARD.toLowerCase(), certstorename: 'WebHosting' });
  });
});

describe('binding update: the mapping stays when its key does', () => {
  it('sslFlags bits beyond SNI and CCS change the line, and the mapping\'s options follow them with everything else kept', () => {
    server = copyServer(undefined, wwwWithOptions());
    const { netsh, changeCalls } = loggingNetsh();
    const plan = json(update(['--ssl-flags', '33', '--what-if'], netsh));
    expect(plan.steps.map((step) => step.kind)).toEqual(['netsh', 'config']);
    expect(changeCalls()).toEqual([]);
    const result = json(update(['--ssl-flags', '33'], netsh));
    expect(result.messages).toContainEqual('Mapping hostnameport www.contoso.com:443 stays; its options follow the binding\'s new sslFlags.');
    // Bit 32 sets disabletls13; bit 64 is no longer asked for, so the disablelegacytls the mapping printed is cleared.
    const [step] = changeCalls();
    expect(step).toMatch(new RegExp(`^http update sslcert hostnameport=www\\.contoso\\.com:443 certhash=${WWW} appid=\\{${IIS.slice(1, -1)}\\} certstorename=MY `));
    expect(step).toContain('disabletls13=enable');
    expect(step).toContain('disablelegacytls=disable');
    expect(step).toContain('clientcertnegotiation=enable');
    expect(step).toContain('sslctlidentifier=ContosoCtl');
    expect(server.bytes().toString('latin1')).toContain('<binding protocol="https" bindingInformation="*:443:www.contoso.com" sslFlags="33" />');
    expect(server.record('www.contoso.com:443')?.certhash).toBe(WWW.toLowerCase());
  });

  it('sslFlags with the certificate the mapping already serves: the options still follow the flags', () => {
    server = copyServer(undefined, wwwWithOptions());
    const { netsh, changeCalls } = loggingNetsh();
    const result = json(update(['--ssl-flags', '33', '--certificate-hash', WWW], netsh));
    expect(result.steps.map((step) => step.kind)).toEqual(['netsh', 'config']);
    const [step] = changeCalls();
    expect(step).toMatch(new RegExp(`^http update sslcert hostnameport=www\\.contoso\\.com:443 certhash=${WWW} `));
    expect(step).toContain('disabletls13=enable');
    expect(step).toContain('disablelegacytls=disable');
    expect(server.record('www.contoso.com:443')?.options).toMatchObject({ disabletls13: 'enable', clientcertnegotiation: 'enable' });
  });

  it('moved onto a mapping that exists, with new sslFlags and no certificate: that mapping keeps its certificate and takes the options', () => {
    server = copyServer();
    const { netsh, changeCalls } = loggingNetsh();
    const result = json(update(['--host', 'old.contoso.com', '--ssl-flags', '5'], netsh));
    expect(result.steps.map((step) => step.kind)).toEqual(['netsh', 'config', 'netsh']);
    const [flags, deletion] = changeCalls();
    expect(flags).toMatch(/^http update sslcert hostnameport=old\.contoso\.com:443 certhash=D54DAFC94E7E55489195BE690C85192991847ED5 .*disablehttp2=enable/);
    expect(deletion).toBe('http delete sslcert hostnameport=www.contoso.com:443');
    expect(server.record('old.contoso.com:443')).toMatchObject({ certhash: 'd54dafc94e7e55489195be690c85192991847ed5', options: expect.objectContaining({ disablehttp2: 'enable' }) });
  });

  it('flags the mapping already carries are nothing to do on the http.sys side', () => {
    server = copyServer(undefined, wwwWithOptions());
    const { netsh, changeCalls } = loggingNetsh();
    const result = json(update(['--ssl-flags', '65'], netsh));
    expect(result.steps.map((step) => step.kind)).toEqual(['config']);
    expect(changeCalls()).toEqual([]);
    expect(result.messages).toContainEqual('Mapping hostnameport www.contoso.com:443 stays: the binding still declares it.');
  });

  it('when the configuration write fails after the options changed, the mapping gets its old options back', () => {
    server = copyServer(undefined, wwwWithOptions());
    const log = `${server.dir}/touching.log`;
    const config = JSON.stringify(server.config);
    // Someone else saves the file while netsh runs: the write is refused and the update undone.
    const netsh = server.wrapper(
      'touch',
      `fs.appendFileSync(${JSON.stringify(log)}, args.join(' ') + '\\n');
if (args[1] === 'update' && !fs.readFileSync(${config}, 'utf8').endsWith('<!-- saved by someone else -->\\r\\n')) fs.appendFileSync(${config}, '<!-- saved by someone else -->\\r\\n');`,
    );
    const run = update(['--ssl-flags', '33'], netsh);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/changed on disk/);
    const calls = readFileSync(log, 'utf8').split('\n').filter((call) => /^http (add|update|delete) /.test(call));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain('disabletls13=enable');
    expect(calls[1]).not.toContain('disabletls13=enable');
    expect(calls[1]).toContain('disablelegacytls=enable');
    // The undo writes every option the mapping printed back explicitly: the given ones as they were, the rest at their defaults.
    const restored = server.record('www.contoso.com:443')?.options;
    expect(restored).toMatchObject(OPTIONS);
    expect(restored?.disabletls13).not.toBe('enable');
  });

  it('sslFlags is added after bindingInformation when the line has none, and the same values are nothing to do', () => {
    server = copyServer('fixtures/corpus/applicationhost/051.config', []);
    const args = ['binding', 'update', '--site', 'WebApplication1', '--binding-information', '*:44384:localhost', '--json'];
    const same = json(server.cli([...args, '--port', '44384']));
    expect(same.steps).toEqual([]);
    expect(server.bytes().equals(server.original)).toBe(true);
    json(server.cli([...args, '--ssl-flags', '64']));
    expect(server.bytes().equals(Buffer.from(server.original.toString('latin1').replace('bindingInformation="*:44384:localhost" />', 'bindingInformation="*:44384:localhost" sslFlags="64" />'), 'latin1'))).toBe(true);
  });
});

describe('binding update: a mapping others use stays', () => {
  it('moving an IP binding off a shared ip:port keeps that mapping for the bindings still on it', () => {
    server = copyServer();
    const { netsh, changeCalls } = loggingNetsh();
    const result = json(server.cli(['binding', 'update', '--site', 'Contoso Portal', '--binding-information', '10.0.0.5:443:portal.contoso.com', '--address', '10.0.0.6', '--json'], netsh));
    expect(changeCalls()).toEqual([expect.stringMatching(new RegExp(`^http add sslcert ipport=10\\.0\\.0\\.6:443 certhash=${WILDCARD} appid=\\{${IIS.slice(1, -1)}\\} certstorename=WebHosting `))]);
    expect(result.messages).toContainEqual(expect.stringContaining('Mapping ipport 10.0.0.5:443 is kept: it still serves Contoso Docs (10.0.0.5:443:docs.contoso.com)'));
    expect(server.record('10.0.0.5:443')).toBeDefined();
  });
});

describe('binding update: refusals before any netsh change', () => {
  const cases: [string, string[], RegExp][] = [
    ['a binding that another site has', ['--host', 'shop.fabrikam.com'], /Site 'Fabrikam Shop' already has the binding https \*:443:shop\.fabrikam\.com/],
    ['SNI without a host', ['--host', ''], /host: an SNI binding \(sslFlags bit 1\) needs a host name/],
    ['nothing to change given', ['--certificate-hash', WWW], /address: give at least one of address, port, host or sslFlags/],
    ['a certificate in no store', ['--host', 'www2.contoso.com', '--certificate-hash', MAIL], /Certificate 719E31BD1F23CD93404A9C7D5E31FEAF7AE4DA12 is not in the LocalMachine store MY/],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: refused, the file and http.sys untouched`, () => {
      server = copyServer();
      const { netsh, changeCalls } = loggingNetsh();
      const before = server.records();
      const run = update(args, netsh);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(changeCalls()).toEqual([]);
      expect(server.bytes().equals(server.original)).toBe(true);
      expect(server.records()).toEqual(before);
    });
  }
});

describe('binding update through JSON-RPC: a failed last step undoes everything', () => {
  it('the old mapping\'s deletion fails: the file is put back and the new mapping deleted, the double\'s log shows the undo', async () => {
    server = copyServer(undefined, wwwWithOptions());
    const before = server.records();
    const { netsh, changeCalls } = loggingNetsh(['delete', 'hostnameport=www.contoso.com:443']);
    const { error } = await call({ site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', host: 'www2.contoso.com' }, netsh);
    expect(error?.data).toMatchObject({ id: 'CHANGE_ROLLED_BACK', rolledBack: true, failedStep: { index: 3 } });
    expect(changeCalls()).toEqual([
      expect.stringMatching(/^http add sslcert hostnameport=www2\.contoso\.com:443 /),
      'http delete sslcert hostnameport=www.contoso.com:443',
      'http delete sslcert hostnameport=www2.contoso.com:443',
    ]);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.records()).toEqual(before);
    expect(existsSync(`${server.config}.httpapi-journal.json`)).toBe(false);
  });

  it('a plan through JSON-RPC names the moved mapping and runs nothing', async () => {
    server = copyServer();
    const { netsh, changeCalls } = loggingNetsh();
    const { result } = await call({ site: 'contoso www', bindingInformation: '*:443:WWW.contoso.com', port: 8443, whatIf: true }, netsh);
    expect(result).toMatchObject({ applied: false, steps: [{ kind: 'netsh', argv: expect.arrayContaining(['hostnameport=www.contoso.com:8443']) }, { kind: 'config' }, { kind: 'netsh', argv: ['http', 'delete', 'sslcert', 'hostnameport=www.contoso.com:443'] }] });
    expect(changeCalls()).toEqual([]);
  });
});

// setSslFlags / clearSslFlags: bits applied to the value read under the change lock, so that a
// client flipping one flag does not write back a value it read before someone else's change.
describe('binding update with bits to set and clear', () => {
  it('sets and clears bits on the value as it is, keeping the others; the mapping\'s options follow', () => {
    server = copyServer();
    const { netsh, changeCalls } = loggingNetsh();
    json(update(['--set-ssl-flags', '64'], netsh));
    // A second client, which never read the 65 the first one wrote, sets bit 4 and clears bit 64.
    const result = json(update(['--set-ssl-flags', '36', '--clear-ssl-flags', '64'], netsh));
    expect(result.steps.find((step) => step.kind === 'config')).toMatchObject({ diff: expect.stringContaining('sslFlags="37"') });
    expect(server.bytes().toString('latin1')).toContain('<binding protocol="https" bindingInformation="*:443:www.contoso.com" sslFlags="37" />');
    const last = changeCalls().at(-1)!;
    expect(last).toContain('disablehttp2=enable');
    expect(last).toContain('disabletls13=enable');
    expect(last).toContain('disablelegacytls=disable');
  });

  it('bits that are already so change nothing: no step, the file untouched', () => {
    server = copyServer();
    const { netsh, changeCalls } = loggingNetsh();
    const result = json(update(['--set-ssl-flags', '1', '--clear-ssl-flags', '2'], netsh));
    expect(result.steps).toEqual([]);
    expect(changeCalls()).toEqual([]);
    expect(server.bytes().equals(server.original)).toBe(true);
  });

  it('refuses sslFlags with either, and a bit both set and cleared, naming the field, before anything changes', async () => {
    server = copyServer();
    const { netsh, changeCalls } = loggingNetsh();
    const withWhole = await call({ site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', sslFlags: 1, setSslFlags: 4 }, netsh);
    expect(withWhole.error?.code).toBe(1014);
    expect(withWhole.error?.data).toMatchObject({ field: 'setSslFlags' });
    expect(withWhole.error?.message).toBe('setSslFlags: give sslFlags (the whole value) or setSslFlags, not both');
    const overlap = await call({ site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', setSslFlags: 5, clearSslFlags: 4 }, netsh);
    expect(overlap.error?.data).toMatchObject({ field: 'clearSslFlags' });
    expect(overlap.error?.message).toMatch(/^clearSslFlags: bits 4 are in setSslFlags too/);
    const zero = await call({ site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', clearSslFlags: 0 }, netsh);
    expect(zero.error?.code).toBe(-32602);
    expect(zero.error?.message).toMatch(/clearSslFlags/);
    expect(changeCalls()).toEqual([]);
    expect(server.bytes().equals(server.original)).toBe(true);
  });
});
