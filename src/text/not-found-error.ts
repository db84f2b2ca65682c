import { HttpApiError } from '../errors.js';
import { closestNames, quoteList } from './closest-names.js';

/**
 * The one answer for a named object that does not exist: NOT_FOUND naming what was asked for,
 * where it was looked for, and the closest existing names (data.closest), so a typo or a
 * misremembered name is one step from fixed. A filter that matches nothing is not this: it is
 * an empty list.
 */
export function notFoundError(what: string, wanted: string, where: string, known: readonly string[], data: Record<string, unknown>): HttpApiError {
  const closest = closestNames(wanted, known);
  const hint =
    known.length === 0
      ? 'there are none.'
      : closest.length > 0
        ? `did you mean ${quoteList(closest)}?`
        : `none is close; there are ${known.length}: ${known.slice(0, 5).map((name) => `'${name}'`).join(', ')}${known.length > 5 ? ', ...' : ''}.`;
  return new HttpApiError('NOT_FOUND', `No ${what} '${wanted}' in ${where}; ${hint}`, { ...data, closest });
}
