import { carriedOptions } from '../httpsys/carried-options.js';
import { HttpApiError } from '../errors.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { sslcertSetArgv } from '../httpsys/netsh-commands.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import type { MappingChange } from './mapping-change.js';
import { runSteps, underChangeLock, type ChangeRun } from './run-change.js';

export interface CertificateReplacement {
  oldHash: string;
  newHash: string;
  /** Store of the new certificate; by default each mapping keeps the store it names. */
  certificateStoreName?: string;
  /** Update mappings whose option lines are not recognised anyway (those options are reset). */
  allowUnmatchedOptions?: boolean;
  whatIf?: boolean;
}

export interface ReplacementResult {
  applied: boolean;
  steps: { kind: 'netsh'; argv: string[]; description: string }[];
  mappings: { kind: SslMapping['kind']; key: string }[];
  /** The mappings as read before the change, for listing the bindings affected. */
  before: SslMapping[];
  messages: string[];
}

/**
 * Renewal: every mapping that serves the old certificate gets the new one, in one change.
 * `update sslcert` replaces the whole record, so each mapping's app id, store and options are
 * carried over explicitly. If one update fails, every one already made is put back. The
 * mappings are read under the configuration's change lock when the source has a
 * configuration (the journal sits beside it); `check` refuses before anything changes.
 */
export async function replaceCertificate(source: ResolvedSource, request: CertificateReplacement, check: (mappings: readonly SslMapping[]) => Promise<string[]>, signal?: AbortSignal): Promise<ReplacementResult> {
  const run: ChangeRun = { source, signal, configFile: configFileOf(source) };
  const work = async (notes: string[]): Promise<ReplacementResult> => {
    const { mappings } = await readSslMappings(source.httpSys(), { signal });
    const messages = [...notes, ...(await check(mappings))];
    const changes = planReplacement(mappings, request);
    const steps = changes.map(({ argv, description }) => ({ kind: 'netsh' as const, argv, description }));
    const result = { steps, mappings: changes.map(({ target }) => target), before: [...mappings] };
    if (request.whatIf) return { applied: false, ...result, messages };
    const done = await runSteps(run, `replace certificate ${request.oldHash.toUpperCase()} with ${request.newHash.toUpperCase()} in ${changes.length} mapping(s)`, changes.map((change) => ({ kind: 'netsh', change })));
    return { applied: true, ...result, messages: [...messages, ...done.messages] };
  };
  return request.whatIf ? work([]) : underChangeLock(run, work);
}

function configFileOf(source: ResolvedSource): string | null {
  try {
    return source.config().path;
  } catch {
    // No configuration (only netsh given): nothing to anchor a lock or journal to.
    return null;
  }
}

export function planReplacement(mappings: readonly SslMapping[], request: CertificateReplacement): MappingChange[] {
  const oldHash = request.oldHash.toUpperCase();
  const newHash = request.newHash.toUpperCase();
  const using = mappings.filter((mapping) => mapping.certificateHash === oldHash);
  if (using.length === 0) {
    throw new HttpApiError('NOT_FOUND', `No http.sys mapping uses certificate ${oldHash}; nothing to replace.`, { oldHash });
  }
  return using.map((mapping) => ({
    action: 'update',
    target: { kind: mapping.kind, key: mapping.key },
    argv: updateArgv(mapping, newHash, request.certificateStoreName ?? mapping.certificateStoreName ?? undefined, { allowUnmatchedOptions: request.allowUnmatchedOptions }),
    undo: updateArgv(mapping, oldHash, mapping.certificateStoreName ?? undefined, { lenient: true }),
    before: { certificateHash: oldHash },
    after: { certificateHash: newHash },
    description: `${mapping.kind} ${mapping.key}: ${oldHash} -> ${newHash}`,
  }));
}

function updateArgv(mapping: SslMapping, hash: string, certificateStoreName: string | undefined, acknowledgement: Parameters<typeof carriedOptions>[1]): string[] {
  if (!mapping.appId) {
    throw new HttpApiError('INVALID_ARGUMENT', `Mapping ${mapping.kind} ${mapping.key} shows no readable application id, so it cannot be updated without losing it.`, { key: mapping.key });
  }
  return sslcertSetArgv('update', { kind: mapping.kind, key: mapping.key, certificateHash: hash, appId: mapping.appId, certificateStoreName, options: carriedOptions(mapping, acknowledgement) });
}
