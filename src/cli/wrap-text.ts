/**
 * Wraps every line longer than the width at word boundaries; continuation lines keep the line's
 * own indent plus two spaces, so a finding's message stays visibly under its code. A word longer
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
  const next = `${indent}  `.slice(0, Math.max(0, Math.floor(width / 2)));
  const out: string[] = [];
  let current = indent;
  let fresh = true;
  for (const word of line.slice(indent.length).split(/ +/)) {
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
