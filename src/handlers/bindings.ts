import { addBinding } from '../changes/add-binding.js';
import { removeBinding } from '../changes/remove-binding.js';
import { setBindingCertificate } from '../changes/set-binding-certificate.js';
import { updateBinding } from '../changes/update-binding.js';
import { httpsAnswer } from '../join/https-answer.js';
import { joinServerState } from '../join/join-server-state.js';
import { loadServerState } from '../join/load-server-state.js';
import { BindingsAdd, BindingsHttps, BindingsRemove, BindingsSetCertificate, BindingsUpdate } from '../rpc/protocol/index.js';
import { sameSiteName } from '../iis/site-name.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement } from './handler.js';

export const bindingsHttps = implement(BindingsHttps, async (params, context) => {
  context.progress('Reading configuration, http.sys mappings and certificates');
  const state = await loadServerState(context.source, { signal: context.signal });
  const joined = await joinServerState(state, { live: params.live, expiryDays: params.expiryDays, now: params.asOf ? new Date(params.asOf) : undefined, signal: context.signal, onProgress: context.progress });
  const site = params.site;
  if (site !== undefined && !state.config.sites.some((candidate) => sameSiteName(candidate.name, site))) {
    throw notFoundError('site named', site, state.config.file, state.config.sites.map((candidate) => candidate.name), { site, file: state.config.file });
  }
  const bindings = site === undefined ? joined.bindings : joined.bindings.filter((binding) => sameSiteName(binding.site, site));
  const own = new Set(joined.bindings.flatMap((binding) => binding.findings));
  // With a site, only findings about that site: orphans and shadowing mappings are the server's.
  const siteWide = joined.findings.filter((finding) => !own.has(finding) && (site === undefined || (finding.site !== undefined && sameSiteName(finding.site, site))));
  const answer = httpsAnswer({ bindings, sharers: joined.sharers }, siteWide, state);
  return { file: state.config.file, configKind: state.config.configKind, ...answer, findings: siteWide, notes: state.notes };
});

export const bindingsAdd = implement(BindingsAdd, (params, context) => addBinding(context.source, params, context.signal));

export const bindingsRemove = implement(BindingsRemove, (params, context) => removeBinding(context.source, params, context.signal));

export const bindingsSetCertificate = implement(BindingsSetCertificate, (params, context) => setBindingCertificate(context.source, params, context.signal));

export const bindingsUpdate = implement(BindingsUpdate, (params, context) => updateBinding(context.source, params, context.signal));
