import { HttpApiError } from '../errors.js';
import { joinServerState } from '../join/join-server-state.js';
import { loadServerState } from '../join/load-server-state.js';
import { mergeFindings } from '../join/merge-findings.js';
import { DiagnosticsRun } from '../protocol/index.js';
import { implement } from '../protocol/handler.js';

export const diagnosticsRun = implement(DiagnosticsRun, async (params, context) => {
  context.progress('Reading configuration, http.sys mappings and certificates');
  const state = await loadServerState(context.source, { signal: context.signal });
  const joined = await joinServerState(state, { live: params.live, expiryDays: params.expiryDays, now: params.asOf ? new Date(params.asOf) : undefined, signal: context.signal, onProgress: context.progress });
  let findings = mergeFindings(state.config.findings, joined.findings);
  if (params.site !== undefined) {
    // IIS compares site names without case; a check of a site that does not exist must not read as healthy.
    const wanted = params.site.toLowerCase();
    if (!state.config.sites.some((site) => site.name.toLowerCase() === wanted)) {
      throw new HttpApiError('NOT_FOUND', `No site named '${params.site}' in ${state.config.file}.`, { site: params.site, file: state.config.file });
    }
    findings = findings.filter((finding) => finding.site?.toLowerCase() === wanted);
  }
  const summary = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) summary[finding.severity]++;
  return { findings, summary, file: state.config.file, notes: state.notes };
});
