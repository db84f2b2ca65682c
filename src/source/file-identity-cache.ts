import { statSync } from 'node:fs';
import { KeptResults } from './kept-results.js';

/**
 * What a file is on disk: a rewrite changes the size, the modification time or at least the
 * change time (which no tool can set back), a replacement by rename changes the inode.
 * Nanosecond times, so two writes within a millisecond still differ.
 */
export function fileIdentity(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return null;
  }
}

/**
 * Remembers what was read from files for as long as the files stay the same, so that a
 * long-lived worker answering the same question again (a PowerShell loop calling a cmdlet)
 * does not parse an unchanged 10 MB configuration again. Readers' results are shared between
 * calls, so callers must treat them as read-only (they all do: handlers build new objects).
 * A file that cannot be stat'ed is never cached: its reader runs and reports the problem.
 * Holds at most `capacity` entries, dropping the least recently used.
 */
export class FileIdentityCache<T> {
  private readonly kept: KeptResults<T>;

  constructor(capacity = 16) {
    this.kept = new KeptResults<T>(capacity);
  }

  /** The value read from `files` under `key`, read again when any file changed. */
  async get(key: string, files: readonly string[], read: () => Promise<T>): Promise<T> {
    const before = files.map(fileIdentity);
    const known = this.lookup(key, before);
    if (known) return known.value;
    const value = await read();
    this.store(key, before, value);
    return value;
  }

  /**
   * Same as get, for a synchronous reader. `taken`: the files' identities (fileIdentity) when the
   * caller took them already for another cache, taken before either read.
   */
  getSync(key: string, files: readonly string[], read: () => T, taken?: readonly (string | null)[]): T {
    const before = taken ?? files.map(fileIdentity);
    const known = this.lookup(key, before);
    if (known) return known.value;
    const value = read();
    this.store(key, before, value);
    return value;
  }

  private lookup(key: string, identities: readonly (string | null)[]): { value: T } | undefined {
    return identities.includes(null) ? undefined : this.kept.find(key, identities);
  }

  /**
   * Keeps the value under the identities taken before the read: a file changed during the read
   * has another identity by the next call, which then reads it again.
   */
  private store(key: string, before: readonly (string | null)[], value: T): void {
    if (!before.includes(null)) this.kept.keep(key, before, value);
  }
}
