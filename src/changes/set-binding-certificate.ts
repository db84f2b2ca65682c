import { DefaultStoreName } from '../certs/store-name.js';
import { HttpApiError } from '../errors.js';
import { readApplicationHostConfig } from '../iis/read-application-host-config.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { SslFlag } from '../join/resolve-binding.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { appIdFor, declaredTarget, findBinding, findSite } from './binding-lookup.js';
import { checkCertificatePresent } from './certificate-presence.js';
import { netshStep, type BindingChangeResult } from './change-result.js';
import { certificateChange } from './mapping-change.js';
import { checkStepOptionsKnown } from './option-era.js';
import { describe, findMapping, refuseSharedChange, usersAfter } from './mapping-users.js';
import { certificateNamed, type CertificateNaming } from './named-certificate.js';
import { runSteps, underChangeLock, type ChangeRun } from './run-change.js';

export interface BindingCertificate extends CertificateNaming {
  site: string;
  bindingInformation: string;
  certificateStoreName?: string;
  allowSharedMapping?: boolean;
  allowUnmatchedOptions?: boolean;
  whatIf?: boolean;
}

/**
 * Points the mapping an https binding declares at another certificate: `add` when http.sys
 * has none, `update` (app id and options kept) when it has one. A mapping that serves other
 * bindings too changes only with allowSharedMapping, and the answer lists every binding
 * affected. The configuration is not touched (IIS keeps no certificate there), but its change
 * lock is held, so that no binding change of the same server runs meanwhile.
 */
export async function setBindingCertificate(source: ResolvedSource, request: BindingCertificate, signal?: AbortSignal): Promise<BindingChangeResult> {
  const run: ChangeRun = { source, signal, configFile: source.config().path };
  return request.whatIf ? setCertificate(run, request, []) : underChangeLock(run, (notes) => setCertificate(run, request, notes));
}

async function setCertificate(run: ChangeRun, request: BindingCertificate, notes: string[]): Promise<BindingChangeResult> {
  const { source, signal } = run;
  const config = await readApplicationHostConfig(source.config());
  const { site } = findSite(config, request.site);
  const { binding } = findBinding(config, site, 'https', request.bindingInformation);
  const self = { site: site.name, bindingInformation: binding.bindingInformation };
  const refuse = (message: string) => new HttpApiError('INVALID_ARGUMENT', `Binding https ${binding.bindingInformation} of site '${site.name}' ${message}.`, self);
  if (!binding.endpoint) throw refuse(`cannot be read (${binding.problem ?? 'not IP:PORT:HOST'}), so it declares no mapping`);
  if (binding.sslFlags & SslFlag.CentralCertStore) throw refuse('uses the Central Certificate Store (sslFlags bit 2): its certificate is the file named after the host on the CCS share, not a mapping\'s; replace that file instead');
  const target = declaredTarget(binding.endpoint, binding.sslFlags);
  if (!target) throw refuse('requires SNI (sslFlags bit 1) but has no host name, so it declares no mapping; give it a host first');

  const { mappings } = await readSslMappings(source.httpSys(), { signal });
  const existing = findMapping(mappings, target);
  const store = request.certificateStoreName ?? existing?.certificateStoreName ?? DefaultStoreName;
  const named = await certificateNamed(source.certificates, request, store);
  if (!named) throw new HttpApiError('INVALID_ARGUMENT', 'certificateHash: give certificateHash or certificateSubject.', { field: 'certificateHash' });
  const { hash, choice } = named;
  const chosen = choice ? { certificateChoice: choice } : {};
  const change = certificateChange(existing, target, { certificateHash: hash, certificateStoreName: request.certificateStoreName, appId: appIdFor(config), allowUnmatchedOptions: request.allowUnmatchedOptions, sslFlags: binding.sslFlags });
  const messages = [...notes, ...named.messages];
  if (!change) {
    messages.push(`Mapping ${existing!.kind} ${existing!.key} already serves certificate ${hash} from store ${existing!.certificateStoreName ?? DefaultStoreName}: nothing to do.`);
    return { applied: !request.whatIf, steps: [], messages, ...chosen };
  }
  if (change.action === 'update') refuseSharedChange(config, mappings, target, existing!, request.allowSharedMapping, self);
  const unchecked = checkStepOptionsKnown(mappings, [change]);
  if (unchecked) messages.push(unchecked);
  messages.push(await checkCertificatePresent(source.certificates, named, store));
  const affected = usersAfter(config, mappings, target, hash, request.certificateStoreName);
  const others = affected.filter((other) => other.site !== self.site || other.bindingInformation !== self.bindingInformation);
  if (others.length > 0) messages.push(`Mapping ${target.kind} ${target.key} also serves ${describe(others)}: they get the new certificate too.`);
  const steps = [netshStep(change)];
  if (request.whatIf) return { applied: false, steps, affected, messages, ...chosen };
  const done = await runSteps(run, change.description, [{ kind: 'netsh', change }]);
  return { applied: true, steps, affected, messages: [...messages, ...done.messages], ...chosen };
}
