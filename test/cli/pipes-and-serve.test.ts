import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, repoRoot } from '../helpers/worker-client.js';
import { demo } from './run-cli.js';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function collect(child: ReturnType<typeof spawn>, timeoutMs = 20_000): Promise<Exit> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('a closed pipe (httpapi sslcert --json | head -1)', () => {
  it('ends the command quietly with exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, [bundle, 'sslcert', ...demo, '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before the CLI has read the snapshot, so its first write meets a closed pipe.
    child.stdout!.destroy();
    const exit = await collect(child);
    expect(exit.stderr).toBe('');
    expect(exit.code).toBe(0);
  });

  it('the same through a shell pipe into head -1: one line out, exit 0', async () => {
    const child = spawn('bash', ['-c', `set -o pipefail; '${process.execPath}' '${bundle}' sslcert --snapshot fixtures/demo-server --json | head -c 1`], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = await collect(child);
    expect(exit).toMatchObject({ code: 0, stdout: '{', stderr: '' });
  });
});

describe('serve', () => {
  it('--help prints help and exits, without starting a worker (stdin left open)', async () => {
    const child = spawn(process.execPath, [bundle, 'serve', '--help'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const exit = await collect(child, 10_000);
    child.stdin!.destroy();
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/^httpapi serve: JSON-RPC 2\.0 over stdin\/stdout/);
    expect(exit.stdout).toContain('exits 0 when stdin closes');
    expect(exit.stdout).toContain('--snapshot STRING');
    expect(exit.stdout).not.toContain('Content-Length:');
  });

  it('-h is --help', async () => {
    const child = spawn(process.execPath, [bundle, 'serve', '-h'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const exit = await collect(child, 10_000);
    child.stdin!.destroy();
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/^httpapi serve: /);
  });

  it('exits 0 when stdin is a file that ends (serve < /dev/null), as the README says', async () => {
    const devNull = openSync('/dev/null', 'r');
    try {
      const child = spawn(process.execPath, [bundle, 'serve', ...demo], { cwd: repoRoot, stdio: [devNull, 'pipe', 'pipe'] });
      const exit = await collect(child, 10_000);
      expect(exit).toMatchObject({ code: 0, stdout: '' });
    } finally {
      closeSync(devNull);
    }
  });

  it('answers every request of a file given as stdin before it exits 0', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'sites/list', params: {} });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'httpapi-serve-')), 'requests.bin');
    writeFileSync(file, `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const input = openSync(file, 'r');
    const child = spawn(process.execPath, [bundle, 'serve', ...demo], { cwd: repoRoot, stdio: [input, 'pipe', 'pipe'] });
    const exit = await collect(child).finally(() => closeSync(input));
    expect(exit.code).toBe(0);
    const answer = JSON.parse(exit.stdout.slice(exit.stdout.indexOf('\r\n\r\n') + 4)) as { id: number; result: { sites: unknown[] } };
    expect(answer.id).toBe(1);
    expect(answer.result.sites.length).toBeGreaterThan(10);
  });
});
