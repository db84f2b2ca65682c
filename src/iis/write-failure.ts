import { stat } from 'node:fs/promises';
import { HttpApiError } from '../errors.js';

/** What the process knows about itself and the file when the file system refused a write. */
export interface WriteFailureFacts {
  platform: NodeJS.Platform;
  /** POSIX user id; null on Windows. */
  uid: number | null;
  /** Permission bits of the file being replaced, or null when it could not be stat'ed. */
  mode: number | null;
}

/**
 * Names the real reason a write was refused instead of always blaming elevation. Node reports
 * a read-only attribute on Windows and a missing write bit on POSIX as EPERM/EACCES, like a
 * missing right, so the file's bits tell them apart. On Linux, root gets EPERM only from an
 * immutable (`chattr +i`) or append-only file (inferred from chattr(1): "A file with the 'i'
 * attribute cannot be modified ... Only the superuser ... can set or clear this attribute");
 * root is never refused for a missing permission bit.
 */
export function writeFailed(file: string, error: unknown, facts: WriteFailureFacts, doing = 'writing'): HttpApiError {
  const code = (error as NodeJS.ErrnoException).code ?? null;
  const data = { file, code };
  const fail = (why: string, fix: string) => new HttpApiError('CONFIG_WRITE_FAILED', `Failed ${doing} ${file}: ${why}. ${fix}`, { ...data, cause: why });
  const readOnly = facts.mode !== null && (facts.mode & 0o222) === 0;
  switch (code) {
    case 'EROFS':
      return fail('the file system is mounted read-only', 'Remount it read-write or use a copy of the configuration elsewhere.');
    case 'ENOSPC':
    case 'EDQUOT':
      return fail(code === 'ENOSPC' ? 'the disk is full' : 'the disk quota is exhausted', 'Free some space on that volume and run the change again.');
    case 'EBUSY':
    case 'ETXTBSY':
      return fail('the file is locked by another process', 'Close the program holding it (IIS Manager, an editor, a backup or antivirus scan) and run the change again.');
    case 'EACCES':
    case 'EPERM':
      if (readOnly) {
        return fail(
          facts.platform === 'win32' ? 'the file has the read-only attribute' : 'the file is read-only (no write permission bits)',
          facts.platform === 'win32' ? 'Clear it (attrib -r) if the file is meant to change.' : 'Give it write permission (chmod u+w) if the file is meant to change.',
        );
      }
      if (facts.uid === 0 && code === 'EPERM' && facts.platform === 'linux') {
        return fail('the file or its folder is immutable or append-only (chattr +i / +a)', 'Check with lsattr and clear the flag with chattr -i if the file is meant to change.');
      }
      // Shared Configuration: a share's rights are the account's, which elevation does not change.
      if (facts.platform === 'win32' && /^[\\/]{2}[^\\/]/.test(file)) {
        return fail('the share refused the write', 'Give the account running the worker Modify rights on the share and its folder (elevation does not grant rights on a network share), or change the configuration where IIS keeps its master copy.');
      }
      return new HttpApiError('NOT_ELEVATED', `Failed ${doing} ${file}: permission denied. Changing the live IIS configuration needs an elevated (administrator) process.`, data);
    default:
      return new HttpApiError('CONFIG_WRITE_FAILED', `Failed ${doing} ${file}: ${(error as Error).message}.`, data);
  }
}

/** writeFailed with the facts of this process and of `file` as it is now; an HttpApiError passes through. */
export async function writeFailure(file: string, error: unknown, doing?: string): Promise<HttpApiError> {
  if (error instanceof HttpApiError) return error;
  const mode = await stat(file).then((stats) => stats.mode & 0o7777, () => null);
  return writeFailed(file, error, { platform: process.platform, uid: process.getuid?.() ?? null, mode }, doing);
}
