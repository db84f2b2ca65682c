import { environmentValue, type PlatformFacts } from '../process/platform-facts.js';
import { runProcessSync } from '../process/run-process.js';
import { systemExecutable } from '../process/system-executable.js';
import { parseRegQueryOutput } from './reg-query-output.js';

const UserShellFolders = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders';

/** `reg.exe query <User Shell Folders> /v Personal`: the Documents known folder as recorded, unexpanded. */
export function documentsFolderQueryArgv(): string[] {
  return ['query', UserShellFolders, '/v', 'Personal'];
}

/**
 * The Documents folder Windows records for the user (OneDrive Known Folder Move and Folder
 * Redirection change it here), read with reg.exe from the Windows folder; undefined when
 * reg.exe cannot tell, so the caller falls back to USERPROFILE\Documents.
 */
export function readDocumentsFolder(facts: PlatformFacts): string | undefined {
  try {
    const run = runProcessSync(systemExecutable('reg.exe', facts), documentsFolderQueryArgv(), { timeoutMs: 10_000 });
    return run.exitCode === 0 ? parseRegQueryValue(run.stdout.toString('utf8'), 'Personal') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The data of one string value in `reg query` output: `    Personal    REG_EXPAND_SZ    %USERPROFILE%\Documents`
 * (four-space separated columns; the value name and type are not translated); undefined when
 * the value is missing, empty or not a string.
 */
export function parseRegQueryValue(output: string, name: string): string | undefined {
  const value = parseRegQueryOutput(output).get(name.toLowerCase());
  if (value === undefined || (value.type !== 'REG_SZ' && value.type !== 'REG_EXPAND_SZ')) return undefined;
  return value.data.trim() || undefined;
}

/** `%USERPROFILE%\Documents` -> `C:\Users\ann\Documents`, as ExpandEnvironmentStrings does: unknown names stay as written. */
export function expandEnvironment(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/%([^%]+)%/g, (whole, name: string) => environmentValue(env, name) ?? whole);
}
