import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import { assertUnchanged, identityOf, type ConfigFileIdentity } from './config-file.js';

export interface AtomicWrite {
  file: string;
  /** The whole new content. */
  bytes: Buffer;
  /** What the file must still be; anything else is CONFIG_CHANGED_ON_DISK and nothing is written. */
  expected: ConfigFileIdentity;
  /** Permission bits for the new file (POSIX). */
  mode: number;
  /** The current content, kept next to the file as `<name>.httpapi-<time>.bak`; none when omitted. */
  backupOf?: Buffer;
  now?: Date;
}

export interface AtomicWriteResult {
  backup?: string;
  /** What the file is after the write, for a later rollback to check against. */
  identity: ConfigFileIdentity;
}

/**
 * Replaces a configuration file the way a reader can never see half of: the new bytes go to
 * a temporary file in the same folder (same volume, so the rename is atomic), are flushed to
 * disk, and the temporary file is renamed over the original. The file is checked against what
 * was read just before the backup and again just before the rename. On Windows a rename onto
 * a file that IIS holds open for a moment fails with EPERM/EBUSY, so it is retried briefly.
 */
export async function writeConfigAtomically(write: AtomicWrite): Promise<AtomicWriteResult> {
  const { file } = write;
  await assertUnchanged(file, write.expected);
  const owner = await stat(file);
  const backup = write.backupOf ? await writeBackup(file, write.backupOf, write.mode, owner, write.now ?? new Date()) : undefined;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.httpapi-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFlushed(temp, write.bytes, write.mode, owner);
    await assertUnchanged(file, write.expected);
    await renameRetrying(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (backup) await unlink(backup).catch(() => undefined);
    throw error instanceof HttpApiError ? error : writeFailed(file, error);
  }
  await flushFolder(path.dirname(file));
  const written = await stat(file);
  return { ...(backup ? { backup } : {}), identity: identityOf(write.bytes, written.mtimeMs) };
}

/** `applicationHost.config.httpapi-20250101T120000123Z.bak`, beside the file; never overwrites one. */
async function writeBackup(file: string, bytes: Buffer, mode: number, owner: Stats, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (let attempt = 0; ; attempt++) {
    const backup = `${file}.httpapi-${stamp}${attempt === 0 ? '' : `-${attempt}`}.bak`;
    try {
      await writeFlushed(backup, bytes, mode, owner);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw writeFailed(backup, error, 'writing the backup of');
    }
  }
}

async function writeFlushed(file: string, bytes: Buffer, mode: number, owner: Stats): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    // open() passes the mode through the umask (0660 would become 0640), and a new file belongs
    // to whoever writes it: the renamed file must keep the original's bits and owner (POSIX).
    await handle.chmod(mode);
    if (process.platform !== 'win32' && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) await handle.chown(owner.uid, owner.gid);
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** The rename itself is durable only once the folder is flushed (POSIX); Windows cannot open a folder this way. */
async function flushFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (Windows): NTFS journals the rename itself.
  }
}

function writeFailed(file: string, error: unknown, doing = 'writing'): HttpApiError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new HttpApiError('NOT_ELEVATED', `Failed ${doing} ${file}: permission denied. Changing the live IIS configuration needs an elevated (administrator) process.`, { file, code });
  }
  const why = code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
  return new HttpApiError('CONFIG_WRITE_FAILED', `Failed ${doing} ${file}: ${why}.`, { file, code: code ?? null });
}
