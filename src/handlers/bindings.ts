import { addBinding } from '../changes/add-binding.js';
import { removeBinding } from '../changes/remove-binding.js';
import { setBindingCertificate } from '../changes/set-binding-certificate.js';
import { HttpApiError } from '../errors.js';
import { httpsAnswer } from '../join/https-answer.js';
import { joinServerState } from '../join/join-server-state.js';
import { loadServerState } from '../join/load-server-state.js';
import { BindingsAdd, BindingsHttps, BindingsRemove, BindingsSetCertificate } from '../rpc/protocol/index.js';
import { implement } from './handler.js';

export const bindingsHttps = implement(BindingsHttps, async (params, context) => {
  context.progress('Reading configuration, http.sys mappings and certificates');
  const state = await loadServerState(context.source, { signal: context.signal });
  const joined = await joinServerState(state, { live: params.live, expiryDays: params.expiryDays, now: params.asOf ? new Date(params.asOf) : undefined, signal: context.signal, onProgress: context.progress });
  let bindings = joined.bindings;
  if (params.site !== undefined) {
    bindings = bindings.filter((binding) => binding.site === params.site);
    if (!state.config.sites.some((site) => site.name === params.site)) {
      throw new HttpApiError('NOT_FOUND', `No site named '${params.site}' in ${state.config.file}.`, { site: params.site, file: state.config.file });
    }
  }
  const own = new Set(joined.bindings.flatMap((binding) => binding.findings));
  const siteWide = joined.findings.filter((finding) => !own.has(finding) && (params.site === undefined || finding.site === undefined || finding.site === params.site));
  const answer = httpsAnswer({ bindings, sharers: joined.sharers }, siteWide, state);
  return { file: state.config.file, configKind: state.config.configKind, ...answer, findings: siteWide, notes: state.notes };
});

export const bindingsAdd = implement(BindingsAdd, (params, context) => addBinding(context.source, params, context.signal));

export const bindingsRemove = implement(BindingsRemove, (params, context) => removeBinding(context.source, params, context.signal));

export const bindingsSetCertificate = implement(BindingsSetCertificate, (params, context) => setBindingCertificate(context.source, params, context.signal));
