/**
 * A parser that gives the same result, the same object, for the same text as its previous
 * call. netsh prints the same thing from one request to the next until something on the
 * server changes; an unchanged result lets the join over it be reused (reused-joins.ts) and
 * spares the parse. Results are shared between calls, so callers treat them as read-only.
 */
export function lastParse<T>(parse: (text: string) => T): (text: string) => T {
  let last: { text: string; result: T } | undefined;
  return (text) => {
    if (last !== undefined && last.text === text) return last.result;
    const result = parse(text);
    last = { text, result };
    return result;
  };
}
