/**
 * Wraps every line longer than the width at word boundaries; continuation lines keep the line's
 * own indent plus two spaces, so a finding's message stays visibly under its code, or line up
 * under the text column of a label-and-text line (an option and its description). A word longer
 * than the room left (a long path) is broken where the line ends. Without a width, the text is
 * returned as it is.
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const hang = textColumn(line, indent.length, width);
  // The label and the gap before a text column stay as they are; the text wraps under its column.
  const head = hang === undefined ? indent : line.slice(0, hang);
  const next = hang === undefined ? `${indent}  `.slice(0, Math.max(0, Math.floor(width / 2))) : ' '.repeat(hang);
  const out: string[] = [];
  let current = head;
  let fresh = true;
  for (const word of line.slice(head.length).split(/ +/)) {
    let rest = word;
    if (!fresh && current.length + 1 + rest.length > width) {
      out.push(current);
      current = next;
      fresh = true;
    }
    if (!fresh) current += ' ';
    while (current.length + rest.length > width) {
      const room = Math.max(1, width - current.length);
      out.push(current + rest.slice(0, room));
      rest = rest.slice(room);
      current = next;
    }
    current += rest;
    fresh = false;
  }
  out.push(current);
  return out.map((piece) => piece.trimEnd());
}

/**
 * Where a text column starts: a label and its text set apart by two spaces or more
 * (`  --flag VALUE       description`), within the first half of the width so the text keeps
 * room. Undefined for running text.
 */
function textColumn(line: string, from: number, width: number): number | undefined {
  const gap = / {2,}(?=\S)/g;
  gap.lastIndex = from;
  const found = gap.exec(line);
  if (!found) return undefined;
  const column = found.index + found[0].length;
  return column <= width / 2 ? column : undefined;
}
