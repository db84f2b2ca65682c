import { KeptResults } from '../source/kept-results.js';

/**
 * A parser that gives the same result, the same object, for the same text as its previous
 * call. netsh prints the same thing from one request to the next until something on the
 * server changes; an unchanged result lets the join over it be reused (reused-joins.ts) and
 * spares the parse. Results are shared between calls, so callers treat them as read-only.
 */
export function lastParse<T>(parse: (text: string) => T): (text: string) => T {
  const last = new KeptResults<T>(1);
  return (text) => last.get('', [text], () => parse(text));
}
