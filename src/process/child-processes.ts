import { spawn, type ChildProcess } from 'node:child_process';
import { systemExecutable } from './system-executable.js';
import { currentPlatformFacts, type PlatformFacts } from './platform-facts.js';

/**
 * Starts a program from an argument array (never a shell), hidden, and makes sure it does not
 * outlive the worker.
 *
 * Windows: libuv puts every child that is not detached into one job object created with
 * JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, "so windows will kill it when the parent process dies"
 * (libuv src/win/process.c, uv__init_global_job_handle and uv_spawn, as vendored in
 * nodejs/node deps/uv). That holds however the worker ends, TerminateProcess included, because
 * the kernel closes the job handle. The same job has JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK, so
 * the child's own children are not in it; killTree covers those with taskkill /T on a timeout.
 *
 * POSIX (where netsh is the test double): the child leads a process group of its own, so a
 * timeout kills the group, and the worker kills every live group when it exits or is asked
 * to stop (SIGTERM, SIGINT, SIGHUP). A SIGKILL of the worker runs no code: its children are
 * then left to finish on their own (inferred acceptable: the double exits as soon as it has
 * printed, and a waiting PowerShell stand-in ends when its stdin closes with the worker).
 */
export function startChild(file: string, argv: readonly string[], options: StartOptions): ChildProcess {
  const facts = options.facts ?? currentPlatformFacts();
  const posix = facts.platform !== 'win32';
  // A program that parses its own command line gets the tokens it documents, joined as they are.
  const verbatim = !posix && options.windowsTokens ? options.windowsTokens(argv) : undefined;
  const child = spawn(file, verbatim ?? [...argv], {
    shell: false,
    windowsHide: true,
    ...(verbatim ? { windowsVerbatimArguments: true, argv0: /[ \t]/.test(file) ? `"${file}"` : file } : {}),
    // detached on Windows would take the child out of libuv's job object; on POSIX it only makes a process group.
    detached: posix,
    env: options.env ?? process.env,
    stdio: [options.stdin, 'pipe', 'pipe'],
  });
  if (posix && child.pid !== undefined) track(child);
  return child;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  stdin: 'pipe' | 'ignore';
  facts?: PlatformFacts;
  /**
   * Windows only: the command-line tokens exactly as the program documents them, joined with
   * spaces and passed verbatim instead of libuv's quoting (see netsh-command-line.ts).
   */
  windowsTokens?: (argv: readonly string[]) => string[];
}

/** `taskkill /PID <pid> /T /F`: the child and everything it started. */
export function taskkillArgv(pid: number): string[] {
  return ['/PID', String(pid), '/T', '/F'];
}

/** Ends a child and its descendants now. */
export function killTree(child: ChildProcess, facts: PlatformFacts = currentPlatformFacts()): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (facts.platform === 'win32') {
    spawn(systemExecutable('taskkill.exe', facts), taskkillArgv(child.pid), { shell: false, windowsHide: true, stdio: 'ignore' }).on('error', () => child.kill());
    child.kill();
    return;
  }
  killGroup(child);
}

const live = new Set<ChildProcess>();
let hooked = false;

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', killAll);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      // Alone, we keep the signal's usual meaning (end the worker); others listening decide themselves.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
}

function killAll(): void {
  for (const child of live) killGroup(child);
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
