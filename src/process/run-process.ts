import { spawnSync } from 'node:child_process';
import { killTree, startChild, type StartOptions } from './child-processes.js';
import { describeCommand } from './describe-command.js';
import type { PlatformFacts } from './platform-facts.js';

/** A finished run: what ran and how it ended. A non-zero exit is a result, not a failure. */
export interface ProcessRun {
  file: string;
  argv: string[];
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

export interface RunOptions {
  /** The whole environment of the child; the worker's own when omitted. */
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
  facts?: PlatformFacts;
  windowsTokens?: StartOptions['windowsTokens'];
}

/** Why a program did not run to its end; `command` is what ran, as a person would type it. */
export class ProcessFailure extends Error {
  constructor(
    readonly reason: 'not-started' | 'timed-out' | 'cancelled',
    readonly command: string,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ProcessFailure';
  }
}

/** Runs a program to its end with an argument array, hidden, within a time limit; see startChild. */
export function runProcess(file: string, argv: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const command = describeCommand(file, argv);
  if (options.signal?.aborted) return Promise.reject(new ProcessFailure('cancelled', command, null, `${command} was cancelled`));
  return new Promise((resolve, reject) => {
    const child = startChild(file, argv, { env: options.env, stdin: 'ignore', facts: options.facts, windowsTokens: options.windowsTokens });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    let failure: ProcessFailure | undefined;
    const stop = (reason: 'timed-out' | 'cancelled', message: string) => {
      failure ??= new ProcessFailure(reason, command, null, message);
      killTree(child, options.facts);
    };
    const timer = setTimeout(() => stop('timed-out', `${command} did not finish within ${options.timeoutMs} ms and was ended`), options.timeoutMs);
    const onAbort = () => stop('cancelled', `${command} was cancelled`);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const first = !settled;
      settled = true;
      return first;
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (!settle()) return;
      const why = error.code === 'ENOENT' ? 'there is no such program' : error.code === 'EACCES' ? 'it is not executable' : error.message;
      reject(new ProcessFailure('not-started', command, error.code ?? null, `Could not start ${command}: ${why}`));
    });
    child.once('close', (exitCode, signal) => {
      if (!settle()) return;
      if (failure) return reject(failure);
      if (exitCode === null) return reject(new ProcessFailure('not-started', command, signal, `${command} was ended by ${signal}`));
      resolve({ file, argv: [...argv], exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    });
  });
}

/**
 * The same rules for the one synchronous caller (locating the IIS Express file, a synchronous
 * decision): argument array, no shell, hidden, time limit. It starts no tree (reg.exe).
 */
export function runProcessSync(file: string, argv: readonly string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): ProcessRun {
  const command = describeCommand(file, argv);
  const result = spawnSync(file, [...argv], { shell: false, windowsHide: true, timeout: options.timeoutMs, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const error = result.error as NodeJS.ErrnoException | undefined;
  if (error?.code === 'ETIMEDOUT') throw new ProcessFailure('timed-out', command, null, `${command} did not finish within ${options.timeoutMs} ms and was ended`);
  if (error || result.status === null) throw new ProcessFailure('not-started', command, error?.code ?? null, `Could not run ${command}: ${error?.message ?? `ended by ${result.signal}`}`);
  return { file, argv: [...argv], exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}
