import { DefaultStoreName } from '../certs/store-name.js';
import { HttpApiError } from '../errors.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { configInvalid } from '../iis/config-error.js';
import { editBindingAttributesEdit } from '../iis/edit-binding-attributes.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { bindingKey, declaredTarget, findBinding, findSite, withSiteBindings } from './binding-lookup.js';
import { planMappingMove } from './binding-move.js';
import { findMapping } from './mapping-users.js';
import { certificateNamed } from './named-certificate.js';
import type { BindingChangeResult } from './change-result.js';
import { planReservations } from './iis-express-reservation.js';
import { planConfigEdit, readConfigForEdit } from './config-edit.js';
import { newBinding, refuseDuplicate } from './new-binding.js';
import { checkStepOptionsKnown } from './option-era.js';
import { runSteps, stepsOf, underChangeLock, type ChangeRun, type PlannedStep } from './run-change.js';

export interface BindingUpdate {
  site: string;
  /** The binding as it is now. */
  bindingInformation: string;
  address?: string;
  port?: number;
  host?: string;
  sslFlags?: number;
  /** Bits set and cleared on the binding's sslFlags as read under the change lock: a flag flipped without a read before it. */
  setSslFlags?: number;
  clearSslFlags?: number;
  certificateHash?: string;
  /** Instead of certificateHash: the host name to choose the certificate by (named-certificate.ts). */
  certificateSubject?: string;
  certificateStoreName?: string;
  allowSharedMapping?: boolean;
  allowUnmatchedOptions?: boolean;
  whatIf?: boolean;
}

const invalid = (field: string, message: string, value?: unknown) => new HttpApiError('INVALID_ARGUMENT', `${field}: ${message}`, { field, value });

/**
 * Changes an https binding's address, port, host or sslFlags in place: its `<binding>` line is
 * edited where it stands, and its mapping moves with it (binding-move.ts). Order: the new mapping
 * first (IIS never reads a binding whose mapping is missing), then the file, then the old
 * mapping's deletion; a failed step undoes those done, and the journal records the whole change.
 */
export async function updateBinding(source: ResolvedSource, request: BindingUpdate, signal?: AbortSignal): Promise<BindingChangeResult> {
  const run: ChangeRun = { source, signal, configFile: source.config().path };
  return request.whatIf ? update(run, request, []) : underChangeLock(run, (notes) => update(run, request, notes));
}

