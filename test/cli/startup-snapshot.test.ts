import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyServer, json, removeWrappers, WWW } from '../changes/demo-server.js';
import { netshDouble } from '../httpsys/double.js';
import { bundle, repoRoot, startWorker } from '../helpers/worker-client.js';
import { httpapi } from './run-cli.js';

// `httpapi startup-snapshot` end to end: the blob is built by the real command with this node,
// and a worker started from it must be the bundle's worker, reads and changes alike.
const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-startup-'));
const blob = path.join(dir, 'cache', 'worker.blob');
const fromBlob = (args: string[]) => spawnSync(process.execPath, ['--snapshot-blob', blob, ...args], { cwd: repoRoot, encoding: 'utf8' });
const fromBundle = (args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: repoRoot, encoding: 'utf8' });

let built: { path: string; bytes: number; node: string; milliseconds: number };
beforeAll(async () => {
  const run = await httpapi(['startup-snapshot', '--out', blob, '--json']);
  expect(run.stderr).toBe('');
  built = JSON.parse(run.stdout);
}, 120_000);
afterAll(() => {
  removeWrappers();
  rmSync(dir, { recursive: true, force: true });
});

describe('httpapi startup-snapshot', () => {
  it('writes the blob where --out says, creating its folder, and leaves no partial file beside it', () => {
    expect(built).toMatchObject({ path: blob, node: process.version });
    expect(built.bytes).toBe(statSync(blob).size);
    expect(readdirSync(path.dirname(blob))).toEqual(['worker.blob']);
  });

  it('a worker from the blob answers server/info and bindings/https as the bundle does, over JSON-RPC', async () => {
    const answers = [];
    for (const nodeArgs of [[bundle], ['--snapshot-blob', blob]]) {
      const worker = await startWorker(['--snapshot', 'fixtures/demo-server'], { nodeArgs });
      answers.push([await worker.connection.sendRequest('server/info', {}), await worker.connection.sendRequest('bindings/https', { asOf: '2027-01-01T00:00:00.000Z' })]);
      expect(await worker.close()).toBe(0);
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('live checks from the blob load node:tls on first use as the bundle does', async () => {
    // node:tls is loaded when a live check first needs it; code started from a blob cannot import(),
    // so the blob's script must load it another way (a -Live cmdlet in a later PowerShell session).
    const answers = [];
    for (const nodeArgs of [[bundle], ['--snapshot-blob', blob]]) {
      const worker = await startWorker(['--snapshot', 'fixtures/demo-server'], { nodeArgs });
      const answer = (await worker.connection.sendRequest('bindings/https', { site: 'Admin', live: true, asOf: '2027-01-01T00:00:00.000Z' })) as { bindings: { live?: { error: string | null } }[] };
      answers.push(answer);
      expect(await worker.close()).toBe(0);
    }
    expect(answers[0]!.bindings[0]!.live).toBeDefined();
    expect(answers[1]).toEqual(answers[0]);
  }, 60_000);

  it('the CLI from the blob prints what the bundle prints: tables, --json, and exit codes', () => {
    for (const args of [['bindings', '--snapshot', 'fixtures/demo-server', '--as-of', '2027-01-01'], ['diagnose', '--snapshot', 'fixtures/demo-server', '--json'], ['bindings', '--snapshot', 'fixtures/no-such-server']]) {
      const [expected, actual] = [fromBundle(args), fromBlob(args)];
      expect({ status: actual.status, stdout: actual.stdout, stderr: actual.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
    }
  });

  it('a change from the blob runs netsh (a child process) and writes the configuration as the bundle does', () => {
    const add = ['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'shop.contoso.com', '--ssl-flags', '1', '--certificate-hash', WWW, '--json'];
    const outcomes = [];
    for (const start of [[bundle], ['--snapshot-blob', blob]]) {
      const server = copyServer();
      try {
        const run = spawnSync(process.execPath, [...start, ...add, '--config', server.config, '--netsh', netshDouble, '--certs-dir', 'fixtures/demo-server/certs'], { cwd: repoRoot, encoding: 'utf8' });
        const result = json(run);
        outcomes.push({ applied: result.applied, steps: result.steps.map((step) => (step.kind === 'netsh' ? step.argv : step.kind)), config: server.bytes().toString('utf8'), mapping: server.record('shop.contoso.com:443') });
      } finally {
        server.dispose();
      }
    }
    expect(outcomes[0]!.mapping).toMatchObject({ certhash: WWW.toLowerCase() });
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  it('says what is wrong: no --out, a process that itself started from a blob, a blob that is not one', async () => {
    expect(await httpapi(['startup-snapshot'])).toMatchObject({ code: 1, stderr: expect.stringContaining('--out is required') });
    expect(fromBlob(['startup-snapshot', '--out', path.join(dir, 'again.blob')])).toMatchObject({ status: 1, stderr: expect.stringContaining('started from a startup snapshot and cannot build one') });
    const broken = path.join(dir, 'broken.blob');
    writeFileSync(broken, 'not a blob');
    // What the PowerShell module meets when node changed under a blob's name: node refuses, and exits non-zero.
    expect(spawnSync(process.execPath, ['--snapshot-blob', broken, 'help'], { encoding: 'utf8' }).status).not.toBe(0);
    expect(existsSync(path.join(dir, 'again.blob'))).toBe(false);
  });
});
