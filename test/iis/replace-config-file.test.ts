import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepNewestBackups } from '../../src/iis/backup-retention.js';
import { replaceConfigFile, restoreAclArgv, saveAclArgv, type ReplaceIo } from '../../src/iis/replace-config-file.js';
import { windowsCommandLine } from '../helpers/windows-command-line.js';

const root = mkdtempSync(path.join(tmpdir(), 'httpapi-replace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;

/** A folder with the configuration and a temporary file holding the new content. */
function scene(): { file: string; temp: string } {
  const folder = path.join(root, `scene-${count++}`);
  const file = path.join(folder, 'applicationHost.config');
  const temp = path.join(folder, '.applicationHost.config.httpapi-1-ab.tmp');
  mkdirSync(folder);
  writeFileSync(file, 'old');
  writeFileSync(temp, 'new');
  return { file, temp };
}

/**
 * Windows as the replace sees it: renames that fail `failures` times with `code` first, a clock
 * that moves only when the code sleeps, and an icacls stand-in that writes what icacls /save
 * writes (UTF-16LE: the name, then the SDDL) and records /restore.
 */
function windowsIo(failures: number, code = 'EBUSY') {
  let clock = 0;
  const sleeps: number[] = [];
  const icaclsCalls: string[][] = [];
  const restored: string[] = [];
  const io: ReplaceIo = {
    facts: { platform: 'win32', arch: 'x64', env: { SystemRoot: 'C:\\Windows' } },
    rename: async (from, to) => {
      if (failures-- > 0) throw Object.assign(new Error(`${code}: resource busy or locked, rename`), { code });
      await rename(from, to);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    icacls: async (argv) => {
      icaclsCalls.push(argv);
      if (argv[1] === '/save') writeFileSync(argv[2]!, Buffer.from(`\uFEFFapplicationHost.config\r\nD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1301bf;;;S-1-5-21-1-2-3-1001)\r\n`, 'utf16le'));
      if (argv[1] === '/restore') restored.push(readFileSync(argv[2]!).toString('utf16le'));
      return { exitCode: 0, output: 'Successfully processed 1 files; Failed processing 0 files' };
    },
  };
  return { io, sleeps, icaclsCalls, restored, elapsed: () => clock };
}

describe('replacing the configuration on Windows', () => {
  it('retries a held file with backoff and succeeds when it is let go', async () => {
    const { file, temp } = scene();
    const machine = windowsIo(4);
    await replaceConfigFile(temp, file, machine.io);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(machine.sleeps).toEqual([50, 100, 200, 400]);
  });

  it('gives up after 30 s with CONFIG_WRITE_FAILED saying the file is in use, not NOT_ELEVATED', async () => {
    const { file, temp } = scene();
    const machine = windowsIo(Number.POSITIVE_INFINITY, 'EPERM');
    const error = await replaceConfigFile(temp, file, machine.io).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ id: 'CONFIG_WRITE_FAILED', data: { reason: 'in-use', code: 'EPERM' }, message: expect.stringContaining('stayed in use by another program') });
    expect(machine.elapsed()).toBeLessThanOrEqual(30_000);
    expect(machine.elapsed()).toBeGreaterThan(27_000);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('does not retry a failure that is not a held file', async () => {
    const { file, temp } = scene();
    const machine = windowsIo(1, 'ENOSPC');
    await expect(replaceConfigFile(temp, file, machine.io)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(machine.sleeps).toEqual([]);
  });

  it("copies the file's access control list onto the new file before it takes the file's place", async () => {
    const { file, temp } = scene();
    const machine = windowsIo(0);
    await replaceConfigFile(temp, file, machine.io);
    const aclFile = `${temp}.acl`;
    expect(machine.icaclsCalls).toEqual([saveAclArgv(file, aclFile), restoreAclArgv(path.win32.dirname(file), aclFile)]);
    expect(machine.restored).toEqual(['.applicationHost.config.httpapi-1-ab.tmp\r\nD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1301bf;;;S-1-5-21-1-2-3-1001)\r\n']);
    expect(readdirSync(path.dirname(file))).not.toContain(path.basename(aclFile));
  });

  it('states the icacls command lines exactly as CreateProcess receives them', () => {
    const file = 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config';
    const acl = 'C:\\Windows\\System32\\inetsrv\\config\\.applicationHost.config.httpapi-1-ab.tmp.acl';
    expect(windowsCommandLine('C:\\Windows\\System32\\icacls.exe', saveAclArgv(file, acl))).toBe(`C:\\Windows\\System32\\icacls.exe ${file} /save ${acl} /q`);
    expect(windowsCommandLine('C:\\Windows\\System32\\icacls.exe', restoreAclArgv('\\\\web farm\\config', acl))).toBe(`C:\\Windows\\System32\\icacls.exe "\\\\web farm\\config" /restore ${acl} /q`);
  });

  it('refuses when the ACL cannot be saved, and writes nothing', async () => {
    const { file, temp } = scene();
    const machine = windowsIo(0);
    machine.io.icacls = async () => ({ exitCode: 5, output: 'Access is denied.' });
    await expect(replaceConfigFile(temp, file, machine.io)).rejects.toMatchObject({ id: 'CONFIG_WRITE_FAILED', data: { reason: 'acl' }, message: expect.stringContaining('Access is denied.') });
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('reports a read-only file as such', async () => {
    const { file, temp } = scene();
    chmodSync(file, 0o444);
    await expect(replaceConfigFile(temp, file, windowsIo(0).io)).rejects.toMatchObject({ id: 'CONFIG_WRITE_FAILED', data: { reason: 'read-only' }, message: expect.stringContaining('read-only attribute') });
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('backups', () => {
  it('keeps the newest ten of those HttpApi made, and nothing else is touched', async () => {
    const { file } = scene();
    const folder = path.dirname(file);
    const names = Array.from({ length: 13 }, (_, index) => `applicationHost.config.httpapi-202501${String(index + 1).padStart(2, '0')}T000000000Z.bak`);
    names.forEach((name, index) => {
      writeFileSync(path.join(folder, name), 'x');
      utimesSync(path.join(folder, name), 1_700_000_000 + index, 1_700_000_000 + index);
    });
    writeFileSync(path.join(folder, 'applicationHost.config.bak'), 'someone else\'s');
    const removed = await keepNewestBackups(file);
    expect(removed.map((backup) => path.basename(backup)).sort()).toEqual(names.slice(0, 3));
    expect(readdirSync(folder).filter((name) => name.endsWith('.bak') && name.includes('.httpapi-')).sort()).toEqual(names.slice(3));
    expect(readdirSync(folder)).toContain('.applicationHost.config.httpapi-1-ab.tmp');
    expect(readdirSync(folder)).toContain('applicationHost.config.bak');
  });
});
