import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFailed } from '../../src/iis/write-failure.js';
import { netshDouble } from '../httpsys/double.js';

// A write refused by the file system says why (issue 10), instead of always "needs elevation".
const demo = 'fixtures/demo-server/applicationHost.config';
const errno = (code: string) => Object.assign(new Error(`${code}: refused`), { code });
const linuxRoot = { platform: 'linux' as const, uid: 0, mode: 0o644 };

describe('the cause named for each refusal', () => {
  it.each([
    ['EROFS', linuxRoot, 'CONFIG_WRITE_FAILED', 'the file system is mounted read-only'],
    ['ENOSPC', linuxRoot, 'CONFIG_WRITE_FAILED', 'the disk is full'],
    ['EDQUOT', linuxRoot, 'CONFIG_WRITE_FAILED', 'the disk quota is exhausted'],
    ['EBUSY', { platform: 'win32' as const, uid: null, mode: 0o666 }, 'CONFIG_WRITE_FAILED', 'the file is locked by another process'],
    ['EPERM', { platform: 'win32' as const, uid: null, mode: 0o444 }, 'CONFIG_WRITE_FAILED', 'the file has the read-only attribute'],
    ['EACCES', { platform: 'linux' as const, uid: 1000, mode: 0o444 }, 'CONFIG_WRITE_FAILED', 'the file is read-only (no write permission bits)'],
    ['EPERM', linuxRoot, 'CONFIG_WRITE_FAILED', 'immutable or append-only (chattr +i / +a)'],
    ['EPERM', { platform: 'win32' as const, uid: null, mode: 0o666 }, 'NOT_ELEVATED', 'permission denied'],
    ['EACCES', { platform: 'linux' as const, uid: 1000, mode: 0o644 }, 'NOT_ELEVATED', 'permission denied'],
  ])('%s with %o: %s, "%s"', (code, facts, id, why) => {
    const error = writeFailed('C:\\inetsrv\\config\\applicationHost.config', errno(code), facts);
    expect(error.id).toBe(id);
    expect(error.message).toContain(why);
    expect(error.data).toMatchObject({ code, file: 'C:\\inetsrv\\config\\applicationHost.config' });
  });

  it('names the share, not elevation, when Shared Configuration on a UNC path refuses the write', () => {
    const error = writeFailed('\\\\files01\\iisconfig\\applicationHost.config', errno('EACCES'), { platform: 'win32', uid: null, mode: 0o666 });
    expect(error).toMatchObject({ id: 'CONFIG_WRITE_FAILED', message: expect.stringContaining('the share refused the write') });
    expect(error.message).toContain('elevation does not grant rights on a network share');
  });

  it('classifies the error a real full device gives', () => {
    let caught: unknown;
    try {
      writeFileSync('/dev/full', 'x');
    } catch (error) {
      caught = error;
    }
    expect(writeFailed('/x', caught, linuxRoot).message).toContain('the disk is full');
  });
});

/** Whether this process may mount a tmpfs and set immutable flags (root in a privileged container, as here). */
function privileged(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'httpapi-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
}
const canMount = privileged();
const mounts: string[] = [];
const immutable: string[] = [];
afterEach(() => {
  for (const file of immutable.splice(0)) spawnSync('chattr', ['-i', file]);
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function configOn(options: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-fs-'));
  if (options) {
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status).toBe(0);
    mounts.push(dir);
  }
  const config = path.join(dir, 'config', 'applicationHost.config');
  mkdirSync(path.dirname(config));
  copyFileSync(demo, config);
  return config;
}

const addBinding = (config: string) =>
  spawnSync(process.execPath, ['dist/httpapi.js', 'binding', 'add', '--site', 'Contoso WWW', '--protocol', 'http', '--port', '8088', '--config', config, '--netsh', netshDouble], { encoding: 'utf8' });

describe('real refusals, end to end (needs root: tmpfs mounts and chattr)', () => {
  it('a full disk: CONFIG_WRITE_FAILED "the disk is full", the file unchanged, nothing left beside it', (context) => {
    if (!canMount) context.skip('cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)');
    // Room for the file but not for its backup and the new copy.
    const config = configOn('size=120k');
    const run = addBinding(config);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Failed writing (the backup of )?.*applicationHost\.config: the disk is full\./);
    expect(readFileSync(config).equals(readFileSync(demo))).toBe(true);
    expect(readdirSync(path.dirname(config))).toEqual(['applicationHost.config']);
  });

  it('a read-only file system: CONFIG_WRITE_FAILED "mounted read-only"', (context) => {
    if (!canMount) context.skip('cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)');
    const config = configOn('size=4m');
    expect(spawnSync('mount', ['-o', 'remount,ro', mounts[0]!]).status).toBe(0);
    const run = addBinding(config);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the file system is mounted read-only/);
    expect(run.stderr).not.toMatch(/elevat/);
  });

  it('an immutable file: CONFIG_WRITE_FAILED naming the flag, and the backup and temporary file removed', (context) => {
    if (!canMount) context.skip('cannot set immutable flags here (not root)');
    const config = configOn(null);
    expect(spawnSync('chattr', ['+i', config]).status).toBe(0);
    immutable.push(config);
    const run = addBinding(config);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/immutable or append-only \(chattr \+i \/ \+a\)/);
    expect(readFileSync(config).equals(readFileSync(demo))).toBe(true);
    expect(readdirSync(path.dirname(config))).toEqual(['applicationHost.config']);
  });
});
