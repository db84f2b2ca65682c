import { HttpApiError } from '../errors.js';
import { environmentValue, type PlatformFacts } from './platform-facts.js';

/** The Windows programs the worker starts; nothing else is ever started by name. */
export type SystemExecutable = 'netsh.exe' | 'powershell.exe' | 'chcp.com' | 'reg.exe' | 'icacls.exe' | 'taskkill.exe';

const relativePaths: Readonly<Record<SystemExecutable, string>> = {
  'netsh.exe': 'netsh.exe',
  'powershell.exe': 'WindowsPowerShell\\v1.0\\powershell.exe',
  'chcp.com': 'chcp.com',
  'reg.exe': 'reg.exe',
  'icacls.exe': 'icacls.exe',
  'taskkill.exe': 'taskkill.exe',
};

/**
 * 32-bit Node on 64-bit Windows: the File System Redirector sends System32 to SysWOW64
 * (32-bit netsh, powershell, and a different inetsrv\config). Microsoft ("Running 32-bit
 * Applications", File System Redirector): "WOW64 sets PROCESSOR_ARCHITEW6432" for a 32-bit
 * process on a 64-bit system, and "32-bit applications can access the native system
 * directory by substituting %windir%\Sysnative for %windir%\System32".
 */
export function isWow64(facts: PlatformFacts): boolean {
  return facts.platform === 'win32' && facts.arch === 'ia32' && Boolean(environmentValue(facts.env, 'PROCESSOR_ARCHITEW6432'));
}

/**
 * %SystemRoot%, which Windows sets for every process. Refused unless it is an absolute
 * local path: a relative or missing value would make "the system folder" mean the current
 * folder, which is exactly the planted-executable problem this avoids.
 */
export function systemRoot(facts: PlatformFacts): string {
  const root = environmentValue(facts.env, 'SystemRoot') ?? environmentValue(facts.env, 'windir');
  if (!root || !/^[A-Za-z]:\\/.test(root)) {
    throw new HttpApiError(
      'SYSTEM_PATH_UNKNOWN',
      `Cannot tell where Windows is: SystemRoot is ${root === undefined ? 'not set' : `'${root}', not an absolute path like C:\\Windows`}. The worker starts netsh, PowerShell and chcp from the Windows folder only, never through PATH.`,
      { SystemRoot: root ?? null },
    );
  }
  return root.replace(/\\+$/, '');
}

/** The native System32 folder: `Sysnative` for a 32-bit worker on 64-bit Windows. */
export function nativeSystemFolder(facts: PlatformFacts): string {
  return `${systemRoot(facts)}\\${isWow64(facts) ? 'Sysnative' : 'System32'}`;
}

/** A system program's absolute path; never a bare name that PATH (current folder first) would resolve. */
export function systemExecutable(name: SystemExecutable, facts: PlatformFacts): string {
  return `${nativeSystemFolder(facts)}\\${relativePaths[name]}`;
}
