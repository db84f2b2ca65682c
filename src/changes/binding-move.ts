import { DefaultStoreName } from '../certs/store-name.js';
import { withBindingFlags } from '../httpsys/binding-flag-options.js';
import { carriedOptions } from '../httpsys/carried-options.js';
import { sslcertDeleteArgv, sslcertSetArgv } from '../httpsys/netsh-commands.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { IisConfig } from '../iis/read-application-host-config.js';
import type { BindingRef, JoinMapping } from '../join/join-model.js';
import { indexKey } from '../join/mapping-index.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { appIdFor } from './binding-lookup.js';
import { checkCertificatePresent } from './certificate-presence.js';
import { certificateChange, flagOptionsChange, type MappingChange, type MappingTarget } from './mapping-change.js';
import { deletionIfUnused, findMapping, refuseSharedChange, usersAfter } from './mapping-users.js';

export interface MoveRequest {
  /** The mapping the binding declares now and will declare; null = none (SNI without a host). */
  from: MappingTarget | null;
  to: MappingTarget | null;
  certificateHash?: string;
  certificateStoreName?: string;
  allowSharedMapping?: boolean;
  allowUnmatchedOptions?: boolean;
  /** The binding's new sslFlags, when the change sets them: bits 4-64 become the mapping's disable* options. */
  sslFlags?: number;
  /** The binding as it is (for the shared-mapping check) and the configuration before and after the edit. */
  self: BindingRef;
  before: IisConfig;
  after: IisConfig;
}

export interface MovePlan {
  /** Runs before the configuration is written: the mapping the binding will declare. */
  first: MappingChange | null;
  /** Runs after it: the old mapping, once nothing uses it. */
  last: MappingChange | null;
  affected?: BindingRef[];
  messages: string[];
}

const isCcs = (target: MappingTarget | null) => target?.kind === 'ccs' || target?.kind === 'scopedccs';
const sameTarget = (a: MappingTarget | null, b: MappingTarget | null) => a !== null && b !== null && indexKey(a.kind, a.key) === indexKey(b.kind, b.key);

/**
 * What happens to http.sys when a binding changes its address, port, host or flags. The same
 * mapping key: it stays (or gets the new certificate). A new key: the binding's mapping is added
 * there with the old one's certificate, store, app id and options (update replaces whole records,
 * add starts from defaults, so nothing is left out), and the old one is deleted only when no
 * binding uses it any more and it is this server's (deletionIfUnused, as for a removed binding).
 */
