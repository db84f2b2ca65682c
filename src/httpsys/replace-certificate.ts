import { carriedOptions } from './carried-options.js';
import { HttpApiError, isHttpApiError } from '../errors.js';
import type { HttpSysSource } from '../source/resolve-source.js';
import { applyNetshChange } from './change-http-sys.js';
import { sslcertSetArgv } from './netsh-commands.js';
import type { SslMapping } from './ssl-mapping.js';

export interface CertificateReplacement {
  oldHash: string;
  newHash: string;
  /** Store of the new certificate; by default each mapping keeps the store it names. */
  certificateStoreName?: string;
  /** Update mappings whose option lines are not recognised anyway (those options are reset). */
  allowUnmatchedOptions?: boolean;
  whatIf?: boolean;
  signal?: AbortSignal;
}

export interface ReplacementResult {
  applied: boolean;
  steps: { kind: 'netsh'; argv: string[]; description: string }[];
  mappings: { kind: SslMapping['kind']; key: string }[];
  messages: string[];
}

/**
 * Renewal: every mapping that serves the old certificate gets the new one, in one change.
 * `update sslcert` replaces the whole record, so each mapping's app id, store and options are
 * carried over explicitly. If one update fails, the ones already made are put back.
 */
export async function replaceCertificate(source: HttpSysSource, mappings: readonly SslMapping[], request: CertificateReplacement): Promise<ReplacementResult> {
  const oldHash = request.oldHash.toUpperCase();
  const using = mappings.filter((mapping) => mapping.certificateHash === oldHash);
  if (using.length === 0) {
    throw new HttpApiError('NOT_FOUND', `No http.sys mapping uses certificate ${oldHash}; nothing to replace.`, { oldHash });
  }
  const forward = using.map((mapping) => ({
    mapping,
    argv: updateArgv(mapping, request.newHash, request.certificateStoreName ?? mapping.certificateStoreName ?? undefined, { allowUnmatchedOptions: request.allowUnmatchedOptions }),
    back: updateArgv(mapping, oldHash, mapping.certificateStoreName ?? undefined, { lenient: true }),
  }));
  const steps = forward.map(({ mapping, argv }) => ({ kind: 'netsh' as const, argv, description: `${mapping.kind} ${mapping.key}: ${oldHash} -> ${request.newHash.toUpperCase()}` }));
  const result = { steps, mappings: using.map(({ kind, key }) => ({ kind, key })) };
  if (request.whatIf) return { applied: false, ...result, messages: [] };

  const messages: string[] = [];
  const done: typeof forward = [];
  for (const step of forward) {
    try {
      messages.push(...(await applyNetshChange(source, step.argv, { signal: request.signal })).messages ?? []);
      done.push(step);
    } catch (error) {
      throw await rollBack(source, done, step, error);
    }
  }
  return { applied: true, ...result, messages };
}

function updateArgv(mapping: SslMapping, hash: string, certificateStoreName: string | undefined, acknowledgement: Parameters<typeof carriedOptions>[1]): string[] {
  if (!mapping.appId) {
    throw new HttpApiError('INVALID_ARGUMENT', `Mapping ${mapping.kind} ${mapping.key} shows no readable application id, so it cannot be updated without losing it.`, { key: mapping.key });
  }
  return sslcertSetArgv('update', { kind: mapping.kind, key: mapping.key, certificateHash: hash, appId: mapping.appId, certificateStoreName, options: carriedOptions(mapping, acknowledgement) });
}

interface Step {
  mapping: SslMapping;
  argv: string[];
  back: string[];
}

async function rollBack(source: HttpSysSource, done: Step[], failed: Step, error: unknown): Promise<HttpApiError> {
  const undone: string[] = [];
  const stuck: string[] = [];
  for (const step of [...done].reverse()) {
    try {
      await applyNetshChange(source, step.back);
      undone.push(step.mapping.key);
    } catch {
      stuck.push(step.mapping.key);
    }
  }
  const cause = error instanceof Error ? error.message : String(error);
  const state = stuck.length === 0 ? `${undone.length} mapping(s) already changed were put back (${undone.join(', ') || 'none'})` : `putting back ${stuck.join(', ')} FAILED too: those mappings now serve the new certificate`;
  return new HttpApiError(
    'CHANGE_ROLLED_BACK',
    `Replacing the certificate failed at mapping ${failed.mapping.kind} ${failed.mapping.key}: ${cause}; ${state}.`,
    { failedKey: failed.mapping.key, failedArgv: failed.argv, undone, stuck, cause: isHttpApiError(error) ? { id: error.id, ...error.data } : cause },
  );
}
