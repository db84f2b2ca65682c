import { readdir, realpath, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { HttpApiError } from '../errors.js';

/**
 * Folders whose files are made up by the kernel: writing there either fails in odd ways or
 * never ends (an export under /proc was seen to spin forever). /dev is a devtmpfs, a tmpfs like
 * /tmp, so it can only be told by its place.
 */
const VirtualRoots = ['/proc', '/sys', '/dev'];

/**
 * statfs f_type of pseudo file systems (linux/magic.h), for those mounted somewhere else: proc,
 * sysfs, cgroup, cgroup2, debugfs, tracefs, securityfs, configfs, devpts, bpf, pstore, efivarfs.
 */
const VirtualFileSystems = new Set([0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0x62656570, 0x1cd1, 0xcafe4a11, 0x6165676c, 0xde5e81e4]);

/**
 * Checks where a snapshot may be written: a new folder, or an existing empty one, that is not
 * on a virtual file system, so an export never overwrites anything nor writes into the kernel.
 * Links are followed: the real place is what counts. Returns the absolute folder.
 */
export async function checkExportDestination(directory: string): Promise<string> {
  const target = path.resolve(directory);
  const existing = await nearestExisting(target);
  const real = path.join(await realpath(existing), path.relative(existing, target));
  for (const candidate of new Set([target, real])) {
    const root = VirtualRoots.find((virtual) => candidate === virtual || candidate.startsWith(`${virtual}/`));
    if (root) throw refused(directory, `it is under ${root}, a virtual file system`);
  }
  const fileSystem = await statfs(existing).catch(() => undefined);
  if (fileSystem && VirtualFileSystems.has(Number(fileSystem.type))) {
    throw refused(directory, `it is on a virtual file system (type 0x${Number(fileSystem.type).toString(16)})`);
  }
  if (existing === target) {
    if (!(await stat(target)).isDirectory()) throw refused(directory, 'it exists and is not a folder');
    if ((await readdir(target)).length > 0) {
      throw new HttpApiError('ALREADY_EXISTS', `${directory} is not empty; export a snapshot into a new or empty folder so nothing is overwritten.`, { directory });
    }
  } else if (!(await stat(existing)).isDirectory()) {
    throw refused(directory, `${existing} is not a folder`);
  }
  return target;
}

/** The folder itself or its nearest ancestor that exists. */
async function nearestExisting(target: string): Promise<string> {
  let current = target;
  for (;;) {
    const found = await stat(current).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        if (error.code === 'ENOTDIR') throw refused(target, 'a part of its path is not a folder');
        throw refused(target, `${current} cannot be read (${error.code ?? error.message})`);
      },
    );
    if (found) return current;
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

function refused(directory: string, why: string): HttpApiError {
  return new HttpApiError('EXPORT_DESTINATION_REFUSED', `Cannot export a snapshot to ${directory}: ${why}. Choose a new or empty folder on a disk.`, { directory });
}
