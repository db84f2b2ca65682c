import { DefaultStoreName, storeName } from '../certs/store-name.js';
import { carriedOptions } from '../httpsys/carried-options.js';
import { HttpApiError } from '../errors.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { sslcertSetArgv } from '../httpsys/netsh-commands.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import type { MappingChange } from './mapping-change.js';
import { certificateNamed, type ChoiceInAnswer, type NamedCertificate } from './named-certificate.js';
import { httpSysChangeRun, runSteps, underChangeLock } from './run-change.js';

export interface CertificateReplacement {
  oldHash: string;
  newHash?: string;
  /** Instead of newHash: the host name to choose the new certificate by, in the mappings' store. */
  certificateSubject?: string;
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
  certificateChoice?: ChoiceInAnswer;
}

/**
 * Renewal: every mapping that serves the old certificate gets the new one, in one change.
 * `update sslcert` replaces the whole record, so each mapping's app id, store and options are
 * carried over explicitly. If one update fails, every one already made is put back. The
 * mappings are read under the configuration's change lock when the source has a
 * configuration (the journal sits beside it); `check` refuses before anything changes.
 */
export async function replaceCertificate(source: ResolvedSource, request: CertificateReplacement, check: (mappings: readonly SslMapping[], newHash: string) => Promise<string[]>, signal?: AbortSignal): Promise<ReplacementResult> {
  const run = httpSysChangeRun(source, signal);
  const work = async (notes: string[]): Promise<ReplacementResult> => {
    const { mappings } = await readSslMappings(source.httpSys(), { signal });
    const named = await newCertificate(source, mappingsUsing(mappings, request.oldHash), request);
    const messages = [...notes, ...named.messages, ...(await check(mappings, named.hash))];
    const changes = planReplacement(mappings, { ...request, newHash: named.hash });
    const steps = changes.map(({ argv, description }) => ({ kind: 'netsh' as const, argv, description }));
    const result = { steps, mappings: changes.map(({ target }) => target), before: [...mappings], ...(named.choice ? { certificateChoice: named.choice } : {}) };
    if (request.whatIf) return { applied: false, ...result, messages };
    const done = await runSteps(run, `replace certificate ${request.oldHash.toUpperCase()} with ${named.hash} in ${changes.length} mapping(s)`, changes.map((change) => ({ kind: 'netsh', change })));
    return { applied: true, ...result, messages: [...messages, ...done.messages] };
  };
  return request.whatIf ? work([]) : underChangeLock(run, work);
}

function mappingsUsing(mappings: readonly SslMapping[], hash: string): SslMapping[] {
  const oldHash = hash.toUpperCase();
  const using = mappings.filter((mapping) => mapping.certificateHash === oldHash);
  if (using.length === 0) {
    throw new HttpApiError('NOT_FOUND', `No http.sys mapping uses certificate ${oldHash}; nothing to replace.`, { oldHash });
  }
  return using;
}

/**
 * The new certificate: newHash, or the one certificateSubject chooses from the store the
 * mappings will name. One choice serves every mapping, so mappings in several stores need
 * certificateStoreName; a choice that falls on the old certificate itself replaces nothing.
 */
async function newCertificate(source: ResolvedSource, using: readonly SslMapping[], request: CertificateReplacement): Promise<NamedCertificate> {
  const stores = [...new Set(using.map((mapping) => storeName(mapping.certificateStoreName ?? DefaultStoreName)))];
  if (request.certificateSubject !== undefined && request.certificateStoreName === undefined && stores.length > 1) {
    throw new HttpApiError('INVALID_ARGUMENT', `certificateStoreName: the mappings that use ${request.oldHash.toUpperCase()} name the stores ${stores.join(', ')}; give the store to choose the certificate for ${request.certificateSubject} from.`, { field: 'certificateStoreName', stores });
  }
  const named = await certificateNamed(source.certificates, request.newHash !== undefined ? { certificateHash: request.newHash } : request, request.certificateStoreName ?? stores[0]!);
  if (!named) throw new HttpApiError('INVALID_ARGUMENT', 'newHash: give newHash or certificateSubject.', { field: 'newHash' });
  if (named.choice && named.hash === request.oldHash.toUpperCase()) {
    throw new HttpApiError('INVALID_ARGUMENT', `certificateSubject: the certificate chosen for ${request.certificateSubject} is ${named.hash}, the one being replaced: no newer certificate qualifies; nothing was changed. ${named.messages.join(' ')}`, {
      field: 'certificateSubject',
      certificateChoice: named.choice,
    });
  }
  return named;
}

export function planReplacement(mappings: readonly SslMapping[], request: CertificateReplacement & { newHash: string }): MappingChange[] {
  const oldHash = request.oldHash.toUpperCase();
  const newHash = request.newHash.toUpperCase();
  return mappingsUsing(mappings, oldHash).map((mapping) => ({
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
