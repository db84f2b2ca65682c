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
