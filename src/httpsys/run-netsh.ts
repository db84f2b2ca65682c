import { HttpApiError } from '../errors.js';
import { describeCommand } from '../process/describe-command.js';
import { ProcessFailure, runProcess } from '../process/run-process.js';
import { decodeConsoleOutput, readConsoleCodePage } from './decode-console-output.js';
import { netshCommandTokens } from './netsh-command-line.js';

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

/**
 * Runs netsh with an argument array through the one process runner (never a shell:
 * PowerShell and cmd mangle `appid={...}`), capturing bytes that are decoded with the
 * console code page. A non-zero exit is returned, not thrown: the caller knows what the
 * failure means. Throws NETSH_UNAVAILABLE when the executable cannot be started or does not
 * finish in time.
 */
export async function runNetsh(netshPath: string, argv: readonly string[], options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<NetshRun> {
  const codePage = await readConsoleCodePage();
  const timeoutMs = options.timeoutMs ?? 60_000;
  let run;
  try {
    run = await runProcess(netshPath, argv, { timeoutMs, signal: options.signal, windowsTokens: netshCommandTokens });
  } catch (error) {
    if (!(error instanceof ProcessFailure)) throw error;
    if (error.reason === 'cancelled') throw new Error(`${describeCommand(netshPath, argv)} was cancelled`);
    if (error.reason === 'timed-out') throw new HttpApiError('NETSH_UNAVAILABLE', `Command timed out after ${timeoutMs} ms: ${error.command}`, { argv: [...argv], netshPath });
    const why = error.code === 'ENOENT' ? `${netshPath} does not exist` : error.code === 'EACCES' ? `${netshPath} is not executable` : error.message;
    throw new HttpApiError('NETSH_UNAVAILABLE', `Command failed to start: ${error.command}: ${why}`, { argv: [...argv], netshPath, code: error.code }, { cause: error });
  }
  const stdout = decodeConsoleOutput(run.stdout, codePage);
  const stderr = decodeConsoleOutput(run.stderr, codePage);
  return { netshPath, argv: [...argv], exitCode: run.exitCode, stdout, stderr, output: stderr ? `${stdout}${stdout.endsWith('\n') || !stdout ? '' : '\n'}${stderr}` : stdout, codePage };
}
