/**
 * A unified diff (`diff -u` format) of one edited region: the lines that differ between the
 * common head and the common tail, with `context` lines around them. A binding edit changes
 * one region, so one hunk says everything. Line ends are shown without their `\r`: the
 * diff is for reading; the file keeps its own.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head === a.length && head === b.length) return '';
  const from = Math.max(0, head - context);
  const aEnd = Math.min(a.length, a.length - tail + context);
  const bEnd = Math.min(b.length, b.length - tail + context);
  const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  const out = [`--- ${file}`, `+++ ${file}`, `@@ -${range(from, aEnd - from)} +${range(from, bEnd - from)} @@`];
  for (let line = from; line < head; line++) out.push(` ${a[line]}`);
  for (let line = head; line < a.length - tail; line++) out.push(`-${a[line]}`);
  for (let line = head; line < b.length - tail; line++) out.push(`+${b[line]}`);
  for (let line = a.length - tail; line < aEnd; line++) out.push(` ${a[line]}`);
  return `${out.join('\n')}\n`;
}

function lines(text: string): string[] {
  const all = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (all[all.length - 1] === '') all.pop();
  return all;
}
