import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { netshDouble } from '../httpsys/double.js';
import { bundle, startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { copyServer, removeWrappers, WWW, type Server } from './demo-server.js';

// Lost updates (issue 10): pipelined changes in one worker, and changes from several processes
// at once, against a copy of the demo server and the netsh double. Every change reported applied
// must be in the file; none may be lost. Round counts are kept small enough for two shared cores;
// HTTPAPI_TEST_WORKER_ROUNDS and HTTPAPI_TEST_PROCESS_ROUNDS raise them.
const workerRounds = Number(process.env.HTTPAPI_TEST_WORKER_ROUNDS ?? 100);
const processRounds = Number(process.env.HTTPAPI_TEST_PROCESS_ROUNDS ?? 4);

/** A small deterministic generator, so that a failing round can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

const bindingLine = (info: string, protocol = 'http') => `<binding protocol="${protocol}" bindingInformation="${info}"`;

let server: Server;
beforeEach(() => {
  server = copyServer();
});
afterEach(() => server.dispose());
afterAll(removeWrappers);

describe('changes pipelined into one worker', () => {
  let worker: WorkerClient;
  beforeEach(async () => {
    worker = await startWorker(['--config', server.config, '--netsh', netshDouble, '--certs-dir', 'fixtures/demo-server/certs'], { env: { ...process.env, ...server.double.env } });
  });
  afterEach(async () => {
    await worker.close();
  });

  it(`${workerRounds} rounds of 2-8 bindings/add sent at once: every one applied is in the file, and the read sent after each sees it`, async () => {
    const next = random(10);
    let applied = 0;
    for (let round = 0; round < workerRounds; round++) {
      const count = 2 + next(7);
      // Every tenth round starts with an https binding that gets a mapping: two steps, netsh then the file.
      const https = round % 10 === 0;
      const requests = Array.from({ length: count }, (_, index) => {
        const port = 10_000 + round * 10 + index;
        const info = `*:${port}:r${round}.contoso.com`;
        const params =
          https && index === 0
            ? { site: 'Contoso WWW', protocol: 'https', port, host: `r${round}.contoso.com`, sslFlags: 1, certificateHash: WWW }
            : { site: 'Contoso WWW', protocol: 'http', port, host: `r${round}.contoso.com` };
        const change = worker.connection.sendRequest('bindings/add', params) as Promise<{ applied: boolean }>;
        // Pipelined right behind the change, before its answer: it must see it whole. bindings/https
        // reads the configuration through the worker's file-identity cache, sites/list directly.
        const read =
          https && index === 0
            ? (worker.connection.sendRequest('bindings/https', {}) as Promise<{ bindings: { site: string; bindingInformation: string }[] }>).then((result) => result.bindings)
            : (worker.connection.sendRequest('sites/list', {}) as Promise<{ sites: { name: string; bindings: { bindingInformation: string }[] }[] }>).then((result) =>
                result.sites.filter((site) => site.name === 'Contoso WWW').flatMap((site) => site.bindings.map((binding) => ({ site: site.name, bindingInformation: binding.bindingInformation }))),
              );
        return { info, change, read };
      });
      for (const [index, { info, change, read }] of requests.entries()) {
        expect((await change).applied).toBe(true);
        expect(server.bytes().includes(bindingLine(info, https && index === 0 ? 'https' : 'http'))).toBe(true);
        applied++;
        const seen = (await read).filter((binding) => binding.site === 'Contoso WWW').map((binding) => binding.bindingInformation);
        if (https && index === 0) {
          expect(seen, `round ${round}: bindings/https after the https change`).toContain(info);
        } else {
          for (const earlier of requests.slice(0, index + 1)) expect(seen, `round ${round}: the read after change ${index}`).toContain(earlier.info);
          expect(seen, `round ${round}`).not.toContain(requests[index + 1]?.info);
        }
      }
      if (https) expect(server.record(`r${round}.contoso.com:${10_000 + round * 10}`)?.certhash).toBe(WWW.toLowerCase());
    }
    const text = server.bytes().toString('utf8');
    expect(text.match(/bindingInformation="\*:1\d{4}:r\d+\.contoso\.com"/g)).toHaveLength(applied);
    expect(server.others().filter((name) => !/\.httpapi-\d{8}T\d{9}Z(-\d+)?\.bak$/.test(name))).toEqual([]);
  }, 600_000);
});

describe('changes from several processes at once', () => {
  /** One `httpapi binding add` process; resolves with its exit code and streams. */
  const add = (port: number) =>
    new Promise<{ port: number; status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bundle, 'binding', 'add', '--site', 'Contoso WWW', '--protocol', 'http', '--port', String(port), '--host', `p${port}.contoso.com`, '--json', '--config', server.config, '--netsh', netshDouble, '--certs-dir', 'fixtures/demo-server/certs'], {
        env: { ...process.env, ...server.double.env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (status) => resolve({ port, status, stdout, stderr }));
    });

  it(`${processRounds} rounds of 4-8 writer processes: each waits for the lock, and every change is in the file`, async () => {
    const next = random(20);
    for (let round = 0; round < processRounds; round++) {
      const runs = await Promise.all(Array.from({ length: 4 + next(5) }, (_, index) => add(20_000 + round * 10 + index)));
      for (const run of runs) {
        // Writers that take the lock read only once the one before them has written, so none is
        // refused (without the lock, some would fail with CONFIG_CHANGED_ON_DISK or be lost).
        expect(run.stderr, `round ${round}: port ${run.port}`).toBe('');
        expect(JSON.parse(run.stdout).applied).toBe(true);
        expect(server.bytes().includes(bindingLine(`*:${run.port}:p${run.port}.contoso.com`)), `round ${round}: port ${run.port} reported applied`).toBe(true);
      }
      // Nobody left a lock, a journal or a temporary file behind.
      expect(readdirSync(server.dir).filter((name) => name !== 'applicationHost.config' && !name.endsWith('.bak'))).toEqual([]);
    }
  }, 600_000);
});
