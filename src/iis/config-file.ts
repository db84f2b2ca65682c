import { createHash } from 'node:crypto';
import { HttpApiError } from '../errors.js';
import { readSourceFile, whyUnreadable } from '../source/read-source-file.js';
import { DeniedReadReason } from '../source/denied-read-reason.js';

/** What a file was when it was read: a change to any of these means someone else wrote it. */
export interface ConfigFileIdentity {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface ConfigFileBytes {
  file: string;
  bytes: Buffer;
  identity: ConfigFileIdentity;
  /** Permission bits, given to the file that replaces it (POSIX; Windows ignores them). */
  mode: number;
}

export function identityOf(bytes: Buffer, mtimeMs: number): ConfigFileIdentity {
  return { size: bytes.length, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The file's bytes and identity from one open handle, so that the size and time belong to the
 * bytes read. A file that changes while it is read (its time or size moves) is read again once.
 */
export async function readConfigFile(file: string): Promise<ConfigFileBytes> {
  for (let attempt = 1; ; attempt++) {
    const { bytes, stats, changedWhileRead } = await readSourceFile(file, 'configuration').catch((error: unknown) => {
      throw unreadable(file, error);
    });
    if (!changedWhileRead) return { file, bytes, identity: identityOf(bytes, stats.mtimeMs), mode: stats.mode & 0o7777 };
    if (attempt === 2) throw changedOnDisk(file, 'it kept changing while it was read');
  }
}

/** The identity the file has now (its bytes hashed again: a time can stay put across a write). */
export async function currentIdentity(file: string): Promise<ConfigFileIdentity | null> {
  try {
    const { identity } = await readConfigFile(file);
    return identity;
  } catch (error) {
    if (error instanceof HttpApiError && error.data.code === 'ENOENT') return null;
    throw error;
  }
}

export function sameIdentity(a: ConfigFileIdentity, b: ConfigFileIdentity | null): boolean {
  return b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256;
}

/** Refuses unless the file is still what it was; says what differs. */
export async function assertUnchanged(file: string, expected: ConfigFileIdentity): Promise<void> {
  const now = await currentIdentity(file);
  if (sameIdentity(expected, now)) return;
  const what =
    now === null
      ? 'it has been deleted'
      : now.size !== expected.size
        ? `its size went from ${expected.size} to ${now.size} bytes`
        : now.sha256 !== expected.sha256
          ? 'its content differs'
          : `its modification time moved from ${new Date(expected.mtimeMs).toISOString()} to ${new Date(now.mtimeMs).toISOString()}`;
  throw changedOnDisk(file, what, { expected, found: now });
}

export function changedOnDisk(file: string, what: string, data: Record<string, unknown> = {}): HttpApiError {
  return new HttpApiError(
    'CONFIG_CHANGED_ON_DISK',
    `${file} changed on disk since it was read (${what}); nothing was written to it. Another program (IIS Manager, appcmd, a deployment) wrote it meanwhile: run the change again, which reads the file anew.`,
    { file, ...data },
  );
}

function unreadable(file: string, error: unknown): HttpApiError {
  const { code, why: generic } = whyUnreadable(error);
  const why = code === 'EACCES' || code === 'EPERM' ? `permission denied: ${DeniedReadReason}` : generic;
  return new HttpApiError('SOURCE_UNREADABLE', `Cannot read the IIS configuration ${file}: ${why}.`, { file, code });
}
