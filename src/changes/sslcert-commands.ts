import { DefaultStoreName } from '../certs/store-name.js';
import { HttpApiError, isHttpApiError } from '../errors.js';
import { applyNetshChange } from '../httpsys/change-http-sys.js';
import { carriedOptions } from '../httpsys/carried-options.js';
import { sslcertDeleteArgv, sslcertSetArgv, type SslOptionInput } from '../httpsys/netsh-commands.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import type { MappingKind, SslMapping } from '../httpsys/ssl-mapping.js';
import { optionByParameter } from '../httpsys/ssl-options.js';
import { readApplicationHostConfig } from '../iis/read-application-host-config.js';
import { bindingsUsingMappings } from '../join/bindings-using-mappings.js';
import type { BindingRef } from '../join/join-model.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { checkCertificatePresent } from './certificate-presence.js';
import type { BindingChangeResult } from './change-result.js';
import { describe, findMapping } from './mapping-users.js';
import { certificateNamed, type CertificateNaming, type ChoiceInAnswer } from './named-certificate.js';
import { checkOptionsKnown, explainParameterError } from './option-era.js';
import { httpSysChangeRun, underChangeLock } from './run-change.js';

/** The direct mapping commands (sslcert/add, update, delete): each reads the mappings first and refuses before netsh runs. */
export interface SslcertRequest extends CertificateNaming {
  kind: MappingKind;
  key: string;
  appId?: string;
  certificateStoreName?: string;
  options?: SslOptionInput;
  allowUnmatchedOptions?: boolean;
  allowSharedMapping?: boolean;
  whatIf?: boolean;
}

interface Planned {
  argv: string[];
  description: string;
  affected?: BindingRef[];
  messages: string[];
  certificateChoice?: ChoiceInAnswer;
}

/**
 * Reads the mappings (under the configuration's change lock for a real run, as the binding
 * changes do), lets `plan` check and plan against them, then runs the one netsh command unless
 * `whatIf`. So a plan meets the refusals a run would meet (ALREADY_EXISTS, NOT_FOUND, ...).
 */
async function planOrRun(source: ResolvedSource, request: SslcertRequest, signal: AbortSignal | undefined, plan: (mappings: readonly SslMapping[]) => Promise<Planned>): Promise<BindingChangeResult> {
  refuseScopedCcs(request.kind);
  const run = httpSysChangeRun(source, signal);
  const work = async (notes: string[]): Promise<BindingChangeResult> => {
    const { mappings } = await readSslMappings(source.httpSys(), { signal });
    const unchecked = checkOptionsKnown(mappings, request.options ?? {});
    const { argv, description, affected, messages, certificateChoice } = await plan(mappings);
    if (unchecked) messages.push(unchecked);
    const result = { steps: [{ kind: 'netsh' as const, argv, description }], ...(affected ? { affected } : {}), ...(certificateChoice ? { certificateChoice } : {}) };
    if (request.whatIf) return { applied: false, ...result, messages: [...notes, ...messages] };
    signal?.throwIfAborted();
    const done = await applyNetshChange(source.httpSys(), argv).catch((error: unknown) => {
      throw explainParameterError(error, request.options ?? {});
    });
    return { applied: true, ...result, messages: [...notes, ...messages, ...(done.messages ?? [])] };
  };
  return request.whatIf ? work([]) : underChangeLock(run, work);
}

/** Microsoft's netsh documents scopedccs= only for `show sslcert`; add, update and delete take no such key. */
function refuseScopedCcs(kind: MappingKind): void {
  if (kind !== 'scopedccs') return;
  throw new HttpApiError(
    'INVALID_ARGUMENT',
    'kind: scopedccs mappings can only be shown: netsh http add/update/delete sslcert take ipport, hostnameport or ccs, not scopedccs (Microsoft\'s netsh syntax); nothing was changed.',
    { field: 'kind', value: kind },
  );
}

const label = (request: SslcertRequest) => `${request.kind} ${request.key}`;

function existingOrNotFound(mappings: readonly SslMapping[], request: SslcertRequest): SslMapping {
  const existing = findMapping(mappings, request);
  if (!existing) {
    throw new HttpApiError('NOT_FOUND', `There is no SSL certificate mapping ${label(request)} (netsh would fail with error 2); nothing was changed. Add it first (sslcert/add).`, { kind: request.kind, key: request.key });
  }
  return existing;
}

export function addMapping(source: ResolvedSource, request: SslcertRequest & { appId: string }, signal?: AbortSignal): Promise<BindingChangeResult> {
  return planOrRun(source, request, signal, async (mappings) => {
    const existing = findMapping(mappings, request);
    if (existing) {
      throw new HttpApiError(
        'ALREADY_EXISTS',
        `SSL certificate mapping ${existing.kind} ${existing.key} already exists (certificate ${existing.certificateHash ?? '(none)'}; netsh would fail with error 183); nothing was changed. Change it in place (sslcert/update), or delete it first.`,
        { kind: existing.kind, key: existing.key },
      );
    }
    const store = request.certificateStoreName ?? DefaultStoreName;
    const named = await certificateNamed(source.certificates, request, store);
    const messages = [...(named?.messages ?? [])];
    if (named) messages.push(await checkCertificatePresent(source.certificates, named, store));
    const argv = sslcertSetArgv('add', { ...request, certificateHash: named?.hash, certificateStoreName: named ? request.certificateStoreName : undefined });
    return { argv, description: `add mapping ${label(request)}${named ? ` for certificate ${named.hash} (store ${store})` : ''}`, messages, certificateChoice: named?.choice };
  });
}

