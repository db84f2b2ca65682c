import { DefaultStoreName } from '../certs/store-name.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { insertBindingEdit } from '../iis/edit-bindings.js';
import { SslFlag } from '../join/resolve-binding.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { appIdFor, declaredTarget, findSite, withSiteBindings } from './binding-lookup.js';
import { checkCertificatePresent } from './certificate-presence.js';
import type { BindingChangeResult } from './change-result.js';
import { planConfigEdit, readConfigForEdit } from './config-edit.js';
import { certificateChange, type MappingChange } from './mapping-change.js';
import { planReservations } from './iis-express-reservation.js';
import { findMapping, refuseSharedChange, usersAfter } from './mapping-users.js';
import { certificateNamed, type NamedCertificate } from './named-certificate.js';
import { newBinding, refuseDuplicate, type BindingRequest } from './new-binding.js';
import { checkStepOptionsKnown } from './option-era.js';
import { runSteps, stepsOf, underChangeLock, type ChangeRun, type PlannedStep } from './run-change.js';

export interface BindingAddition extends BindingRequest {
  site: string;
  allowSharedMapping?: boolean;
  allowUnmatchedOptions?: boolean;
  whatIf?: boolean;
}

/**
 * Adds a binding; an https binding with a certificate gets the mapping it declares in the
 * same change (SNI: hostname:port; IP: ip:port or 0.0.0.0:port; CCS: none, the store serves
 * it). The mapping goes first, so IIS never reads a binding whose mapping is missing; if the
 * configuration then cannot be written, the mapping step is undone. The whole change, from
 * the read on, holds the configuration's change lock.
 */
export async function addBinding(source: ResolvedSource, request: BindingAddition, signal?: AbortSignal): Promise<BindingChangeResult> {
  const run: ChangeRun = { source, signal, configFile: source.config().path };
  return request.whatIf ? add(run, request, []) : underChangeLock(run, (notes) => add(run, request, notes));
}

async function add(run: ChangeRun, request: BindingAddition, notes: string[]): Promise<BindingChangeResult> {
  const { source, signal } = run;
  const edit = await readConfigForEdit(source.config());
  const { config } = edit;
  const { site, index } = findSite(config, request.site);
  const binding = newBinding(request);
  refuseDuplicate(config, binding);
  const after = withSiteBindings(config, index, [...site.bindings, binding]);
  const messages = [...notes];
  const target = request.protocol === 'https' ? declaredTarget(binding.endpoint, binding.sslFlags) : null;

  let change: MappingChange | null = null;
  let affected;
  let named: NamedCertificate | null = null;
  if (request.protocol === 'https' && request.certificateHash === undefined && request.certificateSubject === undefined) {
    messages.push(
      binding.sslFlags & SslFlag.CentralCertStore
        ? `The certificate comes from the Central Certificate Store (mapping ccs ${binding.endpoint.port}), by the file named after the host.`
        : `No certificateHash given: the binding is served by mapping ${target!.kind} ${target!.key} if http.sys has one (see bindings/https); give it one with bindings/setCertificate.`,
    );
  } else if (target) {
    const { mappings } = await readSslMappings(source.httpSys(), { signal });
    const existing = findMapping(mappings, target);
    const store = request.certificateStoreName ?? existing?.certificateStoreName ?? DefaultStoreName;
    named = await certificateNamed(source.certificates, request, store);
    const hash = named!.hash;
    messages.push(...named!.messages);
    change = certificateChange(existing, target, { certificateHash: hash, certificateStoreName: request.certificateStoreName, appId: appIdFor(config), allowUnmatchedOptions: request.allowUnmatchedOptions, sslFlags: binding.sslFlags });
    if (change?.action === 'update') refuseSharedChange(config, mappings, target, existing!, request.allowSharedMapping, null);
    const unchecked = checkStepOptionsKnown(mappings, [change]);
    if (unchecked) messages.push(unchecked);
    if (change) {
      messages.push(await checkCertificatePresent(source.certificates, named!, store));
      affected = usersAfter(after, mappings, target, hash, request.certificateStoreName);
    } else {
      messages.push(`Mapping ${existing!.kind} ${existing!.key} already serves certificate ${hash} from store ${existing!.certificateStoreName ?? DefaultStoreName}: no netsh step.`);
    }
  }

  const planned = planConfigEdit(
    edit,
    insertBindingEdit(edit.decoded.text, edit.siteElements[index]!, { protocol: binding.protocol, bindingInformation: binding.bindingInformation, sslFlags: binding.writtenSslFlags }),
    `add ${binding.protocol} binding ${binding.bindingInformation} to site '${site.name}'`,
  );
  // IIS Express listens beyond localhost only on a reserved URL: reserved before the file names the binding.
  const reservations = await planReservations(source, config, after, signal);
  messages.push(...reservations.messages);
  const planSteps: PlannedStep[] = [...(change ? [{ kind: 'netsh' as const, change }] : []), ...reservations.additions.map((addition) => ({ kind: 'netsh' as const, change: addition })), { kind: 'config', edit, planned }];
  const steps = stepsOf(planSteps);
  const result = { steps, ...(affected ? { affected } : {}), ...(named?.choice ? { certificateChoice: named.choice } : {}) };
  if (request.whatIf) return { applied: false, ...result, messages };

  const done = await runSteps(run, planned.step.description, planSteps);
  return { applied: true, ...result, backup: done.backup, messages: [...messages, ...done.messages] };
}
