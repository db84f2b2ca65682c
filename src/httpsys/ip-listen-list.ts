import { isIP } from 'node:net';
import { describeCommand } from '../process/describe-command.js';
import type { HttpSysSource } from '../source/resolve-source.js';
import { netshRunError, runFailed } from './netsh-error.js';
import { runNetsh } from './run-netsh.js';

/** `netsh http show iplisten`. */
export const showIpListenArgv = ['http', 'show', 'iplisten'] as const;

/**
 * The addresses of http.sys's IP listen list. No capture of this output is in the corpus, so
 * the lines are read by shape (inferred): every line that is one IP address (brackets allowed)
 * is an entry, and the header, whatever its language, is not. Empty: http.sys listens on all.
 */
export function parseIpListenText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\[(.*)\]$/, '$1'))
    .filter((line) => isIP(line) !== 0);
}

/**
 * The listen list on a live machine; null when the source is a capture (a snapshot does not
 * record it) or netsh cannot say, so the caller probes from loopback and says so.
 */
export async function readIpListenList(source: HttpSysSource, options: { signal?: AbortSignal } = {}): Promise<{ addresses: string[] | null; note: string }> {
  if (source.kind !== 'netsh') return { addresses: null, note: 'the source does not record http.sys\'s IP listen list' };
  const command = describeCommand(source.path, showIpListenArgv);
  try {
    const run = await runNetsh(source.path, showIpListenArgv, options);
    const failed = runFailed(run);
    if (failed) throw netshRunError(run, failed);
    return { addresses: parseIpListenText(run.output), note: `read with ${command}` };
  } catch (error) {
    return { addresses: null, note: `${command} failed: ${(error as Error).message}` };
  }
}
