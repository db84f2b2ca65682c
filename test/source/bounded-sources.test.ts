import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceFileLimits } from '../../src/source/read-source-file.js';
import { startWorker, repoRoot, type WorkerClient } from '../helpers/worker-client.js';

/**
 * Special files named as sources, through a real worker: each is refused with
 * SOURCE_UNREADABLE saying why, within a second, and the worker goes on answering.
 * (Linux: mkfifo, /dev/zero and /proc are what the tests run on.)
 */
const demo = path.join(repoRoot, 'fixtures', 'demo-server');
let dir: string;
let worker: WorkerClient;

/** A sparse file one byte over a limit: its size is refused from stat, nothing is read. */
function oversized(name: string, limit: number): string {
  const file = path.join(dir, name);
  const fd = openSync(file, 'w');
  ftruncateSync(fd, limit + 1);
  closeSync(fd);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'httpapi-bounded-'));
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  mkdirSync(path.join(dir, 'folder'));
  worker = await startWorker();
  // The first request loads the handlers; the timings below are about the refusals alone.
  await worker.connection.sendRequest('server/info', {});
});
afterAll(async () => {
  await worker.close();
  rmSync(dir, { recursive: true, force: true });
});

const specials = (limit: number): [string, () => string, RegExp][] => [
  ['a FIFO', () => path.join(dir, 'fifo'), /named pipe \(FIFO\)/],
  ['/dev/zero', () => '/dev/zero', /character device/],
  ['a directory', () => path.join(dir, 'folder'), /it is a folder, not a file/],
  ['a /proc file', () => '/proc/self/status', /proc file system/],
  ['an oversized file', () => oversized(`big-${limit}`, limit), new RegExp(`more than the ${limit} bytes`)],
];

async function refusal(method: string, source: Record<string, string>): Promise<{ error: ResponseError<{ id?: string }>; elapsed: number }> {
  const started = Date.now();
  const error = await worker.connection.sendRequest(method, { source }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const elapsed = Date.now() - started;
  expect(error).toBeInstanceOf(ResponseError);
  return { error: error as ResponseError<{ id?: string }>, elapsed };
}

async function stillServing(): Promise<void> {
  await expect(worker.connection.sendRequest('server/info', {})).resolves.toMatchObject({ name: 'HttpApi' });
}

describe('configPath', () => {
  it.each(specials(SourceFileLimits.configuration))('%s is refused at once, and the next request is served', async (_name, file, why) => {
    const { error, elapsed } = await refusal('sites/list', { configPath: file() });
    expect(elapsed).toBeLessThan(1_000);
    expect(error.data).toMatchObject({ id: 'SOURCE_UNREADABLE' });
    expect(error.message).toMatch(why);
    await stillServing();
  });
});

describe('sslcertFile', () => {
  it.each(specials(SourceFileLimits.capture))('%s is refused at once, and the next request is served', async (_name, file, why) => {
    const { error, elapsed } = await refusal('sslcert/list', { sslcertFile: file() });
    expect(elapsed).toBeLessThan(1_000);
    expect(error.data).toMatchObject({ id: 'SOURCE_UNREADABLE' });
    expect(error.message).toMatch(why);
    await stillServing();
  });
});

describe('certsDir', () => {
  it.each(specials(SourceFileLimits.certificate).filter(([name]) => name !== 'a directory'))('%s as the folder is refused at once', async (_name, file) => {
    const { error, elapsed } = await refusal('certificates/list', { certsDir: file() });
    expect(elapsed).toBeLessThan(1_000);
    expect(error.data).toMatchObject({ id: 'SOURCE_UNREADABLE' });
    await stillServing();
  });

  it('special files inside it are never opened, an oversized certificate is one note, and the rest is listed', async () => {
    const certs = path.join(dir, 'certs-special');
    cpSync(path.join(demo, 'certs'), certs, { recursive: true });
    execFileSync('mkfifo', [path.join(certs, 'MY', 'pipe.cer')]);
    symlinkSync('/dev/zero', path.join(certs, 'MY', 'zero.cer'));
    const big = path.join(certs, 'MY', 'big.cer');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, SourceFileLimits.certificate + 1);
    closeSync(fd);
    const plain = await worker.connection.sendRequest<{ certificates: unknown[] }>('certificates/list', { source: { certsDir: path.join(demo, 'certs') } });

    const started = Date.now();
    const result = await worker.connection.sendRequest<{ certificates: unknown[]; notes: string[] }>('certificates/list', { source: { certsDir: certs } });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.certificates).toEqual(plain.certificates.map((certificate) => ({ ...(certificate as object), file: expect.stringContaining(certs) })));
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain(big);
    expect(result.notes[0]).toContain(`more than the ${SourceFileLimits.certificate} bytes`);
    await stillServing();
  });
});

describe('one bad certificate file is one finding', () => {
  it('a 0-byte .cer and a garbage .key in a store folder: bindings/https and certificates/list still answer, one CERTIFICATE_INVALID per file', async () => {
    const certs = path.join(dir, 'certs-bad');
    cpSync(path.join(demo, 'certs'), certs, { recursive: true });
    writeFileSync(path.join(certs, 'MY', 'empty.cer'), '');
    // Beside a real certificate, so the key file is the only thing wrong.
    const [realCertificate] = execFileSync('ls', [path.join(certs, 'MY')], { encoding: 'utf8' }).split('\n').filter((name) => /\.(pem|cer|crt)$/.test(name) && name !== 'empty.cer');
    const keyFile = path.join(certs, 'MY', `${realCertificate!.replace(/\.[^.]+$/, '')}.key`);
    writeFileSync(keyFile, 'garbage, not a key\n');
    const source = { configPath: path.join(demo, 'applicationHost.config'), sslcertFile: path.join(demo, 'sslcert.txt'), urlaclFile: path.join(demo, 'urlacl.txt') };

    const clean = await worker.connection.sendRequest<{ bindings: unknown[]; findings: { code: string }[] }>('bindings/https', { source: { ...source, certsDir: path.join(demo, 'certs') } });
    const joined = await worker.connection.sendRequest<{ bindings: unknown[]; findings: { code: string; message: string }[]; notes: string[] }>('bindings/https', {
      source: { ...source, certsDir: certs },
    });
    expect(joined.bindings).toHaveLength(clean.bindings.length);
    const invalid = joined.findings.filter((finding) => finding.code === 'CERTIFICATE_INVALID');
    expect(invalid).toHaveLength(2);
    expect(invalid.map((finding) => finding.message)).toEqual(expect.arrayContaining([expect.stringContaining(path.join(certs, 'MY', 'empty.cer')), expect.stringContaining(keyFile)]));
    expect(clean.findings.some((finding) => finding.code === 'CERTIFICATE_INVALID')).toBe(false);
    expect(joined.notes.filter((note) => note.startsWith('certificate file skipped'))).toHaveLength(2);

    const listed = await worker.connection.sendRequest<{ certificates: unknown[]; notes: string[] }>('certificates/list', { source: { certsDir: certs } });
    const plain = await worker.connection.sendRequest<{ certificates: unknown[] }>('certificates/list', { source: { certsDir: path.join(demo, 'certs') } });
    expect(listed.certificates).toHaveLength(plain.certificates.length);
    expect(listed.notes).toHaveLength(2);
  });
});
