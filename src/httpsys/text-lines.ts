/** A line of captured output that a parser could not give a meaning to (1-based line number). */
export interface UnplacedLine {
  line: number;
  text: string;
}

/**
 * Walks the lines of a text by their bounds (the end excludes the line end), whatever the line
 * ends: CRLF from netsh, LF from a paste, lone CR. Bounds rather than strings, and native searches
 * rather than a regex split: on a 300,000-line capture, slicing every line costs more than
 * parsing it. A parser that recognizes lines it has read before can jump over them.
 */
export class LineCursor {
  start = 0;
  end = 0;
  /** 1-based number of the current line. */
  number = 0;
  private next = 0;
  private nextCr: number;
  private finished = false;

  constructor(private readonly text: string) {
    this.nextCr = text.indexOf('\r');
  }

  /** Moves to the next line; false after the last one. */
  advance(): boolean {
    if (this.finished) return false;
    const text = this.text;
    const start = this.next;
    const newline = text.indexOf('\n', start);
    const stop = newline < 0 ? text.length : newline;
    const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : stop;
    if (this.nextCr !== -1 && this.nextCr < start) this.nextCr = text.indexOf('\r', start);
    this.start = start;
    this.number++;
    if (this.nextCr !== -1 && this.nextCr < end) {
      // A lone CR ends this line.
      this.end = this.nextCr;
      this.next = this.nextCr + 1;
      this.nextCr = text.indexOf('\r', this.next);
      return true;
    }
    this.end = end;
    if (newline < 0) this.finished = true;
    else this.next = newline + 1;
    return true;
  }

  /** Goes on at `offset`, the start of a line, having passed over `lines` lines. */
  jump(offset: number, lines: number): void {
    this.next = offset;
    this.number += lines;
  }
}

/** Calls `visit` with the bounds and 1-based number of each line (see LineCursor). */
export function forEachLineRange(text: string, visit: (start: number, end: number, number: number) => void): void {
  const cursor = new LineCursor(text);
  while (cursor.advance()) visit(cursor.start, cursor.end, cursor.number);
}

/** The lines of `text` as strings (the same lines forEachLineRange visits). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  forEachLineRange(text, (start, end) => lines.push(text.slice(start, end)));
  return lines;
}

/** Is `text` between start and end only white space? Most lines end in a visible character, which settles it at once. */
export function isBlankRange(text: string, start: number, end: number): boolean {
  for (let index = end - 1; index >= start; index--) {
    const code = text.charCodeAt(index);
    if (code > 32 && (code < 128 || !whiteSpace.test(text[index]!))) return false;
  }
  return true;
}

const whiteSpace = /\s/;

/** A line of three or more dashes (the underline of a list header), white space around allowed. */
export function isDashRange(text: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && text.charCodeAt(index) <= 32) index++;
  const first = index;
  while (index < end && text.charCodeAt(index) === 45) index++;
  return index - first >= 3 && isBlankRange(text, index, end);
}

export interface FieldSplit {
  label: string;
  value: string;
}

/**
 * Splits `label : value` at the last colon that has white space before it (docs/domain.md §7):
 * key labels and values hold colons without spaces (`IP:port`, `[::]:443`), localized labels
 * may end in ` :`, and some localized lines have no space after the colon (`label :value`).
 * Returns null for lines without such a colon (headers, `Extended Properties:`).
 */
export function splitAlignedField(line: string): FieldSplit | null {
  const at = Math.max(line.lastIndexOf(' :'), line.lastIndexOf('\t:'));
  if (at < 0) return null;
  const label = line.slice(0, at).trim();
  if (label === '') return null;
  return { label, value: line.slice(at + 2).trim() };
}

/** The same split at the first such colon: used when the last one gives an unknown label (a value holding ` :`). */
export function splitAlignedFieldFirst(line: string): FieldSplit | null {
  const space = line.indexOf(' :');
  const tab = line.indexOf('\t:');
  const at = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
  if (at < 0) return null;
  const label = line.slice(0, at).trim();
  if (label === '') return null;
  return { label, value: line.slice(at + 2).trim() };
}

/** `User: NT SERVICE\WinRM`: the label ends at the first colon followed by white space or the end of the line. */
export function splitInnerField(line: string): FieldSplit | null {
  const match = /^\s*([^:]*?\S)\s*:(?:\s+(.*))?$/.exec(line);
  if (!match) return null;
  return { label: match[1]!, value: (match[2] ?? '').trim() };
}

/** A label compared without case and with runs of white space collapsed (`IP:Port` is `IP:port`). */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ');
}

export function isDashLine(line: string): boolean {
  return isDashRange(line, 0, line.length);
}
