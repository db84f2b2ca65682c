import type { UnplacedLine } from './text-lines.js';

/** How many lines a parser did not understand are shown, and how much of each. */
export const ShownUnplacedLines = 5;
export const MaxUnplacedLineLength = 200;

export interface UnplacedReport {
  /** The first few, each cut to MaxUnplacedLineLength characters. */
  unplaced: UnplacedLine[];
  unplacedCount: number;
  note?: string;
}

/**
 * Lines of a capture no parser understood, counted and shown by their first few: a capture
 * that is not netsh output at all (a log, a binary) would otherwise come back whole.
 */
export function reportUnplaced(lines: readonly UnplacedLine[], partOf: string): UnplacedReport {
  const unplaced = lines.slice(0, ShownUnplacedLines).map(({ line, text }) => ({ line, text: cut(text) }));
  if (lines.length === 0) return { unplaced, unplacedCount: 0 };
  const shown = unplaced.map(({ line, text }) => `${line}: ${JSON.stringify(text)}`).join(', ');
  const which = lines.length > unplaced.length ? `the first ${unplaced.length}` : lines.length === 1 ? 'it' : 'they';
  return { unplaced, unplacedCount: lines.length, note: `${lines.length} line(s) are not part of any ${partOf}; ${which}: ${shown}` };
}

function cut(text: string): string {
  return text.length <= MaxUnplacedLineLength ? text : `${text.slice(0, MaxUnplacedLineLength)}... (${text.length} characters)`;
}
