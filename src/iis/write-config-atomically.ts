import { randomBytes } from 'node:crypto';
import { open, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import { keepNewestBackups } from './backup-retention.js';
import { assertUnchanged, identityOf, type ConfigFileIdentity } from './config-file.js';
import { replaceConfigFile } from './replace-config-file.js';

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
 * was read just before the backup and again just before the rename. Windows' part of the
 * replace (held files, ACL, read-only) is replace-config-file.ts; old backups: backup-retention.ts.
 */
export async function writeConfigAtomically(write: AtomicWrite): Promise<AtomicWriteResult> {
  const { file } = write;
  await assertUnchanged(file, write.expected);
  const backup = write.backupOf ? await writeBackup(file, write.backupOf, write.mode, write.now ?? new Date()) : undefined;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.httpapi-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFlushed(temp, write.bytes, write.mode);
    await assertUnchanged(file, write.expected);
    await replaceConfigFile(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (backup) await unlink(backup).catch(() => undefined);
    throw error instanceof HttpApiError ? error : writeFailed(file, error);
  }
  await flushFolder(path.dirname(file));
  if (backup) await keepNewestBackups(file);
  const written = await stat(file);
  return { ...(backup ? { backup } : {}), identity: identityOf(write.bytes, written.mtimeMs) };
}

/** `applicationHost.config.httpapi-20250101T120000123Z.bak`, beside the file; never overwrites one. */
async function writeBackup(file: string, bytes: Buffer, mode: number, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  for (let attempt = 0; ; attempt++) {
    const backup = `${file}.httpapi-${stamp}${attempt === 0 ? '' : `-${attempt}`}.bak`;
    try {
      await writeFlushed(backup, bytes, mode);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw writeFailed(backup, error, 'writing the backup of');
    }
  }
}

async function writeFlushed(file: string, bytes: Buffer, mode: number): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
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
