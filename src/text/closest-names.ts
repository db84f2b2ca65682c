/**
 * The names a person probably meant when the one typed does not exist: the same name in
 * another case, names containing it (or contained in it), then those a few typos away.
 * Used for NOT_FOUND messages, so "no site named 'contoso ww'" can say which one is near.
 */
export function closestNames(wanted: string, names: readonly string[], limit = 3): string[] {
  const target = wanted.toLowerCase();
  const allowed = Math.max(2, Math.floor(target.length / 3));
  const scored = [...new Set(names)]
    .map((name) => ({ name, score: score(target, name.toLowerCase(), allowed) }))
    .filter((candidate): candidate is { name: string; score: number } => candidate.score !== null)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  // Only the best tier: one typo away hides names four typos away.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((candidate) => candidate.score <= best + 1)
    .slice(0, limit)
    .map((candidate) => candidate.name);
}

/** Lower is closer; null is too far to suggest. */
function score(target: string, name: string, allowed: number): number | null {
  if (name === target) return 0;
  if (target.length > 0 && (name.includes(target) || target.includes(name))) return 1 + Math.abs(name.length - target.length) / 1000;
  const distance = editDistance(target, name, allowed);
  return distance <= allowed ? 2 + distance : null;
}

/** Levenshtein distance, giving up (allowed + 1) once every path is longer than allowed. */
function editDistance(a: string, b: string, allowed: number): number {
  if (Math.abs(a.length - b.length) > allowed) return allowed + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > allowed) return allowed + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** "'a', 'b' or 'c'" for a message; the caller says what they are. */
export function quoteList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
