export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** A plain aligned text table for people; machines use --json. */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => show(column.value(row))));
  const widths = columns.map((column, index) => Math.max(column.header.length, ...cells.map((line) => line[index]!.length)));
  const line = (values: string[]) => values.map((value, index) => value.padEnd(widths[index]!)).join('  ').trimEnd();
  return [line(columns.map((column) => column.header)), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

function show(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
