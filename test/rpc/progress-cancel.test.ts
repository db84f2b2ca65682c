import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CancellationTokenSource, ProgressType, ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';

/**
 * $/progress and in-flight cancellation through the real worker and a real client, on
 * sites/list, which reports progress before it reads the configuration.
 */
const config = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <sites>
      <site name="Default Web Site" id="1">
        <bindings>
          <binding protocol="https" bindingInformation="*:443:" sslFlags="0" />
        </bindings>
      </site>
    </sites>
  </system.applicationHost>
</configuration>
`;

let worker: WorkerClient;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'httpapi-rpc-'));
  writeFileSync(path.join(dir, 'applicationHost.config'), config);
  worker = await startWorker();
});
afterAll(async () => {
  await worker.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('$/progress from the real worker', () => {
  it('reports progress for a request with a progressToken, before its result', async () => {
    const events: string[] = [];
    const subscription = worker.connection.onProgress(new ProgressType<{ kind: string; message: string }>(), 'read-1', (value) => {
      events.push(`progress ${value.kind}: ${value.message}`);
    });
    const result = await worker.connection.sendRequest<{ sites: { name: string }[] }>('sites/list', {
      source: { configPath: path.join(dir, 'applicationHost.config') },
      progressToken: 'read-1',
    });
    events.push('result');
    subscription.dispose();
    expect(result.sites.map((site) => site.name)).toEqual(['Default Web Site']);
    expect(events[0]).toBe(`progress report: Reading ${path.join(dir, 'applicationHost.config')}`);
    expect(events.at(-1)).toBe('result');
  });

  it('sends no $/progress without a token', async () => {
    let reports = 0;
    // (onNotification('$/progress') would replace the client's own progress dispatch for good.)
    const subscription = worker.connection.onUnhandledProgress(() => reports++);
    await worker.connection.sendRequest('sites/list', { source: { configPath: path.join(dir, 'applicationHost.config') } });
    subscription.dispose();
    expect(reports).toBe(0);
  });
});

describe('-32800 for a request cancelled while it runs', () => {
  it.skipIf(process.platform === 'win32')('answers -32800 when the client cancels during a read that has not finished', async () => {
    // A netsh that answers only once the test lets it: bindings/https reports progress, then
    // waits for it, so the request is provably in flight when it is cancelled. (A FIFO as the
    // configuration no longer works: the worker refuses special files before opening them.)
    const gate = path.join(dir, 'netsh-may-answer');
    const netsh = path.join(dir, 'slow-netsh.sh');
    writeFileSync(netsh, `#!/bin/sh\nwhile [ ! -e '${gate}' ]; do sleep 0.05; done\nprintf '\\nSSL Certificate bindings:\\n-------------------------\\n\\n'\n`, { mode: 0o755 });
    let reading!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    const subscription = worker.connection.onProgress(new ProgressType<unknown>(), 'slow', () => reading());
    const cancellation = new CancellationTokenSource();
    const answer = worker.connection
      .sendRequest('bindings/https', { source: { configPath: path.join(dir, 'applicationHost.config'), netshPath: netsh }, progressToken: 'slow' }, cancellation.token)
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    // The gate opens whatever happens: a netsh left waiting would outlive the test.
    const wasReading = await Promise.race([started.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    cancellation.cancel();
    // Give the cancel notification time to arrive before the read can finish.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await writeFile(gate, '');
    expect(wasReading, 'the worker reported no progress, so the request was not seen running').toBe(true);

    const error = await answer;
    subscription.dispose();
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ code: -32800, message: 'Request bindings/https was cancelled.' });
    // The worker goes on serving.
    await expect(worker.connection.sendRequest('server/info', {})).resolves.toMatchObject({ name: 'HttpApi' });
  });
});
