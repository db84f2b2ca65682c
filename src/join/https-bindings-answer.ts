import { sameSiteName } from '../iis/site-name.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { KeptResults } from '../source/kept-results.js';
import { notFoundError } from '../text/not-found-error.js';
import { httpsAnswer } from './https-answer.js';
import type { ServerJoin } from './join-server-state.js';
import type { ServerState } from './load-server-state.js';
import { readAndJoinServer, type ServerQuestion } from './server-reading.js';

/**
 * bindings/https: the joined bindings, of one site when `site` is given (NOT_FOUND naming the
 * closest names when no site has that name). A reused join (reused-joins.ts) with the same
 * site and notes gives the same answer, the same object: the worker then sends the bytes it
 * already made for it (frame-writer.ts).
 */
export async function httpsBindingsAnswer(source: ResolvedSource, question: ServerQuestion & { site?: string }, progress: (message: string, percentage?: number) => void, signal?: AbortSignal) {
  const { state, joined } = await readAndJoinServer(source, question, progress, signal);
  const site = question.site;
  if (site !== undefined && !state.config.sites.some((candidate) => sameSiteName(candidate.name, site))) {
    throw notFoundError('site named', site, state.config.file, state.config.sites.map((candidate) => candidate.name), { site, file: state.config.file });
  }
  // A live join is never reused, so only answers of kept joins are worth keeping.
  if (question.live) return answerOf(state, joined, site);
  let kept = answersOf.get(joined);
  if (!kept) answersOf.set(joined, (kept = new KeptResults(4)));
  return kept.get(JSON.stringify(site ?? null), [state.notes.join('\n')], () => answerOf(state, joined, site));
}

function answerOf(state: ServerState, joined: ServerJoin, site: string | undefined) {
  const bindings = site === undefined ? joined.bindings : joined.bindings.filter((binding) => sameSiteName(binding.site, site));
  const own = new Set(joined.bindings.flatMap((binding) => binding.findings));
  // With a site, only findings about that site: orphans and shadowing mappings are the server's.
  const siteWide = joined.findings.filter((finding) => !own.has(finding) && (site === undefined || (finding.site !== undefined && sameSiteName(finding.site, site))));
  return { file: state.config.file, configKind: state.config.configKind, ...httpsAnswer({ bindings, sharers: joined.sharers }, siteWide, state), findings: siteWide, notes: state.notes };
}

// Answers live as long as their join: the last four sites asked for, each with the notes it was made with.
const answersOf = new WeakMap<ServerJoin, KeptResults<ReturnType<typeof answerOf>>>();
