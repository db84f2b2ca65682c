import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../src/process/run-process.js';
import { bundle } from '../helpers/worker-client.js';

const folder = mkdtempSync(path.join(tmpdir(), 'httpapi-process-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (check: () => boolean, ms = 10_000) => {
  for (const start = Date.now(); Date.now() - start < ms; ) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
};

/** A program that starts a grandchild, prints both pids and waits: a stand-in for a hung netsh. */
function hangingProgram(name: string): { file: string; pids: string } {
  const pids = path.join(folder, `${name}.pids`);
  const file = path.join(folder, `${name}.mjs`);
  writeFileSync(
    file,
    `#!${process.execPath}\nimport { spawn } from 'node:child_process';\nimport { writeFileSync } from 'node:fs';\nconst grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });\nwriteFileSync(${JSON.stringify(pids)}, process.pid + ' ' + grandchild.pid);\nsetInterval(() => {}, 1000);\n`,
  );
  chmodSync(file, 0o755);
  return { file, pids };
}

describe('runProcess', () => {
  it('returns the exit code and output of a program that fails: a non-zero exit is a result', async () => {
    const run = await runProcess(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(7)'], { timeoutMs: 10_000 });
    expect(run).toMatchObject({ exitCode: 7 });
    expect(run.stdout.toString()).toBe('out');
    expect(run.stderr.toString()).toBe('err');
  });

  it('passes an argument with spaces and quotes as one argument, through no shell', async () => {
    const run = await runProcess(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', 'user=NT AUTHORITY\\NETWORK SERVICE', '$(echo x) "q"'], { timeoutMs: 10_000 });
    expect(JSON.parse(run.stdout.toString())).toEqual(['user=NT AUTHORITY\\NETWORK SERVICE', '$(echo x) "q"']);
  });

  it('says what could not be started', async () => {
    await expect(runProcess('/nonexistent/netsh.exe', ['http', 'show', 'sslcert'], { timeoutMs: 1000 })).rejects.toMatchObject({
      reason: 'not-started',
      code: 'ENOENT',
      message: 'Could not start /nonexistent/netsh.exe http show sslcert: there is no such program',
    });
  });

  it('ends a program that overruns its time, with everything it started', async () => {
    const { file, pids } = hangingProgram('timeout');
    const failure = await runProcess(file, ['http', 'show', 'sslcert'], { timeoutMs: 1500 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ reason: 'timed-out', message: `${file} http show sslcert did not finish within 1500 ms and was ended` });
    const [child, grandchild] = readFileSync(pids, 'utf8').split(' ').map(Number);
    expect(await until(() => !alive(child!) && !alive(grandchild!))).toBe(true);
  });

  it('ends it when the request is cancelled', async () => {
    const { file, pids } = hangingProgram('cancel');
    const controller = new AbortController();
    const running = runProcess(file, [], { timeoutMs: 60_000, signal: controller.signal });
    await until(() => existsSync(pids));
    controller.abort();
    await expect(running).rejects.toMatchObject({ reason: 'cancelled' });
    const [child, grandchild] = readFileSync(pids, 'utf8').split(' ').map(Number);
    expect(await until(() => !alive(child!) && !alive(grandchild!))).toBe(true);
  });
});

describe('children never outlive the worker', () => {
  /** A worker whose netsh hangs; the test waits until netsh runs, then ends the worker as named. */
  async function workerWithHungNetsh(name: string, end: (worker: ReturnType<typeof spawn>) => void): Promise<number[]> {
    const { file, pids } = hangingProgram(name);
    const worker = spawn(process.execPath, [bundle, 'serve', '--netsh', file], { stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'sslcert/list', params: {} });
    worker.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    expect(await until(() => existsSync(pids), 20_000)).toBe(true);
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    end(worker);
    await exited;
    return readFileSync(pids, 'utf8').split(' ').map(Number);
  }

  it('when the worker is stopped with SIGTERM (POSIX: the worker kills the process group)', async () => {
    const [child, grandchild] = await workerWithHungNetsh('sigterm', (worker) => worker.kill('SIGTERM'));
    expect(await until(() => !alive(child!) && !alive(grandchild!))).toBe(true);
  }, 40_000);

  it('when the worker is interrupted with SIGINT', async () => {
    const [child, grandchild] = await workerWithHungNetsh('sigint', (worker) => worker.kill('SIGINT'));
    expect(await until(() => !alive(child!) && !alive(grandchild!))).toBe(true);
  }, 40_000);
});
