import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { HttpApiError } from '../errors.js';
import { writeFailure } from '../iis/write-failure.js';
import { isProcessAlive } from './process-alive.js';

/** Who holds a configuration's change lock; written into the lock file. */
export interface LockHolder {
  pid: number;
  /** The holder's start time in clock ticks since boot (Linux /proc/<pid>/stat field 22): a pid reused by another process has another. */
  startTicks: string | null;
  host: string;
  since: string;
  token: string;
}

export interface LockOptions {
  signal?: AbortSignal;
  /** How long to wait for another writer before CONFIG_LOCKED (default 2 minutes: a change runs netsh, whose own timeout is 60 s). */
  waitMs?: number;
  /** A lock older than this is taken over even if its holder seems alive (default 10 minutes). */
  staleMs?: number;
}

export const lockPathOf = (configFile: string) => `${configFile}.httpapi-lock`;

/** A lock file just created is empty until its holder writes it; that long it is not judged. */
const EmptyLockGraceMs = 5_000;

/**
 * Runs `work` while holding the configuration's change lock: a file beside it created with
 * `wx` (atomic: exactly one creator wins, also on SMB shares) holding the holder's pid, start
 * time and host. Writers in other processes wait; a lock whose holder died (or whose pid now
 * belongs to another process, or that is older than any change can take) is taken over. A
 * cancellation while waiting ends the wait with nothing changed.
 */
export async function withConfigLock<T>(configFile: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const holder = await acquire(configFile, options);
  try {
    return await work();
  } finally {
    await release(configFile, holder);
  }
}

async function acquire(configFile: string, options: LockOptions): Promise<LockHolder> {
  const lockPath = lockPathOf(configFile);
  const waitMs = options.waitMs ?? 120_000;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const holder: LockHolder = { pid: process.pid, startTicks: startTicksOf(process.pid), host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
    try {
      const handle = await open(lockPath, 'wx', 0o644);
      try {
        await handle.writeFile(JSON.stringify(holder));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return holder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw await writeFailure(configFile, error, 'creating the change lock beside');
    }
    const seen = await readLock(lockPath);
    if (seen === null) continue;
    const stale = staleReason(seen, options.staleMs ?? 600_000);
    if (stale) {
      await takeOver(lockPath, seen.text);
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const who = seen.holder ? `process ${seen.holder.pid} on ${seen.holder.host} since ${seen.holder.since}` : 'a process that has not written its name yet';
      throw new HttpApiError('CONFIG_LOCKED', `${configFile} is being changed by ${who} (lock ${lockPath}); waited ${waitMs} ms, nothing was changed. Run the change again when it is done.`, {
        file: configFile,
        lock: lockPath,
        holder: seen.holder,
      });
    }
    await sleep(Math.min(10 * 2 ** Math.min(attempt, 4), 200), options.signal);
  }
}

async function release(configFile: string, holder: LockHolder): Promise<void> {
  const lockPath = lockPathOf(configFile);
  const seen = await readLock(lockPath);
  // Only our own lock goes: had it been taken over (we were judged dead), the new holder's stays.
  if (seen?.holder?.token === holder.token) await unlink(lockPath).catch(() => undefined);
}

interface SeenLock {
  text: string;
  holder: LockHolder | null;
  ageMs: number;
}

async function readLock(lockPath: string): Promise<SeenLock | null> {
  try {
    const [text, stats] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    let holder: LockHolder | null = null;
    try {
      holder = JSON.parse(text) as LockHolder;
    } catch {
      holder = null;
    }
    return { text, holder, ageMs: Date.now() - stats.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Why the lock's holder can no longer be writing, or null when it may be. */
function staleReason(seen: SeenLock, staleMs: number): string | null {
  const { holder } = seen;
  if (holder === null || typeof holder.pid !== 'number') return seen.ageMs > EmptyLockGraceMs ? 'its holder never wrote its name' : null;
  if (seen.ageMs > staleMs) return `it is ${Math.round(seen.ageMs / 1000)} s old`;
  if (holder.host !== hostname()) return null;
  if (!isProcessAlive(holder.pid)) return `process ${holder.pid} is gone`;
  const ticks = startTicksOf(holder.pid);
  if (holder.startTicks !== null && ticks !== null && ticks !== holder.startTicks) return `pid ${holder.pid} now belongs to another process`;
  return null;
}

/**
 * Moves the stale lock aside under a unique name, then checks that what moved is the lock that
 * was judged: if another writer took it over and locked first, its fresh lock is put back
 * (link refuses to overwrite a lock created meanwhile).
 */
async function takeOver(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged);
  if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Field 22 of /proc/<pid>/stat, after the command name (which may hold spaces and parentheses). */
function startTicksOf(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