async function update(run: ChangeRun, request: BindingUpdate, notes: string[]): Promise<BindingChangeResult> {
  const { source, signal } = run;
  if ([request.address, request.port, request.host, request.sslFlags, request.setSslFlags, request.clearSslFlags].every((value) => value === undefined)) {
    throw invalid('address', 'give at least one of address, port, host or sslFlags (or setSslFlags, clearSslFlags) to change (the certificate alone: bindings/setCertificate)');
  }
  const bitwise = request.setSslFlags !== undefined ? 'setSslFlags' : request.clearSslFlags !== undefined ? 'clearSslFlags' : null;
  if (bitwise && request.sslFlags !== undefined) throw invalid(bitwise, `give sslFlags (the whole value) or ${bitwise}, not both`, request[bitwise]);
  const both = (request.setSslFlags ?? 0) & (request.clearSslFlags ?? 0);
  if (both !== 0) throw invalid('clearSslFlags', `bits ${both} are in setSslFlags too: a bit is set or cleared, not both`, request.clearSslFlags);
  const edit = await readConfigForEdit(source.config());
  const { config } = edit;
  const { site, index } = findSite(config, request.site);
  const { binding, index: bindingIndex } = findBinding(config, site, 'https', request.bindingInformation);
  const old = binding.endpoint;
  if (!old) throw invalid('bindingInformation', `binding https ${binding.bindingInformation} of site '${site.name}' cannot be read (${binding.problem ?? 'not IP:PORT:HOST'}); remove it and add it again`, binding.bindingInformation);
  // The bits apply to the value read here, under the change lock: nothing changed meanwhile is undone.
  const sslFlags = request.sslFlags ?? (bitwise ? (binding.sslFlags | (request.setSslFlags ?? 0)) & ~(request.clearSslFlags ?? 0) : undefined);
  const updated = newBinding({
    protocol: 'https',
    address: request.address ?? old.address,
    port: request.port ?? old.port,
    host: request.host ?? old.host,
    sslFlags: sslFlags ?? binding.sslFlags,
    certificateHash: request.certificateHash,
    certificateSubject: request.certificateSubject,
    certificateStoreName: request.certificateStoreName,
  });
  const moved = bindingKey('https', updated.bindingInformation) !== bindingKey('https', binding.bindingInformation);
  // Unmoved, the attribute keeps its own spelling (`*` or empty, IPv6 form, host case).
  const bindingInformation = moved ? updated.bindingInformation : binding.bindingInformation;
  const flagsChange = sslFlags !== undefined && sslFlags !== binding.sslFlags;
  const others = withSiteBindings(config, index, site.bindings.filter((_, at) => at !== bindingIndex));
  if (moved) refuseDuplicate(others, updated);
  const after = withSiteBindings(config, index, site.bindings.map((current, at) => (at === bindingIndex ? { ...current, ...updated, bindingInformation } : current)));

  const { mappings } = await readSslMappings(source.httpSys(), { signal });
  const self = { site: site.name, bindingInformation: binding.bindingInformation };
  const from = declaredTarget(old, binding.sslFlags);
  const to = declaredTarget(updated.endpoint, updated.sslFlags);
  // Chosen from the store the change will name (planMappingMove): the one given, else that of a
  // mapping already at the new key (it is updated in place), else the one the binding's mapping names now
  // (the moved mapping carries it); a mapping that names none is in MY.
  const existing = (to ? findMapping(mappings, to) : undefined) ?? (from ? findMapping(mappings, from) : undefined);
  const named = await certificateNamed(source.certificates, request, request.certificateStoreName ?? existing?.certificateStoreName ?? DefaultStoreName);
  const move = await planMappingMove(source, mappings, {
    from,
    to,
    certificateHash: named?.hash,
    certificateStoreName: request.certificateStoreName,
    allowSharedMapping: request.allowSharedMapping,
    allowUnmatchedOptions: request.allowUnmatchedOptions,
    ...(flagsChange ? { sslFlags } : {}),
    self,
    before: config,
    after,
  });

  const description = `update https binding ${binding.bindingInformation}${moved ? ` to ${bindingInformation}` : ''}${flagsChange ? ` (sslFlags ${binding.sslFlags} -> ${sslFlags})` : ''} of site '${site.name}'`;
  let planned;
  if (moved || flagsChange) {
    const element = edit.siteElements[index]!.children.filter((child) => child.name === 'bindings').flatMap((bindings) => bindings.children.filter((child) => child.name === 'binding'))[bindingIndex];
    const textEdit = element && editBindingAttributesEdit(edit.decoded.text, element, { bindingInformation, ...(flagsChange ? { sslFlags } : {}) });
    if (!textEdit) throw configInvalid(config.file, binding.line ?? 1, `has bindings in site '${site.name}' that the editor cannot find one by one (a <bindings> element it reads differently); nothing was changed`);
    planned = planConfigEdit(edit, textEdit, description);
  }
  const unchecked = checkStepOptionsKnown(mappings, [move.first]);
  const reservations = await planReservations(source, config, after, signal);
  const messages = [...notes, ...(named?.messages ?? []), ...move.messages, ...(unchecked ? [unchecked] : []), ...reservations.messages];
  const planSteps: PlannedStep[] = [
    ...(move.first ? [{ kind: 'netsh' as const, change: move.first }] : []),
    ...reservations.additions.map((addition) => ({ kind: 'netsh' as const, change: addition })),
    ...(planned ? [{ kind: 'config' as const, edit, planned }] : []),
    ...(move.last ? [{ kind: 'netsh' as const, change: move.last }] : []),
    ...reservations.deletions.map((deletion) => ({ kind: 'netsh' as const, change: deletion })),
  ];
  const steps = stepsOf(planSteps);
  const result = { steps, ...(move.affected ? { affected: move.affected } : {}), ...(named?.choice ? { certificateChoice: named.choice } : {}) };
  if (planSteps.length === 0) return { applied: !request.whatIf, ...result, messages: [...messages, `Binding https ${binding.bindingInformation} of site '${site.name}' already is so: nothing to do.`] };
  if (request.whatIf) return { applied: false, ...result, messages };

  const done = await runSteps(run, description, planSteps);
  return { applied: true, ...result, ...(done.backup ? { backup: done.backup } : {}), messages: [...messages, ...done.messages] };
}
