import { HttpApiError } from '../errors.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { mergeFindings } from './merge-findings.js';
import { readAndJoinServer, type ServerQuestion } from './server-reading.js';

/** diagnostics/run: the reader's and the join's findings as one list, of one site when `site` is given. */
export async function diagnose(source: ResolvedSource, question: ServerQuestion & { site?: string }, progress: (message: string, percentage?: number) => void, signal?: AbortSignal) {
  const { state, joined } = await readAndJoinServer(source, question, progress, signal);
  let findings = mergeFindings(state.config.findings, joined.findings);
  if (question.site !== undefined) {
    // IIS compares site names without case; a check of a site that does not exist must not read as healthy.
    const wanted = question.site.toLowerCase();
    if (!state.config.sites.some((site) => site.name.toLowerCase() === wanted)) {
      throw new HttpApiError('NOT_FOUND', `No site named '${question.site}' in ${state.config.file}.`, { site: question.site, file: state.config.file });
    }
    findings = findings.filter((finding) => finding.site?.toLowerCase() === wanted);
  }
  const summary = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) summary[finding.severity]++;
  return { findings, summary, file: state.config.file, notes: state.notes };
}
