import { randomBytes } from 'node:crypto';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { keepNewestBackups } from './backup-retention.js';
import { assertUnchanged, identityOf, type ConfigFileIdentity } from './config-file.js';
import { replaceConfigFile } from './replace-config-file.js';
import { writeFailure } from './write-failure.js';

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

/** A write made ready but not done: the new bytes flushed under a temporary name, the backup complete. */
export interface PreparedWrite {
  file: string;
  temp: string;
  backup?: string;
  bytes: Buffer;
  expected: ConfigFileIdentity;
}

/** Temporary files are named after the writer's pid, so that those of a writer that died can be told apart and removed. */
export const TempFilePattern = /^\.(.+)\.httpapi-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.httpapi-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces a configuration file the way a reader can never see half of: the new bytes go to
 * a temporary file in the same folder (same volume, so the rename is atomic), are flushed to
 * disk, and the temporary file is renamed over the original. The file is checked against what
 * was read just before the backup and again, by its content hash, just before the rename.
 * Windows' part of the replace (held files, ACL, read-only) is replace-config-file.ts; old
 * backups: backup-retention.ts.
 */
export async function writeConfigAtomically(write: AtomicWrite): Promise<AtomicWriteResult> {
  const prepared = await prepareConfigWrite(write);
  try {
    return await commitConfigWrite(prepared);
  } catch (error) {
    await discardConfigWrite(prepared);
    throw error;
  }
}

/**
 * Everything of a write that can fail for lack of space or rights, done before the file is
 * touched: the backup (complete under its real name, or absent) and the new bytes flushed
 * under a temporary name. Nothing is left behind when it fails.
 */
export async function prepareConfigWrite(write: AtomicWrite): Promise<PreparedWrite> {
  const { file } = write;
  await assertUnchanged(file, write.expected);
  const owner = await stat(file);
  const backup = write.backupOf ? await writeBackup(file, write.backupOf, write.mode, owner, write.now ?? new Date()) : undefined;
  const temp = tempFileFor(file);
  try {
    await writeFlushed(temp, write.bytes, write.mode, owner);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (backup) await unlink(backup).catch(() => undefined);
    throw await writeFailure(file, error);
  }
  return { file, temp, ...(backup ? { backup } : {}), bytes: write.bytes, expected: write.expected };
}

/**
 * The replace itself: the content check and the rename, one right after the other. Callers
 * hold the configuration's change lock, so no writer that takes it can slip in between; one
 * that does not (IIS Manager, appcmd) is caught by the content check up to that instant.
 */
export async function commitConfigWrite(prepared: PreparedWrite): Promise<AtomicWriteResult> {
  const { file } = prepared;
  await assertUnchanged(file, prepared.expected);
  try {
    await replaceConfigFile(prepared.temp, file);
  } catch (error) {
    throw await writeFailure(file, error);
  }
  await flushFolder(path.dirname(file));
  if (prepared.backup) await keepNewestBackups(file);
  const written = await stat(file);
  return { ...(prepared.backup ? { backup: prepared.backup } : {}), identity: identityOf(prepared.bytes, written.mtimeMs) };
}

/** A prepared write abandoned before its rename: its temporary file and backup go. */
export async function discardConfigWrite(prepared: PreparedWrite): Promise<void> {
  await unlink(prepared.temp).catch(() => undefined);
  if (prepared.backup) await unlink(prepared.backup).catch(() => undefined);
}

/**
 * A small file (a journal) replaced atomically: temporary file, flush, rename. A crash leaves
 * the old file or the new one, never a part of either.
 */
export async function writeFileAtomically(file: string, bytes: Buffer, mode = 0o644): Promise<void> {
  const temp = tempFileFor(file);
  try {
    await writeFlushed(temp, bytes, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw await writeFailure(file, error);
  }
  await flushFolder(path.dirname(file));
}

/**
 * `applicationHost.config.httpapi-20250101T120000123Z.bak`, beside the file; never overwrites
 * one. Written under a temporary name and then linked to its real name (link, unlike rename,
 * refuses an existing name), so a backup under its real name is always complete.
 */
async function writeBackup(file: string, bytes: Buffer, mode: number, owner: Stats, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const temp = tempFileFor(file);
  try {
    await writeFlushed(temp, bytes, mode, owner);
    for (let attempt = 0; ; attempt++) {
      const backup = `${file}.httpapi-${stamp}${attempt === 0 ? '' : `-${attempt}`}.bak`;
      try {
        await placeWithoutOverwriting(temp, backup);
        return backup;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw error;
      }
    }
  } catch (error) {
    throw await writeFailure(file, error, 'writing the backup of');
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * link refuses an existing name atomically. A volume without hard links (FAT, some network
 * shares: inferred, not seen here) gets a check then a rename instead; the caller holds the
 * configuration's change lock, so no other writer of ours races for the name.
 */
async function placeWithoutOverwriting(temp: string, name: string): Promise<void> {
  try {
    await link(temp, name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    if (await stat(name).then(() => true, () => false)) throw Object.assign(new Error(`${name} exists`), { code: 'EEXIST' });
    await rename(temp, name);
  }
}

async function writeFlushed(file: string, bytes: Buffer, mode: number, owner?: Stats): Promise<void> {
  const handle = await open(file, 'wx', mode);
  try {
    // open() passes the mode through the umask (0660 would become 0640), and a new file belongs
    // to whoever writes it: the renamed file must keep the original's bits and owner (POSIX).
    await handle.chmod(mode);
    if (owner && process.platform !== 'win32' && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) await handle.chown(owner.uid, owner.gid);
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
