/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: objects and arrays down to `depth`
 * are laid out here, one member at a time, and what lies below is stringified member by member.
 * `httpapi bindings --json` at 50,000 sites prints 97 MB: as one string, then as the bytes of
 * that string, it was two of the largest things in the process (BENCHMARKS.md, peak memory).
 */
export function* jsonChunks(value: unknown, depth = 2): Generator<string> {
  const text = piece(value, '', depth);
  if (text !== undefined) yield* text;
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
const omitted = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function piece(value: unknown, indent: string, depth: number): Iterable<string> | undefined {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value, null, 2);
    // A string's own line breaks are escaped, so every raw line break is the layout's.
    return text === undefined ? undefined : [indent === '' ? text : text.replace(/\n/g, `\n${indent}`)];
  }
  return Array.isArray(value) ? arrayPieces(value, indent, depth) : objectPieces(value as Record<string, unknown>, indent, depth);
}

function* arrayPieces(items: readonly unknown[], indent: string, depth: number): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  for (let index = 0; index < items.length; index++) {
    yield index === 0 ? `[\n${inner}` : `,\n${inner}`;
    yield* piece(omitted(items[index]) ? null : items[index], inner, depth - 1)!;
  }
  yield `\n${indent}]`;
}

function* objectPieces(record: Record<string, unknown>, indent: string, depth: number): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const key of Object.keys(record)) {
    if (omitted(record[key])) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* piece(record[key], inner, depth - 1)!;
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}
