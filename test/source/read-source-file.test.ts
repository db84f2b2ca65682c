import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceFileLimits, readSourceFile, readSourceFileSync } from '../../src/source/read-source-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-source-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sized(name: string, size: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, '');
  truncateSync(file, size);
  return file;
}

const readers = [
  ['readSourceFile', (file: string) => readSourceFile(file, 'certificate')],
  ['readSourceFileSync', async (file: string) => readSourceFileSync(file, 'certificate')],
] as const;

describe.each(readers)('%s', (_name, read) => {
  it('reads a file of exactly the limit, whole', async () => {
    const file = sized(`exact-${_name}`, SourceFileLimits.certificate);
    const { bytes, changedWhileRead } = await read(file);
    expect(bytes.length).toBe(SourceFileLimits.certificate);
    expect(changedWhileRead).toBe(false);
  });

  it('refuses one byte more, with code TOO_LARGE', async () => {
    await expect(read(sized(`over-${_name}`, SourceFileLimits.certificate + 1))).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('reads an empty file as no bytes', async () => {
    expect((await read(sized(`empty-${_name}`, 0))).bytes.length).toBe(0);
  });

  it('refuses a FIFO without opening it (an open would wait for a writer)', async () => {
    const fifo = path.join(dir, `fifo-${_name}`);
    execFileSync('mkfifo', [fifo]);
    await expect(read(fifo)).rejects.toMatchObject({ code: 'NOT_A_FILE' });
  });

  it('refuses /dev/zero, a folder and /proc', async () => {
    await expect(read('/dev/zero')).rejects.toMatchObject({ code: 'NOT_A_FILE' });
    await expect(read(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(read('/proc/self/status')).rejects.toMatchObject({ code: 'VIRTUAL_FILE_SYSTEM' });
  });

  it('passes the operating system\'s error on for a missing file', async () => {
    await expect(read(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the time limit', () => {
  it('stops waiting for a read that takes longer, with code TIMED_OUT', async () => {
    // 60 MB cannot be copied in a millisecond (memory bandwidth alone forbids it).
    const file = sized('slow', 60 * 1024 * 1024);
    await expect(readSourceFile(file, 'configuration', 1)).rejects.toMatchObject({ code: 'TIMED_OUT', message: expect.stringContaining('longer than 0.001 s') });
    expect((await readSourceFile(file, 'configuration')).bytes.length).toBe(60 * 1024 * 1024);
  });
});
