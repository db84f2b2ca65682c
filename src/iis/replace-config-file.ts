import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import { currentPlatformFacts, type PlatformFacts } from '../process/platform-facts.js';
import { runProcess } from '../process/run-process.js';
import { systemExecutable } from '../process/system-executable.js';

/** What replacing needs from the machine; tests inject failures and a clock. */
export interface ReplaceIo {
  facts: PlatformFacts;
  rename(from: string, to: string): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Runs icacls.exe; resolves with its exit code and output. */
  icacls(argv: string[]): Promise<{ exitCode: number; output: string }>;
}

/**
 * How long a held file is waited for. Antivirus, backup agents and IIS itself open
 * applicationHost.config without delete sharing for moments at a time, and MoveFileEx fails
 * meanwhile; graceful-fs retries renames on Windows for up to 60 s for this reason. 30 s is
 * our choice (inferred: long enough for a scan, short enough for a person waiting).
 */
export const ReplaceRetryBudgetMs = 30_000;

export const machineReplaceIo = (): ReplaceIo => ({
  facts: currentPlatformFacts(),
  rename,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
  icacls: async (argv) => {
    const facts = currentPlatformFacts();
    const run = await runProcess(systemExecutable('icacls.exe', facts), argv, { timeoutMs: 60_000, facts });
    return { exitCode: run.exitCode, output: `${run.stdout.toString('latin1')}${run.stderr.toString('latin1')}`.trim() };
  },
});

/**
 * Puts `temp` in the place of `file`. On Windows: a read-only file is refused as such; the
 * file's access control list is copied onto `temp` before the rename (a renamed file keeps its
 * own ACL, which is the folder's inherited one, and would drop explicit entries such as the
 * Modify granted for Web Deploy or WMSVC delegation); a rename that fails because the file is
 * held is retried with backoff for up to 30 s, then reported as CONFIG_WRITE_FAILED "in use".
 */
export async function replaceConfigFile(temp: string, file: string, io: ReplaceIo = machineReplaceIo()): Promise<void> {
  if (io.facts.platform !== 'win32') return io.rename(temp, file);
  await refuseReadOnly(file);
  await copyAccessControl(file, temp, io);
  await renameWhileHeld(temp, file, io);
}

async function refuseReadOnly(file: string): Promise<void> {
  // Node on Windows reports the read-only attribute as the absence of write bits.
  const { mode } = await stat(file);
  if ((mode & 0o200) === 0) {
    throw new HttpApiError('CONFIG_WRITE_FAILED', `${file} has the read-only attribute, so it is not replaced; nothing was written. Clear the attribute (attrib -r) if the file is meant to be changed.`, { file, reason: 'read-only' });
  }
}

/** `icacls <file> /save <aclfile>` and `icacls <folder> /restore <aclfile>`: the exact arguments. */
export function saveAclArgv(file: string, aclFile: string): string[] {
  return [file, '/save', aclFile, '/q'];
}

export function restoreAclArgv(folder: string, aclFile: string): string[] {
  return [folder, '/restore', aclFile, '/q'];
}

/**
 * icacls saves a DACL as two UTF-16LE lines, the file's name and its SDDL, and restores it
 * onto the file of that name in the folder given; the name is changed to the temporary
 * file's so the ACL is in place before the new file appears. The owner is not carried
 * (icacls /save stores the DACL only): the new file belongs to the elevated account writing it
 * (inferred acceptable, unverified on Windows).
 */
async function copyAccessControl(file: string, temp: string, io: ReplaceIo): Promise<void> {
  const aclFile = `${temp}.acl`;
  const refuse = (step: string, output: string) =>
    new HttpApiError('CONFIG_WRITE_FAILED', `Could not ${step} the access control list of ${file} (icacls: ${output || 'no output'}), so the new file would lose its permissions; nothing was written.`, { file, reason: 'acl' });
  try {
    const saved = await io.icacls(saveAclArgv(file, aclFile));
    if (saved.exitCode !== 0) throw refuse('save', saved.output);
    const lines = (await readFile(aclFile)).toString('utf16le').replace(/^\uFEFF/, '').split(/\r\n/);
    if (lines.length < 2 || !lines[1]) throw refuse('read', 'the saved list is empty');
    lines[0] = path.win32.basename(temp);
    await writeFile(aclFile, Buffer.from(lines.join('\r\n'), 'utf16le'));
    const restored = await io.icacls(restoreAclArgv(path.win32.dirname(file), aclFile));
    if (restored.exitCode !== 0) throw refuse('copy', restored.output);
  } finally {
    await unlink(aclFile).catch(() => undefined);
  }
}

/** Backoff 50 ms, doubling to at most 2 s, while the budget lasts. */
async function renameWhileHeld(temp: string, file: string, io: ReplaceIo): Promise<void> {
  const start = io.now();
  for (let attempt = 0, delay = 50; ; attempt++, delay = Math.min(delay * 2, 2000)) {
    try {
      return await io.rename(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY') throw error;
      const waited = io.now() - start;
      if (waited + delay > ReplaceRetryBudgetMs) {
        throw new HttpApiError(
          'CONFIG_WRITE_FAILED',
          `Could not replace ${file}: it stayed in use by another program (antivirus, a backup agent, IIS) for ${Math.round(waited / 1000)} s over ${attempt + 1} attempts (${code}); the original is unchanged. Try again when the program lets go of it.`,
          { file, code, reason: 'in-use', attempts: attempt + 1 },
        );
      }
      await io.sleep(delay);
    }
  }
}
