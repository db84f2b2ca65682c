export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  /**
   * Which columns give way first when the table is too wide: higher first (default 1). 0 is cut
   * only when cutting every other column was not enough: a cut thumbprint is no thumbprint.
   */
  shrink?: number;
}

const gap = 2;
const ellipsis = '…';
/** Narrower than this a column says nothing; headers may be cut to it. */
const narrowest = 6;

/**
 * A plain aligned text table for people; machines use --json. Given a width (the terminal's),
 * the widest columns are narrowed one character at a time until the table fits, and cells
 * that no longer fit end in an ellipsis.
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], width?: number): string {
  const cells = rows.map((row) => columns.map((column) => show(column.value(row))));
  const natural = columns.map((column, index) => Math.max(column.header.length, ...cells.map((line) => line[index]!.length)));
  const widths = width === undefined ? natural : fit(natural, columns, width);
  const line = (values: string[]) => values.map((value, index) => cut(value, widths[index]!).padEnd(widths[index]!)).join(' '.repeat(gap)).trimEnd();
  return [line(columns.map((column) => column.header)), line(widths.map((columnWidth) => '-'.repeat(columnWidth))), ...cells.map(line)].join('\n');
}

function fit<Row>(natural: readonly number[], columns: readonly Column<Row>[], width: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((sum, columnWidth) => sum + columnWidth, 0) + gap * (widths.length - 1);
  const tiers = [...new Set(columns.map((column) => column.shrink ?? 1))].sort((a, b) => b - a);
  for (const tier of tiers) {
    // Within a tier the widest column gives a character at a time, so equally wide ones share the cut.
    while (total() > width) {
      let widest = -1;
      widths.forEach((columnWidth, index) => {
        if ((columns[index]!.shrink ?? 1) === tier && columnWidth > narrowest && (widest < 0 || columnWidth > widths[widest]!)) widest = index;
      });
      if (widest < 0) break;
      widths[widest]!--;
    }
  }
  return widths;
}

function cut(value: string, columnWidth: number): string {
  return value.length <= columnWidth ? value : `${value.slice(0, columnWidth - 1)}${ellipsis}`;
}

function show(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
