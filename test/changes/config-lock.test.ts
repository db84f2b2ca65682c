import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPathOf, withConfigLock } from '../../src/changes/config-lock.js';
import { HttpApiError } from '../../src/errors.js';

let folder: string;
let file: string;
let lock: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'httpapi-lock-'));
  file = path.join(folder, 'applicationHost.config');
  writeFileSync(file, '<configuration />');
  lock = lockPathOf(file);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A pid that no process has: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const holder = (pid: number, since = new Date()) => JSON.stringify({ pid, startTicks: null, host: hostname(), since: since.toISOString(), token: 'theirs' });

describe('the change lock beside the configuration', () => {
  it('is a file holding our pid while the work runs, and gone after it (also after a failure)', async () => {
    await withConfigLock(file, async () => {
      expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    });
    expect(existsSync(lock)).toBe(false);
    await expect(withConfigLock(file, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('runs the work of two holders one after the other, never together', async () => {
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push(`${name} out`);
    };
    await Promise.all([withConfigLock(file, work('a')), withConfigLock(file, work('b'))]);
    expect(events).toEqual(events[0] === 'a in' ? ['a in', 'a out', 'b in', 'b out'] : ['b in', 'b out', 'a in', 'a out']);
  });

  it('takes over a lock whose holder is dead', async () => {
    writeFileSync(lock, holder(deadPid()));
    let ran = false;
    await withConfigLock(file, async () => {
      ran = true;
      expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    }, { waitMs: 1_000 });
    expect(ran).toBe(true);
  });

  it('takes over a lock whose pid now belongs to another process (its start time differs)', async () => {
    writeFileSync(lock, JSON.stringify({ pid: process.pid, startTicks: '1', host: hostname(), since: new Date().toISOString(), token: 'theirs' }));
    await withConfigLock(file, async () => undefined, { waitMs: 1_000 });
  });

  it('takes over a lock older than any change can take, even if its pid is alive', async () => {
    writeFileSync(lock, holder(process.ppid));
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(lock, old, old);
    await withConfigLock(file, async () => undefined, { waitMs: 1_000, staleMs: 600_000 });
  });

  it('takes over a lock file its holder never wrote its name into, once it is older than a few seconds', async () => {
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await withConfigLock(file, async () => undefined, { waitMs: 1_000 });
  });

  it('waits for a live holder, then answers CONFIG_LOCKED naming it, and leaves its lock alone', async () => {
    // A real other process that holds the lock (alive, on this machine).
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((resolve) => other.once('spawn', resolve));
    try {
      writeFileSync(lock, holder(other.pid!));
      const started = Date.now();
      const error = await withConfigLock(file, async () => 'ran', { waitMs: 300 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HttpApiError);
      expect((error as HttpApiError).id).toBe('CONFIG_LOCKED');
      expect((error as HttpApiError).message).toContain(`is being changed by process ${other.pid} on ${hostname()}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it('a cancellation while waiting ends the wait before the work runs', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((resolve) => other.once('spawn', resolve));
    try {
      writeFileSync(lock, holder(other.pid!));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      let ran = false;
      await expect(withConfigLock(file, async () => void (ran = true), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
      expect(ran).toBe(false);
    } finally {
      other.kill();
    }
  });

  it('a holder whose lock was taken over does not remove the new holder\'s lock', async () => {
    await withConfigLock(file, async () => {
      // Judged dead meanwhile: another writer replaced our lock with its own.
      writeFileSync(lock, holder(process.ppid));
    });
    expect(JSON.parse(readFileSync(lock, 'utf8')).token).toBe('theirs');
  });
});
