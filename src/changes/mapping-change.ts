import { optionsForSslFlags, withBindingFlags } from '../httpsys/binding-flag-options.js';
import { carriedOptions } from '../httpsys/carried-options.js';
import { DefaultStoreName, sameStore } from '../certs/store-name.js';
import { HttpApiError } from '../errors.js';
import { sslcertDeleteArgv, sslcertSetArgv, type SslOptionInput } from '../httpsys/netsh-commands.js';
import type { MappingKind, SslMapping } from '../httpsys/ssl-mapping.js';

export interface MappingTarget {
  kind: MappingKind;
  key: string;
}

/** One netsh step of a binding change, with the step that undoes it. */
export interface MappingChange {
  action: 'add' | 'update' | 'delete';
  target: MappingTarget;
  argv: string[];
  /** The options argv gives netsh (an add or update): each must be one this netsh knows (option-era.ts). */
  options?: SslOptionInput;
  undo: string[];
  description: string;
  /** The certificate the mapping serves before and after the step; null = no mapping. Lets recovery see whether the step ran. */
  before: { certificateHash: string | null } | null;
  after: { certificateHash: string | null } | null;
}

export interface CertificateRequest {
  certificateHash: string;
  /** Where the certificate is; by default MY for a new mapping, the mapping's own store for an existing one. */
  certificateStoreName?: string;
  /** For a new mapping: IIS's or IIS Express's application id. */
  appId: string;
  /** Update anyway when option lines are not recognised (they are reset); see carried-options.ts. */
  allowUnmatchedOptions?: boolean;
  /**
   * The sslFlags of the binding the mapping is for: its bits 4-64 become the mapping's
   * disablehttp2, disableocspstapling, disablequic, disabletls13 and disablelegacytls options
   * (binding-flag-options.ts), since http.sys enforces the mapping's, not the configuration's.
   */
  sslFlags?: number;
}

/** Whether the mapping already serves this certificate from this store (null store = MY). */
export function servesCertificate(mapping: SslMapping, hash: string, store: string | undefined): boolean {
  return mapping.certificateHash === hash.toUpperCase() && (store === undefined || sameStore(store, mapping.certificateStoreName ?? DefaultStoreName));
}

/**
 * What makes the mapping at `target` serve the certificate: `add` when there is none,
 * `update` when it serves another one (its app id and options carried over: update replaces
 * the whole record); when it serves this one already, only the update its options need to
 * follow the binding's sslFlags (flagOptionsChange), or nothing.
 */
export function certificateChange(existing: SslMapping | undefined, target: MappingTarget, request: CertificateRequest): MappingChange | null {
  const hash = request.certificateHash.toUpperCase();
  if (!existing) {
    const store = request.certificateStoreName ?? DefaultStoreName;
    const options = optionsForSslFlags(request.sslFlags ?? 0);
    return {
      action: 'add',
      target,
      argv: sslcertSetArgv('add', { kind: target.kind, key: target.key, certificateHash: hash, appId: request.appId, certificateStoreName: store, options }),
      options,
      undo: sslcertDeleteArgv(target.kind, target.key),
      before: null,
      after: { certificateHash: hash },
      description: `add mapping ${target.kind} ${target.key} for certificate ${hash} (store ${store})${describeOptions(options)}`,
    };
  }
  // The certificate stays, but the binding's new sslFlags still have to reach the mapping: http.sys enforces its options.
  if (servesCertificate(existing, hash, request.certificateStoreName)) return request.sslFlags === undefined ? null : flagOptionsChange(existing, request.sslFlags, request.allowUnmatchedOptions);
  if (existing.certificateHash === null) {
    throw new HttpApiError('INVALID_ARGUMENT', `Mapping ${existing.kind} ${existing.key} shows no readable certificate hash (${existing.certificateHashRaw ?? 'none'}), so it could not be put back if the change failed; change it with sslcert/update.`, { key: existing.key });
  }
  const store = request.certificateStoreName ?? existing.certificateStoreName ?? undefined;
  const carried = carriedOptions(existing, { allowUnmatchedOptions: request.allowUnmatchedOptions });
  const { options, changed } = withBindingFlags(carried, request.sslFlags);
  const description = `update mapping ${existing.kind} ${existing.key}: certificate ${existing.certificateHash} -> ${hash}${store ? ` (store ${store})` : ''}, app id and options kept${describeOptions(changed, ' except')}`;
  return mappingUpdate(existing, existing.certificateHash, { certificateHash: hash, store, options }, carried, description);
}

