import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { copyServer, IIS, json, removeWrappers, WWW, type DoubleRecord, type Server } from './demo-server.js';

// An option the target Windows' netsh does not know: the double prints and accepts the options of
// one era (HTTPAPI_NETSH_LAYOUT) and answers any other with error 87, as an older netsh does. The
// era its `show sslcert` prints decides before anything runs; without a mapping to show it, the
// run's 87 names the option. A logging netsh proves no change call ran.
let server: Server;
let worker: WorkerClient | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  server.dispose();
});
afterAll(removeWrappers);

const mapping: DoubleRecord = { kind: 'ipport', key: '0.0.0.0:443', certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'MY', options: {} };

const addWith = (options: string, extra: string[] = []) => ['sslcert', 'add', '--kind', 'ipport', '--key', '0.0.0.0:8443', '--certificate-hash', WWW, '--app-id', IIS, '--options', options, ...extra, '--json'];

describe('an option this Windows\' netsh does not know', () => {
  it('Server 2012 layout: disablelegacytls is refused before any change, in a plan too, naming the era', () => {
    server = copyServer(undefined, [mapping], { HTTPAPI_NETSH_LAYOUT: '2012' });
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const whatIf of [[], ['--what-if']]) {
      const run = server.cli(addWith('{"disablelegacytls":true,"clientcertnegotiation":true}', whatIf), netsh);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/options\.disablelegacytls: this Windows' netsh does not know disablelegacytls \(since Windows 10\/11 and Server 2016-2022\): its show sslcert prints the option lines of Windows 8 \/ Server 2012 R2 and older, and netsh would fail with error 87/);
    }
    expect(changeCalls()).toEqual([]);
    expect(server.records()).toEqual([mapping]);
  });

  it('an option it knows goes through on the same server', () => {
    server = copyServer(undefined, [mapping], { HTTPAPI_NETSH_LAYOUT: '2012' });
    json(server.cli(addWith('{"clientcertnegotiation":true}')));
    expect(server.record('0.0.0.0:8443')).toMatchObject({ options: expect.objectContaining({ clientcertnegotiation: 'enable' }) });
  });

  it('through JSON-RPC, Windows 10 layout: sslcert/update with disablesessionid (Server 2025) is refused before any change', async () => {
    server = copyServer(undefined, [mapping], { HTTPAPI_NETSH_LAYOUT: 'win10' });
    const { netsh, changeCalls } = server.loggingNetsh();
    worker = await startWorker([], { env: { ...process.env, ...server.double.env } });
    const error = await worker.connection
      .sendRequest('sslcert/update', { kind: 'ipport', key: '0.0.0.0:443', options: { disablesessionid: true }, source: { configPath: server.config, netshPath: netsh, certsDir: 'fixtures/demo-server/certs' } })
      .then(() => undefined, (failure: unknown) => failure as ResponseError<Record<string, unknown>>);
    expect(error?.data).toMatchObject({ id: 'INVALID_ARGUMENT', field: 'options.disablesessionid', era: 'Windows 10/11 and Server 2016-2022' });
    expect(changeCalls()).toEqual([]);
  });

  it('no mapping shows the era: the plan says the options were not checked, and the run\'s error 87 names the option and why', () => {
    server = copyServer(undefined, [], { HTTPAPI_NETSH_LAYOUT: '2012' });
    const plan = json(server.cli(addWith('{"disablelegacytls":true}', ['--what-if'])));
    expect(plan.messages).toContainEqual('The options given were not checked against this Windows\' netsh: no mapping shows which options it knows.');
    const run = server.cli(addWith('{"disablelegacytls":true}'));
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Win32 error 87.*The parameter is incorrect\..*Of the options given, disablelegacytls \(since Windows 10\/11 and Server 2016-2022\) is not known to the netsh of an older Windows, which answers with this error: leave it out on this server\./);
    expect(server.records()).toEqual([]);
  });
});

// A binding's sslFlags 4-64 reach http.sys as its mapping's disable* options, so a binding change
// meets the same era: the refusal names the sslFlags bit, before the configuration or netsh changes.
describe('a binding change whose sslFlags need an option this Windows\' netsh does not know', () => {
  const sni = ['--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'shop.contoso.com'];
  const refusal = /sslFlags: this Windows' netsh does not know disablehttp2 \(since an early Windows 10 \/ Server 2016 build\), which carries sslFlags bit 4 \(DisableHTTP2\): its show sslcert prints the option lines of Windows 8 \/ Server 2012 R2 and older.*nothing was changed\. Leave that bit out on this server\./;

  it('binding add with DisableHTTP2 on a Server 2012 layout: refused, in a plan too; nothing written, no change call', () => {
    server = copyServer(undefined, [mapping], { HTTPAPI_NETSH_LAYOUT: '2012' });
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const whatIf of [[], ['--what-if']]) {
      const run = server.cli(['binding', 'add', ...sni, '--ssl-flags', '5', '--certificate-hash', WWW, ...whatIf, '--json'], netsh);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(refusal);
    }
    expect(changeCalls()).toEqual([]);
    expect(server.bytes().equals(server.original)).toBe(true);
    // Without the bit, the same binding goes through on that server.
    expect(json(server.cli(['binding', 'add', ...sni, '--ssl-flags', '1', '--certificate-hash', WWW, '--json'], netsh)).applied).toBe(true);
  });

  it('binding update meets it too: on the mapping the binding keeps, and on the one it moves to', () => {
    server = copyServer(undefined, [mapping, { kind: 'hostnameport', key: 'www.contoso.com:443', certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'MY', options: {} }], { HTTPAPI_NETSH_LAYOUT: '2012' });
    const { netsh, changeCalls } = server.loggingNetsh();
    const update = server.cli(['binding', 'update', '--site', 'Contoso WWW', '--binding-information', '*:443:www.contoso.com', '--ssl-flags', '5', '--json'], netsh);
    expect(update.stderr).toMatch(refusal);
    const onNewKey = server.cli(['binding', 'update', '--site', 'Contoso WWW', '--binding-information', '*:443:www.contoso.com', '--port', '8443', '--ssl-flags', '5', '--json'], netsh);
    expect(onNewKey.stderr).toMatch(refusal);
    expect(changeCalls()).toEqual([]);
    expect(server.bytes().equals(server.original)).toBe(true);
  });

  it('a Windows 10 layout knows the option: the binding and its mapping carry it', () => {
    server = copyServer(undefined, [mapping], { HTTPAPI_NETSH_LAYOUT: 'win10' });
    expect(json(server.cli(['binding', 'add', ...sni, '--ssl-flags', '5', '--certificate-hash', WWW, '--json'])).applied).toBe(true);
    expect(server.record('shop.contoso.com:443')).toMatchObject({ options: expect.objectContaining({ disablehttp2: 'enable' }) });
  });

  it('no mapping shows the era: the plan says the binding\'s options were not checked', () => {
    server = copyServer(undefined, [], { HTTPAPI_NETSH_LAYOUT: '2012' });
    const plan = json(server.cli(['binding', 'add', ...sni, '--ssl-flags', '5', '--certificate-hash', WWW, '--what-if', '--json']));
    expect(plan.messages).toContainEqual("The binding's sslFlags options were not checked against this Windows' netsh: no mapping shows which options it knows.");
  });
});
