import type { z } from 'zod';
import type { UrlAclList } from '../../protocol/index.js';
import { renderTable } from '../table.js';
import type { View } from '../view.js';

type Result = z.output<(typeof UrlAclList)['result']>;

/** One line per reservation: its URL, each user with L(isten)/D(elegate) rights, the SDDL. */
export function formatUrlacl(result: Result, view: View): string {
  const out: string[] = [];
  out.push(
    result.reservations.length === 0
      ? '(no URL reservations)'
      : renderTable(result.reservations, [
          { header: 'URL', value: (reservation) => reservation.url },
          {
            header: 'Users',
            value: (reservation) =>
              reservation.users.map((user) => `${user.user} (${[user.listen ? 'listen' : '', user.delegate ? 'delegate' : ''].filter(Boolean).join('+') || 'no rights'})`).join(', '),
          },
          { header: 'SDDL', value: (reservation) => reservation.sddl ?? '' },
        ], view.width),
  );
  const notes = result.reservations.flatMap((reservation) => reservation.notes.map((note) => `${reservation.url}: ${note}`));
  if (notes.length > 0) out.push('', 'Notes:', ...notes.map((note) => `  ${note}`));
  out.push('', `Read: ${result.notes.join('; ')}`);
  if (result.unplaced.length > 0) out.push('Lines not understood:', ...result.unplaced.map((line) => `  ${line.line}: ${line.text.trim()}`));
  return out.join('\n');
}
