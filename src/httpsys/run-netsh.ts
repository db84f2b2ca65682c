import { HttpApiError } from '../errors.js';
import { decodeConsoleOutput, readConsoleCodePage } from './decode-console-output.js';

/** One finished netsh run: what ran, how it ended, and its output decoded. */
export interface NetshRun {
  netshPath: string;
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout then stderr, the way a console would show them. */
  output: string;
  codePage: number | null;
}

/** `netsh http add sslcert ipport=...`: the command line as a person would type it, for messages. */
export function describeCommand(netshPath: string, argv: readonly string[]): string {
  return [netshPath, ...argv].map((arg) => (/[\s"]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg)).join(' ');
}

/**
 * Runs netsh with an argument array (never a shell: PowerShell and cmd mangle `appid={...}`),
 * hidden, capturing bytes that are decoded with the console code page. A non-zero exit is
 * returned, not thrown: the caller knows what the failure means. Throws NETSH_UNAVAILABLE when
 * the executable cannot be started or does not finish in time.
 */
export async function runNetsh(netshPath: string, argv: readonly string[], options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<NetshRun> {
  const codePage = await readConsoleCodePage();
  const command = describeCommand(netshPath, argv);
  // Loaded on first use: execa and its dependencies are a tenth of the worker's start-up,
  // and most runs (snapshots, every platform but Windows) never start netsh.
  const { execa } = await import('execa');
  const result = await execa(netshPath, [...argv], {
    shell: false,
    windowsHide: true,
    encoding: 'buffer',
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs ?? 60_000,
    cancelSignal: options.signal,
  });
  if (result.isCanceled) throw new Error(`${command} was cancelled`);
  if (result.timedOut) {
    throw new HttpApiError('NETSH_UNAVAILABLE', `Command timed out after ${options.timeoutMs ?? 60_000} ms: ${command}`, { argv: [...argv], netshPath });
  }
  if (result.exitCode === undefined) {
    const cause = (result.cause as NodeJS.ErrnoException | undefined) ?? undefined;
    const why = cause?.code === 'ENOENT' ? `${netshPath} does not exist or is not on the PATH` : cause?.code === 'EACCES' ? `${netshPath} is not executable` : (cause?.message ?? result.shortMessage);
    throw new HttpApiError('NETSH_UNAVAILABLE', `Command failed to start: ${command}: ${why}`, { argv: [...argv], netshPath, code: cause?.code ?? null }, { cause });
  }
  const stdout = decodeConsoleOutput(result.stdout, codePage);
  const stderr = decodeConsoleOutput(result.stderr, codePage);
  return { netshPath, argv: [...argv], exitCode: result.exitCode, stdout, stderr, output: stderr ? `${stdout}${stdout.endsWith('\n') || !stdout ? '' : '\n'}${stderr}` : stdout, codePage };
}
