import { HttpApiError, type ErrorId } from '../errors.js';
import { parseNetshFailure, type NetshFailure } from './parse-netsh-failure.js';
import { describeCommand } from '../process/describe-command.js';
import type { NetshRun } from './run-netsh.js';

const idOfWin32Error: Readonly<Record<number, ErrorId>> = { 183: 'ALREADY_EXISTS', 2: 'NOT_FOUND', 5: 'NOT_ELEVATED' };

const advice: Readonly<Record<number, string>> = {
  2: 'Nothing with that key or URL exists.',
  5: 'Changing http.sys needs an elevated (administrator) process.',
  87: 'netsh rejected a parameter.',
  183: 'It already exists: change it in place (sslcert/update), or delete it first.',
  1312: 'The certificate\'s private key is missing or not accessible to http.sys.',
};

// URL reservations change with their own method (delete, then add, undone if the add fails).
const urlaclExists = 'It already exists: change its access list in place (urlacl/update), or delete it first (urlacl/delete).';

/** What a failed run said; undefined when it succeeded (netsh exits 1 on every failure, docs/netsh.md §1.7). */
export function runFailed(run: NetshRun): NetshFailure | undefined {
  return run.exitCode === 0 ? undefined : parseNetshFailure(run.output);
}

/**
 * The error for a failed netsh run: 183 ALREADY_EXISTS, 2 NOT_FOUND, 5 NOT_ELEVATED, anything
 * else NETSH_FAILED; data carries the Win32 number, the argv and what netsh printed.
 */
export function netshRunError(run: NetshRun, failure: NetshFailure = parseNetshFailure(run.output)): HttpApiError {
  const number = failure.win32Error;
  const id = (number !== null ? idOfWin32Error[number] : undefined) ?? 'NETSH_FAILED';
  const what = number === null ? `exit code ${run.exitCode}` : `Win32 error ${number}${failure.kind === 'usage' ? ', usage text' : ''}, exit code ${run.exitCode}`;
  const said = [failure.headline, failure.message !== failure.headline ? failure.message : ''].filter(Boolean).join(' / ');
  const hint = number !== null && advice[number] ? ` ${number === 183 && run.argv[2] === 'urlacl' ? urlaclExists : advice[number]}` : '';
  return new HttpApiError(id, `Command failed (${what}): ${describeCommand(run.netshPath, run.argv)}${said ? `: ${said}` : ''}${hint}`, {
    win32Error: number,
    argv: run.argv,
    exitCode: run.exitCode,
    netshMessage: failure.message,
    output: run.output.trim().slice(0, 4000),
  });
}
