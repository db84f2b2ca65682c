import { sameSiteName } from '../iis/site-name.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { notFoundError } from '../text/not-found-error.js';
import { mergeFindings } from './merge-findings.js';
import { readAndJoinServer, type ServerQuestion } from './server-reading.js';

/** diagnostics/run: the reader's and the join's findings as one list, of one site when `site` is given. */
export async function diagnose(source: ResolvedSource, question: ServerQuestion & { site?: string }, progress: (message: string, percentage?: number) => void, signal?: AbortSignal) {
  const { state, joined } = await readAndJoinServer(source, question, progress, signal);
  let findings = mergeFindings(state.config.findings, joined.findings);
  const site = question.site;
  if (site !== undefined) {
    // Site names as IIS compares them, and the NOT_FOUND every named lookup gives (the closest
    // names): a check of a site that does not exist must not read as healthy.
    if (!state.config.sites.some((candidate) => sameSiteName(candidate.name, site))) {
      throw notFoundError('site named', site, state.config.file, state.config.sites.map((candidate) => candidate.name), { site, file: state.config.file });
    }
    findings = findings.filter((finding) => finding.site !== undefined && sameSiteName(finding.site, site));
  }
  const summary = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) summary[finding.severity]++;
  return { findings, summary, file: state.config.file, notes: state.notes };
}
