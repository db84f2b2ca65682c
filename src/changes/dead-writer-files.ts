import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TempFilePattern } from '../iis/write-config-atomically.js';
import { isProcessAlive } from './process-alive.js';

/**
 * Removes the temporary files that writers of `configFile` left when they died (a write is
 * flushed under `.<name>.httpapi-<pid>-<random>.tmp` before its rename), except those a
 * journal still needs. A file whose writer is alive, or of another machine sharing the folder,
 * stays. Returns the paths removed, so that the answer can say so.
 */
export async function removeDeadWritersFiles(configFile: string, keep: ReadonlySet<string> = new Set()): Promise<string[]> {
  const folder = path.dirname(configFile);
  const base = path.basename(configFile);
  const removed: string[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const match = TempFilePattern.exec(name);
    if (!match || !match[1]!.startsWith(base)) continue;
    const file = path.join(folder, name);
    const pid = Number(match[2]);
    if (keep.has(file) || pid === process.pid || isProcessAlive(pid)) continue;
    try {
      await unlink(file);
      removed.push(file);
    } catch {
      // Removed by another worker meanwhile, or not ours to remove: left for the next run.
    }
  }
  return removed;
}