/**
 * Makes an existing mapping's disable* options follow the binding's sslFlags 4-64 (the
 * certificate, store, app id and other options kept: update replaces the whole record);
 * null when they already do. The undo puts the options back as they were.
 */
export function flagOptionsChange(existing: SslMapping, sslFlags: number, allowUnmatchedOptions?: boolean): MappingChange | null {
  if (existing.kind === 'ccs' || existing.kind === 'scopedccs') return null;
  const carried = carriedOptions(existing, { allowUnmatchedOptions });
  const { options, changed } = withBindingFlags(carried, sslFlags);
  if (Object.keys(changed).length === 0) return null;
  if (existing.certificateHash === null) {
    throw new HttpApiError('INVALID_ARGUMENT', `Mapping ${existing.kind} ${existing.key} shows no readable certificate hash (${existing.certificateHashRaw ?? 'none'}), so its options cannot follow the binding's sslFlags without losing it; change it with sslcert/update.`, { key: existing.key });
  }
  const description = `update mapping ${existing.kind} ${existing.key}: certificate, store, app id and other options kept${describeOptions(changed, ', set')}`;
  return mappingUpdate(existing, existing.certificateHash, { certificateHash: existing.certificateHash, store: existing.certificateStoreName ?? undefined, options }, carried, description);
}

/**
 * `update sslcert` of an existing mapping (update replaces the whole record, so its app id goes
 * along) to this certificate, store and options; the undo puts its own back, with its options as
 * carried before the change.
 */
function mappingUpdate(existing: SslMapping, existingHash: string, to: { certificateHash: string; store: string | undefined; options: SslOptionInput }, carried: SslOptionInput, description: string): MappingChange {
  const appId = appIdOf(existing, 'updated');
  const record = { kind: existing.kind, key: existing.key, appId };
  return {
    action: 'update',
    target: { kind: existing.kind, key: existing.key },
    argv: sslcertSetArgv('update', { ...record, certificateHash: to.certificateHash, certificateStoreName: to.store, options: to.options }),
    options: to.options,
    undo: sslcertSetArgv('update', { ...record, certificateHash: existingHash, certificateStoreName: existing.certificateStoreName ?? undefined, options: carried }),
    before: { certificateHash: existingHash },
    after: { certificateHash: to.certificateHash },
    description,
  };
}

/** Deleting a mapping; the undo adds it back as it was (certificate, store, app id, options). */
export function mappingDeletion(existing: SslMapping): MappingChange {
  const ccs = existing.kind === 'ccs' || existing.kind === 'scopedccs';
  if (!ccs && existing.certificateHash === null) {
    throw new HttpApiError('INVALID_ARGUMENT', `Mapping ${existing.kind} ${existing.key} shows no readable certificate hash, so it could not be put back if the change failed; delete it with sslcert/delete.`, { key: existing.key });
  }
  return {
    action: 'delete',
    target: { kind: existing.kind, key: existing.key },
    argv: sslcertDeleteArgv(existing.kind, existing.key),
    undo: sslcertSetArgv('add', {
      kind: existing.kind,
      key: existing.key,
      certificateHash: existing.certificateHash ?? undefined,
      appId: appIdOf(existing, 'deleted'),
      certificateStoreName: existing.certificateStoreName ?? undefined,
      options: carriedOptions(existing, { lenient: true }),
    }),
    before: { certificateHash: existing.certificateHash },
    after: null,
    description: `delete mapping ${existing.kind} ${existing.key} (certificate ${existing.certificateHash ?? 'from the Central Certificate Store'})`,
  };
}

/** The options a step sets for the binding's sslFlags, for its description. */
function describeOptions(options: Record<string, unknown>, lead = ' with'): string {
  const entries = Object.entries(options);
  return entries.length === 0 ? '' : `${lead} ${entries.map(([name, value]) => `${name}=${value ? 'enable' : 'disable'}`).join(', ')} (the binding's sslFlags)`;
}

function appIdOf(mapping: SslMapping, verb: string): string {
  if (mapping.appId) return mapping.appId;
  throw new HttpApiError('INVALID_ARGUMENT', `Mapping ${mapping.kind} ${mapping.key} shows no readable application id, so it cannot be ${verb} without losing it.`, { key: mapping.key });
}
