import { HttpApiError } from '../errors.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { IisConfig } from '../iis/read-application-host-config.js';
import { bindingsUsingMappings } from '../join/bindings-using-mappings.js';
import type { BindingRef, JoinMapping } from '../join/join-model.js';
import { indexKey } from '../join/mapping-index.js';
import { OtherOwners } from '../join/well-known-app-ids.js';
import { appIdFor } from './binding-lookup.js';
import { mappingDeletion, type MappingChange, type MappingTarget } from './mapping-change.js';

/** The mapping at the target's key (host names and IPv6 spellings compared as http.sys does). */
export function findMapping(mappings: readonly SslMapping[], target: MappingTarget): SslMapping | undefined {
  const wanted = indexKey(target.kind, target.key);
  return mappings.find((mapping) => indexKey(mapping.kind, mapping.key) === wanted);
}

/** Bindings as a message names them: `site (bindingInformation)`, comma-separated. */
export const describe = (bindings: readonly BindingRef[]) => bindings.map((binding) => `${binding.site} (${binding.bindingInformation})`).join(', ');

/**
 * The deletion of a mapping a binding no longer declares, or why it stays: while a binding of
 * the configuration as it will be (`after`, joined with `mappings`) declares it or is served by
 * it; when the Central Certificate Store feature of IIS owns it; when it carries another
 * application id than this server's (another program's mapping, or one nobody can tell).
 * Never by certificate: deleting every mapping of the same certificate is Jexus Manager's
 * defect (docs/domain.md §8).
 */
export function deletionIfUnused(after: IisConfig, mappings: readonly JoinMapping[], existing: SslMapping): { change: MappingChange | null; message?: string } {
  const users = bindingsUsingMappings(after, mappings, [existing]);
  const appId = appIdFor(after);
  if (users.length > 0) return { change: null, message: `Mapping ${existing.kind} ${existing.key} is kept: it still serves ${describe(users)}.` };
  if (existing.kind === 'ccs' || existing.kind === 'scopedccs') return { change: null, message: `Mapping ${existing.kind} ${existing.key} is kept: the Central Certificate Store feature of IIS owns it.` };
  if (existing.appId !== appId) {
    const owner = existing.appId ? (OtherOwners.get(existing.appId) ?? `application id ${existing.appId}`) : 'an unreadable application id';
    return { change: null, message: `Mapping ${existing.kind} ${existing.key} is kept: it belongs to ${owner}, not to ${appId}. Delete it with sslcert/delete if it is no longer needed.` };
  }
  return { change: mappingDeletion(existing) };
}

/**
 * A mapping that serves other bindings changes for them too (docs/domain.md §6, §8), and one that
 * another program made (SSTP, AD FS, WinRM... by its application id) changes for that program:
 * either needs allowSharedMapping, and the refusal names every one of them.
 */
export function refuseSharedChange(config: IisConfig, mappings: readonly SslMapping[], target: MappingTarget, existing: SslMapping, allow: boolean | undefined, self: BindingRef | null): BindingRef[] {
  const others = bindingsUsingMappings(config, mappings, [target]).filter((binding) => !self || binding.site !== self.site || binding.bindingInformation !== self.bindingInformation);
  const owner = existing.appId && existing.appId !== appIdFor(config) ? OtherOwners.get(existing.appId) : undefined;
  if ((others.length > 0 || owner) && !allow) {
    const users = [...(others.length > 0 ? [`${others.length} other binding(s): ${describe(others)}`] : []), ...(owner ? [`${owner} (application id ${existing.appId})`] : [])];
    throw new HttpApiError(
      'SHARED_MAPPING_NEEDS_ACK',
      `Mapping ${existing.kind} ${existing.key} serves certificate ${existing.certificateHash ?? '(none)'} to ${users.join(' and to ')}. Changing its certificate changes it for all of them; nothing was changed. Pass allowSharedMapping (--allow-shared-mapping) to do it anyway, or give each site an SNI binding (sslFlags=1) with its own mapping.`,
      { mapping: { kind: existing.kind, key: existing.key }, bindings: others, ...(owner ? { owner, appId: existing.appId } : {}) },
    );
  }
  return others;
}

/** Who the target mapping serves once it holds the certificate, in the configuration as it will be. */
export function usersAfter(config: IisConfig, mappings: readonly SslMapping[], target: MappingTarget, certificateHash: string, certificateStoreName: string | undefined): BindingRef[] {
  const wanted = indexKey(target.kind, target.key);
  const kept: JoinMapping[] = mappings.filter((mapping) => indexKey(mapping.kind, mapping.key) !== wanted);
  const existing = findMapping(mappings, target);
  kept.push({ kind: target.kind, key: target.key, certificateHash: certificateHash.toUpperCase(), appId: existing?.appId ?? null, certificateStoreName: certificateStoreName ?? existing?.certificateStoreName ?? null });
  return bindingsUsingMappings(config, kept, [target]);
}