export async function planMappingMove(source: ResolvedSource, mappings: readonly SslMapping[], request: MoveRequest): Promise<MovePlan> {
  const { from, to, before, after } = request;
  const messages: string[] = [];
  const appId = appIdFor(before);
  const given = request.certificateHash;

  if (sameTarget(from, to)) {
    if (isCcs(to)) return { first: null, last: null, messages: [`The certificate still comes from the Central Certificate Store (mapping ccs ${to!.key}).`] };
    const existing = findMapping(mappings, to!);
    if (given === undefined) {
      const flags = existing && request.sslFlags !== undefined ? flagOptionsChange(existing, request.sslFlags, request.allowUnmatchedOptions) : null;
      if (!flags) return { first: null, last: null, messages: [`Mapping ${to!.kind} ${to!.key} stays: the binding still declares it.`] };
      // http.sys enforces the mapping's options, not the configuration's flags: they move together.
      refuseSharedChange(before, mappings, to!, existing!, request.allowSharedMapping, request.self);
      return { first: flags, last: null, messages: [`Mapping ${to!.kind} ${to!.key} stays; its options follow the binding's new sslFlags.`] };
    }
    const change = certificateChange(existing, to!, { certificateHash: given, certificateStoreName: request.certificateStoreName, appId, allowUnmatchedOptions: request.allowUnmatchedOptions, sslFlags: request.sslFlags });
    if (!change) return { first: null, last: null, messages: [`Mapping ${to!.kind} ${to!.key} stays and already serves certificate ${given.toUpperCase()}.`] };
    if (change.action === 'update') refuseSharedChange(before, mappings, to!, existing!, request.allowSharedMapping, request.self);
    messages.push(await checkCertificatePresent(source.certificates, given.toUpperCase(), request.certificateStoreName ?? existing?.certificateStoreName ?? DefaultStoreName));
    return { first: change, last: null, affected: usersAfter(after, mappings, to!, given, request.certificateStoreName), messages };
  }

  const old = from && !isCcs(from) ? findMapping(mappings, from) : undefined;
  if (from && !isCcs(from) && !old) messages.push(`The binding's mapping ${from.kind} ${from.key} does not exist: there is nothing to carry.`);
  let first: MappingChange | null = null;
  let added: JoinMapping | null = null;
  let affected: BindingRef[] | undefined;
  /** An existing mapping that only takes the new flags: its certificate is not checked or changed. */
  let flagsOnly = false;
  if (isCcs(to)) messages.push(`The certificate now comes from the Central Certificate Store (mapping ccs ${to!.key}), by the file named after the host.`);
  else if (to) {
    const existing = findMapping(mappings, to);
    const hash = (given ?? old?.certificateHash ?? undefined)?.toUpperCase();
    if (existing && given === undefined) {
      const differs = old && existing.certificateHash !== old.certificateHash ? `, not ${old.certificateHash} as before` : '';
      messages.push(`Mapping ${existing.kind} ${existing.key} exists already: the binding is served by it (certificate ${existing.certificateHash ?? '(none)'}${differs}).`);
      // Its certificate stays, but http.sys enforces its options: they follow the flags the change
      // sets, as on a mapping the binding keeps.
      const flags = request.sslFlags === undefined ? null : flagOptionsChange(existing, request.sslFlags, request.allowUnmatchedOptions);
      if (flags) {
        refuseSharedChange(before, mappings, to, existing, request.allowSharedMapping, null);
        first = flags;
        flagsOnly = true;
        messages.push(`Its options follow the binding's new sslFlags.`);
      }
    } else if (existing) {
      first = certificateChange(existing, to, { certificateHash: given!, certificateStoreName: request.certificateStoreName, appId, allowUnmatchedOptions: request.allowUnmatchedOptions, sslFlags: request.sslFlags });
      if (first?.action === 'update') refuseSharedChange(before, mappings, to, existing, request.allowSharedMapping, null);
    } else if (hash) {
      const store = request.certificateStoreName ?? old?.certificateStoreName ?? DefaultStoreName;
      const carriedAppId = old?.appId ?? appId;
      const options = movedOptions(old, request);
      first = {
        action: 'add',
        target: to,
        argv: sslcertSetArgv('add', { kind: to.kind, key: to.key, certificateHash: hash, appId: carriedAppId, certificateStoreName: store, options }),
        options,
        undo: sslcertDeleteArgv(to.kind, to.key),
        before: null,
        after: { certificateHash: hash },
        description: `add mapping ${to.kind} ${to.key} for certificate ${hash} (store ${store})${old ? `, app id and options carried from ${old.kind} ${old.key}` : ''}`,
      };
      added = { kind: to.kind, key: to.key, certificateHash: hash, appId: carriedAppId, certificateStoreName: store };
    } else {
      messages.push(`No certificate to carry and none given: the binding is served by mapping ${to.kind} ${to.key} if http.sys gets one (bindings/setCertificate).`);
    }
    if (first && hash && !flagsOnly) {
      messages.push(await checkCertificatePresent(source.certificates, hash, request.certificateStoreName ?? existing?.certificateStoreName ?? old?.certificateStoreName ?? DefaultStoreName));
      affected = usersAfter(after, mappings, to, hash, request.certificateStoreName ?? old?.certificateStoreName ?? undefined);
    }
  }

  let last: MappingChange | null = null;
  if (old) {
    const deletion = deletionIfUnused(after, [...mappings, ...(added ? [added] : [])], old);
    last = deletion.change;
    if (deletion.message) messages.push(deletion.message);
  }
  return { first, last, ...(affected ? { affected } : {}), messages };
}

/** The old mapping's options, with the disable* ones the binding's new sslFlags ask for over them. */
function movedOptions(old: SslMapping | undefined, request: MoveRequest) {
  const carried = old ? carriedOptions(old, { allowUnmatchedOptions: request.allowUnmatchedOptions }) : {};
  return withBindingFlags(carried, request.sslFlags).options;
}
