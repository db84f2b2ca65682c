import { existsSync, rmSync } from 'node:fs';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { copyServer, removeWrappers, WWW, type Server } from './demo-server.js';

// Honest cancellation (issue 10): a cancel that arrives before the first step ends the request
// with -32800 and nothing changed; one that arrives later waits for the change to finish, and
// the answer says what was done, never a bare -32800 hiding a half-done change.
let server: Server;
let worker: WorkerClient;
let slowNetsh: string;
beforeEach(async () => {
  server = copyServer();
  // netsh that takes a second and a half over every change, as one stuck on a busy machine.
  // It leaves a mark when it starts, so the test cancels exactly while it runs.
  slowNetsh = server.wrapper('slow', `if (args[1] !== 'show') { fs.writeFileSync(${JSON.stringify(`${server.dir}.netsh-started`)}, ''); await new Promise((resolve) => setTimeout(resolve, 1500)); }`);
  worker = await startWorker(['--config', server.config, '--netsh', slowNetsh, '--certs-dir', 'fixtures/demo-server/certs'], { env: { ...process.env, ...server.double.env } });
});
afterEach(async () => {
  await worker.close();
  server.dispose();
});
afterAll(removeWrappers);

const settle = (promise: Promise<unknown>): Promise<{ result?: Record<string, unknown>; error?: ResponseError<unknown> }> =>
  promise.then((result) => ({ result: result as Record<string, unknown> }), (error: ResponseError<unknown>) => ({ error }));
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function netshStarted(): Promise<void> {
  while (!existsSync(`${server.dir}.netsh-started`)) await later(20);
  rmSync(`${server.dir}.netsh-started`);
}

describe('cancelling a change', () => {
  it('while its netsh step runs: the change goes to its end, and the answer says so', async () => {
    const cancel = new CancellationTokenSource();
    const answer = settle(worker.connection.sendRequest('bindings/add', { site: 'Contoso WWW', protocol: 'https', port: 443, host: 'shop.contoso.com', sslFlags: 1, certificateHash: WWW }, cancel.token));
    await netshStarted();
    cancel.cancel();
    const { result, error } = await answer;
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ applied: true });
    expect(result!.messages).toContain('Cancellation arrived after the first step had run: the change was carried to its end, so both halves agree.');
    expect(server.record('shop.contoso.com:443')?.certhash).toBe(WWW.toLowerCase());
    expect(server.bytes().includes('bindingInformation="*:443:shop.contoso.com"')).toBe(true);
  });

  it('a remove cancelled while netsh hangs: the mapping goes too, and the answer is applied, not -32800', async () => {
    const cancel = new CancellationTokenSource();
    const answer = settle(worker.connection.sendRequest('bindings/remove', { site: 'Contoso API', protocol: 'https', bindingInformation: '*:443:api.contoso.com' }, cancel.token));
    await netshStarted();
    cancel.cancel();
    const { result } = await answer;
    expect(result).toMatchObject({ applied: true });
    expect(server.record('api.contoso.com:443')).toBeUndefined();
    expect(server.bytes().includes('bindingInformation="*:443:api.contoso.com"')).toBe(false);
  });

  it('before its first step (queued behind another change): -32800, and nothing of it was done', async () => {
    const first = settle(worker.connection.sendRequest('bindings/add', { site: 'Contoso WWW', protocol: 'https', port: 443, host: 'shop.contoso.com', sslFlags: 1, certificateHash: WWW }));
    const cancel = new CancellationTokenSource();
    const second = settle(worker.connection.sendRequest('bindings/add', { site: 'Contoso WWW', protocol: 'http', port: 8123, host: 'queued.contoso.com' }, cancel.token));
    await netshStarted();
    cancel.cancel();
    expect((await first).result).toMatchObject({ applied: true });
    const { error } = await second;
    expect(error).toMatchObject({ code: -32800 });
    expect(server.bytes().includes('queued.contoso.com')).toBe(false);
  });
});
