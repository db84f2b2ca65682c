import { readSslMappings } from '../httpsys/read-http-sys.js';
import { configInvalid } from '../iis/config-error.js';
import { removeElementEdit } from '../iis/edit-bindings.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { declaredTarget, findBinding, findSite, withSiteBindings } from './binding-lookup.js';
import type { BindingChangeResult } from './change-result.js';
import { planConfigEdit, readConfigForEdit } from './config-edit.js';
import type { MappingChange } from './mapping-change.js';
import { planReservations } from './iis-express-reservation.js';
import { deletionIfUnused, findMapping } from './mapping-users.js';
import { runSteps, stepsOf, underChangeLock, type ChangeRun, type PlannedStep } from './run-change.js';

export interface BindingRemoval {
  site: string;
  protocol: string;
  bindingInformation: string;
  whatIf?: boolean;
}

/**
 * Removes a binding. Its declared mapping goes too, but only when no binding left in the
 * configuration declares it or is served by it (the join decides, exactly as bindings/https
 * shows it), and only when it carries this server's application id: never every mapping
 * holding the same certificate (Jexus Manager's defect, docs/domain.md §8), never a
 * Central Certificate Store mapping (IIS's CCS feature owns it). The configuration is written
 * first, so IIS never reads a binding whose mapping is gone; if the mapping step then fails,
 * the file gets its original bytes back. The whole change, from the read on, holds the
 * configuration's change lock.
 */
export async function removeBinding(source: ResolvedSource, request: BindingRemoval, signal?: AbortSignal): Promise<BindingChangeResult> {
  const run: ChangeRun = { source, signal, configFile: source.config().path };
  return request.whatIf ? remove(run, request, []) : underChangeLock(run, (notes) => remove(run, request, notes));
}

async function remove(run: ChangeRun, request: BindingRemoval, notes: string[]): Promise<BindingChangeResult> {
  const { source, signal } = run;
  const edit = await readConfigForEdit(source.config());
  const { config } = edit;
  const { site, index } = findSite(config, request.site);
  const { binding, index: bindingIndex } = findBinding(config, site, request.protocol, request.bindingInformation);
  const element = edit.siteElements[index]!.children.filter((child) => child.name === 'bindings').flatMap((bindings) => bindings.children.filter((child) => child.name === 'binding'))[bindingIndex];
  const after = withSiteBindings(config, index, site.bindings.filter((_, at) => at !== bindingIndex));
  const messages = [...notes];

  let change: MappingChange | null = null;
  const target = binding.protocol.toLowerCase() === 'https' && binding.endpoint ? declaredTarget(binding.endpoint, binding.sslFlags) : null;
  if (target) {
    const { mappings } = await readSslMappings(source.httpSys(), { signal });
    const existing = findMapping(mappings, target);
    if (!existing) messages.push(`The binding's mapping ${target.kind} ${target.key} does not exist: no netsh step.`);
    else {
      const deletion = deletionIfUnused(after, mappings, existing);
      change = deletion.change;
      if (deletion.message) messages.push(deletion.message);
    }
  }

  if (!element) throw configInvalid(config.file, binding.line ?? 1, `has bindings in site '${site.name}' that the editor cannot find one by one (a <bindings> element it reads differently); nothing was changed`);
  const planned = planConfigEdit(edit, removeElementEdit(edit.decoded.text, element), `remove ${binding.protocol} binding ${binding.bindingInformation} from site '${site.name}'`);
  // The last binding that needed an IIS Express URL reservation takes it along, after the file no longer names it.
  const reservations = await planReservations(source, config, after, run.signal);
  messages.push(...reservations.messages);
  const planSteps: PlannedStep[] = [{ kind: 'config', edit, planned }, ...(change ? [{ kind: 'netsh' as const, change }] : []), ...reservations.deletions.map((deletion) => ({ kind: 'netsh' as const, change: deletion }))];
  const steps = stepsOf(planSteps);
  if (request.whatIf) return { applied: false, steps, messages };

  const done = await runSteps(run, planned.step.description, planSteps);
  return { applied: true, steps, backup: done.backup, messages: [...messages, ...done.messages] };
}
