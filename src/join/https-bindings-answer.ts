import { sameSiteName } from '../iis/site-name.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { notFoundError } from '../text/not-found-error.js';
import { httpsAnswer } from './https-answer.js';
import { readAndJoinServer, type ServerQuestion } from './server-reading.js';

/**
 * bindings/https: the joined bindings, of one site when `site` is given (NOT_FOUND naming the
 * closest names when no site has that name).
 */
export async function httpsBindingsAnswer(source: ResolvedSource, question: ServerQuestion & { site?: string }, progress: (message: string, percentage?: number) => void, signal?: AbortSignal) {
  const { state, joined } = await readAndJoinServer(source, question, progress, signal);
  const site = question.site;
  if (site !== undefined && !state.config.sites.some((candidate) => sameSiteName(candidate.name, site))) {
    throw notFoundError('site named', site, state.config.file, state.config.sites.map((candidate) => candidate.name), { site, file: state.config.file });
  }
  const bindings = site === undefined ? joined.bindings : joined.bindings.filter((binding) => sameSiteName(binding.site, site));
  const own = new Set(joined.bindings.flatMap((binding) => binding.findings));
  // With a site, only findings about that site: orphans and shadowing mappings are the server's.
  const siteWide = joined.findings.filter((finding) => !own.has(finding) && (site === undefined || (finding.site !== undefined && sameSiteName(finding.site, site))));
  const answer = httpsAnswer({ bindings, sharers: joined.sharers }, siteWide, state);
  return { file: state.config.file, configKind: state.config.configKind, ...answer, findings: siteWide, notes: state.notes };
}
