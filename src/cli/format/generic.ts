import { renderTable } from '../table.js';
import type { View } from '../view.js';

/**
 * The fallback view: the first list in the result as a table of its scalar fields, or the
 * result as indented JSON. Commands with a view of their own replace it.
 */
export function formatGeneric(result: unknown, view: View): string {
  if (result && typeof result === 'object') {
    const list = Object.values(result).find((value): value is Record<string, unknown>[] => Array.isArray(value));
    if (list) {
      if (list.length === 0) return '(none)';
      const fields = Object.keys(list[0]!).filter((field) => list.some((row) => isScalar(row[field])));
      return renderTable(list, fields.map((field) => ({ header: field, value: (row) => (isScalar(row[field]) ? (row[field] as string) : '') })), view.width);
    }
  }
  return JSON.stringify(result, null, 2);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