/**
 * netsh's update replaces the whole record: a field not passed falls back to its default. So the
 * mapping is read first and its certificate, store, app id and every option are passed again,
 * with only the fields the request gives changed.
 */
export function updateMapping(source: ResolvedSource, request: SslcertRequest, signal?: AbortSignal): Promise<BindingChangeResult> {
  return planOrRun(source, request, signal, async (mappings) => {
    const existing = existingOrNotFound(mappings, request);
    const ccs = existing.kind === 'ccs' || existing.kind === 'scopedccs';
    const named = ccs ? null : await certificateNamed(source.certificates, request, request.certificateStoreName ?? existing.certificateStoreName ?? DefaultStoreName);
    const certificateHash = ccs ? undefined : (named?.hash ?? existing.certificateHash ?? undefined);
    if (!ccs && !certificateHash) {
      throw new HttpApiError('INVALID_ARGUMENT', `certificateHash: mapping ${label(request)} shows no readable certificate hash (${existing.certificateHashRaw ?? 'none'}), so it cannot be kept; give certificateHash.`, { field: 'certificateHash', key: request.key });
    }
    const appId = request.appId ?? existing.appId;
    if (!appId) {
      throw new HttpApiError('INVALID_ARGUMENT', `appId: mapping ${label(request)} shows no readable application id (${existing.appIdRaw ?? 'none'}), so it cannot be kept; give appId.`, { field: 'appId', key: request.key });
    }
    const certificateStoreName = ccs ? undefined : (request.certificateStoreName ?? existing.certificateStoreName ?? undefined);
    const options = { ...carriedOptions(existing, { allowUnmatchedOptions: request.allowUnmatchedOptions }), ...byParameter(request.options ?? {}) };
    const messages = [...(named?.messages ?? [])];
    if (certificateHash && (named || request.certificateStoreName)) messages.push(await checkCertificatePresent(source.certificates, certificateHash.toUpperCase(), certificateStoreName ?? DefaultStoreName));
    const changed = [named && 'certificate', request.certificateStoreName && 'store', request.appId && 'app id', ...Object.keys(request.options ?? {})].filter(Boolean);
    const argv = sslcertSetArgv('update', { kind: existing.kind, key: existing.key, certificateHash, appId, certificateStoreName, options });
    return { argv, description: `update mapping ${existing.kind} ${existing.key}: ${changed.length > 0 ? `${changed.join(', ')} changed` : 'nothing given to change'}; every other field kept`, messages, certificateChoice: named?.choice };
  });
}

/** Options as given (parameter or catalog name) keyed by netsh parameter, so they replace the carried value of the same option. */
function byParameter(options: SslOptionInput): SslOptionInput {
  return Object.fromEntries(Object.entries(options).map(([name, value]) => [optionByParameter(name)?.parameter ?? name, value]));
}

/**
 * A mapping that https bindings use (declared, or reached with or without SNI) takes their
 * certificate with it: deleting it needs allowSharedMapping, and the answer lists them either way.
 */
export function deleteMapping(source: ResolvedSource, request: SslcertRequest, signal?: AbortSignal): Promise<BindingChangeResult> {
  return planOrRun(source, request, signal, async (mappings) => {
    const existing = existingOrNotFound(mappings, request);
    const messages: string[] = [];
    let affected: BindingRef[] | undefined;
    try {
      affected = bindingsUsingMappings(await readApplicationHostConfig(source.config()), mappings, [existing]);
    } catch (error) {
      if (!isHttpApiError(error)) throw error;
      messages.push(`Bindings using the mapping were not checked: ${error.message}`);
    }
    if (affected && affected.length > 0 && !request.allowSharedMapping) {
      const names = describe(affected);
      throw new HttpApiError(
        'SHARED_MAPPING_NEEDS_ACK',
        `Mapping ${existing.kind} ${existing.key} serves ${affected.length} binding(s): ${names}. Deleting it leaves them without a certificate; nothing was changed. Pass allowSharedMapping (--allow-shared-mapping) to delete it anyway, or remove the bindings instead (bindings/remove), which keeps mappings others still need.`,
        { mapping: { kind: existing.kind, key: existing.key }, bindings: affected },
      );
    }
    return { argv: sslcertDeleteArgv(existing.kind, existing.key), description: `delete mapping ${existing.kind} ${existing.key} (certificate ${existing.certificateHash ?? 'from the Central Certificate Store'})`, affected, messages };
  });
}
