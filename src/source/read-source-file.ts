import { closeSync, constants, fstatSync, openSync, readSync, statSync, statfsSync, type Stats } from 'node:fs';
import { open, stat, statfs, type FileHandle } from 'node:fs/promises';

/** What a file named by a source is read as; each kind has its own size limit. */
export type SourceFileKind = 'configuration' | 'capture' | 'certificate';

/**
 * The largest file of each kind read (README "Limits"). The largest real applicationHost.config
 * we have seen is a few MB (a generated 10,000-site one is about 6 MB), netsh output is a few
 * hundred bytes per mapping, and a certificate or key file is a few KB.
 */
export const SourceFileLimits: Readonly<Record<SourceFileKind, number>> = {
  configuration: 64 * 1024 * 1024,
  capture: 64 * 1024 * 1024,
  certificate: 1024 * 1024,
};

/** How long an asynchronous read may take before the request stops waiting for it. */
export const SourceReadTimeoutMs = 10_000;

/** Why a path is not read, in words for the error message, with a stable code. */
export class SourceFileRefused extends Error {
  constructor(
    readonly code: 'NOT_A_FILE' | 'VIRTUAL_FILE_SYSTEM' | 'TOO_LARGE' | 'TIMED_OUT' | 'EISDIR',
    readonly why: string,
  ) {
    super(why);
    this.name = 'SourceFileRefused';
  }
}

export interface SourceFile {
  bytes: Buffer;
  /** fstat of the handle the bytes came from, taken after reading them. */
  stats: Stats;
  /** The size or modification time moved while the file was read. */
  changedWhileRead: boolean;
}

/**
 * Reads a file named by a source, refusing anything that is not a regular file before opening
 * it (a FIFO's open waits for a writer, a device never ends, /proc files lie about their size),
 * opening without blocking in case it was swapped meanwhile, and reading at most the kind's
 * limit within SourceReadTimeoutMs.
 */
export async function readSourceFile(file: string, kind: SourceFileKind, timeoutMs = SourceReadTimeoutMs): Promise<SourceFile> {
  checkRegular(await stat(file), kind);
  if (process.platform === 'linux') checkFileSystem((await statfs(file)).type);
  const handle = await open(file, constants.O_RDONLY | nonBlocking);
  let settled: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SourceFileRefused('TIMED_OUT', `reading it took longer than ${timeoutMs / 1000} s (a hung network share or device?)`)), timeoutMs);
  });
  try {
    const reading = readHandle(handle, kind);
    settled = reading.catch(() => {});
    return await Promise.race([reading, deadline]);
  } finally {
    clearTimeout(timer);
    // A read still pending past the deadline keeps the handle until it returns.
    void settled.then(() => handle.close().catch(() => {}));
  }
}

/** Same as readSourceFile without the time limit, for callers that read many small files in one go. */
export function readSourceFileSync(file: string, kind: SourceFileKind): SourceFile {
  checkRegular(statSync(file), kind);
  if (process.platform === 'linux') checkFileSystem(statfsSync(file).type);
  const fd = openSync(file, constants.O_RDONLY | nonBlocking);
  try {
    const before = fstatSync(fd);
    checkRegular(before, kind);
    const chunks: Buffer[] = [];
    for (let length = 0; ; ) {
      const chunk = nextChunk(kind, before.size, length);
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) return finish(chunks, length, before, fstatSync(fd));
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
  } finally {
    closeSync(fd);
  }
}

/** The reason for a failed read in words, whether refused here or by the operating system. */
export function whyUnreadable(error: unknown): { code: string | null; why: string } {
  if (error instanceof SourceFileRefused) return { code: error.code, why: error.why };
  const code = (error as NodeJS.ErrnoException).code ?? null;
  const why =
    code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
  return { code, why };
}

// Windows has no O_NONBLOCK (and no FIFOs that open() would wait on).
const nonBlocking = constants.O_NONBLOCK ?? 0;

async function readHandle(handle: FileHandle, kind: SourceFileKind): Promise<SourceFile> {
  const before = await handle.stat();
  checkRegular(before, kind);
  const chunks: Buffer[] = [];
  for (let length = 0; ; ) {
    const chunk = nextChunk(kind, before.size, length);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return finish(chunks, length, before, await handle.stat());
    chunks.push(chunk.subarray(0, bytesRead));
    length += bytesRead;
  }
}

/**
 * A buffer for the next read: the rest of the size stat gave (only a hint: the file may grow)
 * plus one byte, so that reaching the end costs one more read; never more than one byte past
 * the limit, which tells a file of exactly the limit from a larger one.
 */
function nextChunk(kind: SourceFileKind, size: number, length: number): Buffer {
  const room = SourceFileLimits[kind] + 1 - length;
  if (room <= 0) throw tooLarge(kind, length, false);
  return Buffer.allocUnsafe(Math.min(room, Math.max(size + 1 - length, 64 * 1024)));
}

function finish(chunks: Buffer[], length: number, before: Stats, after: Stats): SourceFile {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
  return { bytes, stats: after, changedWhileRead: before.mtimeMs !== after.mtimeMs || length !== after.size };
}

function checkRegular(stats: Stats, kind: SourceFileKind): void {
  if (stats.isDirectory()) throw new SourceFileRefused('EISDIR', 'it is a folder, not a file');
  if (!stats.isFile()) {
    const type = stats.isFIFO()
      ? 'a named pipe (FIFO), which would make the read wait for a writer'
      : stats.isCharacterDevice()
        ? 'a character device (such as /dev/zero), which may never end'
        : stats.isBlockDevice()
          ? 'a block device'
          : stats.isSocket()
            ? 'a socket'
            : 'not a regular file';
    throw new SourceFileRefused('NOT_A_FILE', `it is ${type}; only regular files are read`);
  }
  if (stats.size > SourceFileLimits[kind]) throw tooLarge(kind, stats.size, true);
}

/** Linux file systems whose files the kernel makes up on reading (statfs(2) magic numbers). */
const VirtualFileSystems = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
  [0x62656570, 'configfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x1cd1, 'devpts'],
]);

function checkFileSystem(type: number | bigint): void {
  const name = VirtualFileSystems.get(Number(type));
  if (name) throw new SourceFileRefused('VIRTUAL_FILE_SYSTEM', `it is on the ${name} file system, whose files the kernel makes up as they are read; only regular files on disk are read`);
}

function tooLarge(kind: SourceFileKind, size: number, exact: boolean): SourceFileRefused {
  return new SourceFileRefused('TOO_LARGE', `it has ${exact ? '' : 'at least '}${size} bytes, more than the ${SourceFileLimits[kind]} bytes a ${kind} file may have`);
}
