import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpApiError } from '../../src/errors.js';
import { readConfigFile } from '../../src/iis/config-file.js';
import { commitConfigWrite, prepareConfigWrite, writeConfigAtomically } from '../../src/iis/write-config-atomically.js';

let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'httpapi-write-'));
  file = path.join(folder, 'applicationHost.config');
  writeFileSync(file, 'original\r\n');
  chmodSync(file, 0o640);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<HttpApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpApiError) return error;
    throw error;
  }
  throw new Error('the write succeeded');
}

describe('writeConfigAtomically', () => {
  it('replaces the content, keeps the permission bits, and leaves only the backup beside it', async () => {
    const read = await readConfigFile(file);
    const now = new Date('2025-01-02T03:04:05.678Z');
    const result = await writeConfigAtomically({ file, bytes: Buffer.from('new\r\n'), expected: read.identity, mode: read.mode, backupOf: read.bytes, now });
    expect(readFileSync(file, 'utf8')).toBe('new\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(result.backup).toBe(`${file}.httpapi-20250102T030405678Z.bak`);
    expect(readFileSync(result.backup!, 'utf8')).toBe('original\r\n');
    expect(readdirSync(folder).sort()).toEqual(['applicationHost.config', 'applicationHost.config.httpapi-20250102T030405678Z.bak']);
    expect(result.identity).toEqual((await readConfigFile(file)).identity);

    // A second change in the same millisecond does not overwrite the first backup.
    const again = await readConfigFile(file);
    const second = await writeConfigAtomically({ file, bytes: Buffer.from('newer\r\n'), expected: again.identity, mode: again.mode, backupOf: again.bytes, now });
    expect(second.backup).toBe(`${file}.httpapi-20250102T030405678Z-1.bak`);
    expect(readFileSync(second.backup!, 'utf8')).toBe('new\r\n');
  });

  it('refuses a file whose bytes changed even with the same size and time, and writes nothing', async () => {
    const read = await readConfigFile(file);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'ORIGINAL\r\n');
    utimesSync(file, atime, mtime);
    const error = await failure(writeConfigAtomically({ file, bytes: Buffer.from('new\r\n'), expected: read.identity, mode: read.mode, backupOf: read.bytes }));
    expect(error.id).toBe('CONFIG_CHANGED_ON_DISK');
    expect(error.message).toContain('its content differs');
    expect(readFileSync(file, 'utf8')).toBe('ORIGINAL\r\n');
    expect(readdirSync(folder)).toEqual(['applicationHost.config']);
  });

  it('refuses a file that was deleted, or touched without a change of content', async () => {
    const read = await readConfigFile(file);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await failure(writeConfigAtomically({ file, bytes: Buffer.from('x'), expected: read.identity, mode: read.mode }))).message).toContain('its modification time moved');
    rmSync(file);
    expect((await failure(writeConfigAtomically({ file, bytes: Buffer.from('x'), expected: read.identity, mode: read.mode }))).message).toContain('it has been deleted');
  });

  it('a writer that takes no lock, writing between the prepared write and its rename, is caught by the content check', async () => {
    const read = await readConfigFile(file);
    const prepared = await prepareConfigWrite({ file, bytes: Buffer.from('ours\r\n'), expected: read.identity, mode: read.mode, backupOf: read.bytes });
    // appcmd or IIS Manager: same size, time put back.
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'THEIRS!!\r\n'.slice(0, 10));
    utimesSync(file, atime, mtime);
    const error = await failure(commitConfigWrite(prepared));
    expect(error.id).toBe('CONFIG_CHANGED_ON_DISK');
    expect(readFileSync(file, 'utf8')).toBe('THEIRS!!\r\n'.slice(0, 10));
  });

  it('the backup and the new content exist only whole: both are flushed under a temporary name first', async () => {
    const read = await readConfigFile(file);
    const prepared = await prepareConfigWrite({ file, bytes: Buffer.from('new\r\n'), expected: read.identity, mode: read.mode, backupOf: read.bytes });
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(3);
    expect(names.filter((name) => /^\.applicationHost\.config\.httpapi-\d+-[0-9a-f]{8}\.tmp$/.test(name))).toEqual([path.basename(prepared.temp)]);
    expect(readFileSync(prepared.temp, 'utf8')).toBe('new\r\n');
    expect(readFileSync(prepared.backup!, 'utf8')).toBe('original\r\n');
    expect(statSync(prepared.backup!).mode & 0o777).toBe(0o640);
  });
});
