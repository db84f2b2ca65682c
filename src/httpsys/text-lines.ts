/** A line of captured output that a parser could not give a meaning to (1-based line number). */
export interface UnplacedLine {
  line: number;
  text: string;
}

/** Splits console output into lines, whatever the line ends (CRLF from netsh, LF from a paste, lone CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export interface FieldSplit {
  label: string;
  value: string;
}

/**
 * Splits `label : value` at the last colon that has white space before it (domain.md §7):
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
  return /^\s*-{3,}\s*$/.test(line);
}
