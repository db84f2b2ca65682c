import type { ExtendedPropertyBlock, SslOption } from './ssl-mapping.js';
import type { Field } from './sslcert-line-reader.js';
import { isBlankRange } from './text-lines.js';

/** A ` Extended Properties:` block as read: its label and its lines. */
export interface BlockDraft {
  label: string;
  fields: Field[];
}

/**
 * The lines of an entry after its key and its three main fields, as read last: most mappings
 * print the same option lines (`Disable QUIC : Not Set` ...), so when the text at the same place
 * of the next entry is the same, what they were read as is taken again without reading them.
 */
export interface EntryTail {
  text: string;
  /** How many lines `text` spans. */
  lines: number;
  fields: Field[];
  blocks: BlockDraft[];
  /** What the tail's lines were made into, once (shared, frozen). */
  finished?: FinishedTail;
}

export interface FinishedTail {
  options: readonly SslOption[];
  blocks: readonly ExtendedPropertyBlock[];
  notes: readonly string[];
}

/**
 * Where the line after `tail` starts, if `text` holds the tail at `start` and the tail ends its
 * entry there as it did when read (a blank line or the end of the text follows); -1 otherwise.
 */
export function tailEndAt(text: string, start: number, tail: EntryTail): number {
  // A slice and === (native, fast) beat startsWith, which is slow on sliced strings.
  if (text.slice(start, start + tail.text.length) !== tail.text) return -1;
  const after = start + tail.text.length;
  if (after === text.length) return after;
  const lineEnd = text.startsWith('\r\n', after) ? 2 : text.charCodeAt(after) === 10 || text.charCodeAt(after) === 13 ? 1 : 0;
  if (lineEnd === 0) return -1;
  const next = after + lineEnd;
  let end = next;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return isBlankRange(text, next, end) ? next : -1;
}
