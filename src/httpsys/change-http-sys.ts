import { HttpApiError } from '../errors.js';
import type { HttpSysSource } from '../source/resolve-source.js';
import { netshRunError, runFailed } from './netsh-error.js';
import { runNetsh } from './run-netsh.js';

export interface NetshChangeResult {
  applied: boolean;
  steps: { kind: 'netsh'; argv: string[] }[];
  messages?: string[];
}

/** What a change would run, without running it (`whatIf`). */
export function planNetshChange(argv: string[]): NetshChangeResult {
  return { applied: false, steps: [{ kind: 'netsh', argv }] };
}

/**
 * Runs one netsh change through the source's netsh. A capture cannot be changed. A failure
 * becomes ALREADY_EXISTS (183), NOT_FOUND (2), NOT_ELEVATED (5) or NETSH_FAILED with the number.
 */
export async function applyNetshChange(source: HttpSysSource, argv: string[], options: { signal?: AbortSignal } = {}): Promise<NetshChangeResult> {
  if (source.kind !== 'netsh') {
    const files = [source.sslcertFile, source.urlaclFile].filter(Boolean).join(', ');
    throw new HttpApiError(
      'NO_SOURCE',
      `Cannot run netsh ${argv.join(' ')}: the http.sys source is a capture (${files}), which is read-only. Give --netsh PATH (or run on Windows without a snapshot) to change http.sys, or pass whatIf to see the plan.`,
      { argv },
    );
  }
  const run = await runNetsh(source.path, argv, options);
  const failed = runFailed(run);
  if (failed) throw netshRunError(run, failed);
  const messages = run.output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return { applied: true, steps: [{ kind: 'netsh', argv }], messages };
}

/**
 * The plan when `whatIf`, otherwise the change applied. The source is resolved either way (a plan
 * names the machine it is for: without one it is NO_SOURCE), but a plan never runs anything, so it
 * also works against a capture.
 */
export function planOrApplyNetshChange(argv: string[], options: { whatIf?: boolean; source: () => HttpSysSource; signal?: AbortSignal }): Promise<NetshChangeResult> {
  const source = options.source();
  if (options.whatIf) return Promise.resolve(planNetshChange(argv));
  return applyNetshChange(source, argv, { signal: options.signal });
}
