import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** How many `<file>.httpapi-*.bak` backups stay beside a configuration file: the newest ones. */
export const BackupsKept = 10;

/**
 * Deletes all but the newest backups HttpApi made of `file`, by modification time, so
 * inetsrv\config does not fill up. Only names HttpApi writes are touched. Best effort: the
 * change itself has succeeded, so a backup that cannot be deleted is left in place.
 */
export async function keepNewestBackups(file: string, keep = BackupsKept): Promise<string[]> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.httpapi-`;
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.startsWith(prefix) && name.endsWith('.bak'));
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(folder, name)).catch(() => null))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : -1));
  const removed: string[] = [];
  for (const { name } of dated.slice(keep)) {
    const backup = path.join(folder, name);
    if (await unlink(backup).then(() => true, () => false)) removed.push(backup);
  }
  return removed;
}
