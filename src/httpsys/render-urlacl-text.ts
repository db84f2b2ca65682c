import type { UrlReservation } from './url-reservation.js';

/**
 * Writes reservations the way `netsh http show urlacl` prints them on current Windows
 * (urlacl-en-server-01): 4/8/12-space indents, `Reserved URL` padded to 24, SDDL after the users.
 */
export function renderUrlaclText(reservations: readonly UrlReservation[], eol = '\r\n'): string {
  const out = ['', 'URL Reservations:', '-'.repeat(17), ''];
  for (const reservation of reservations) {
    out.push(`    ${'Reserved URL'.padEnd(24)}: ${reservation.url}`);
    for (const user of reservation.users) {
      out.push(`        User: ${user.user}`, `            Listen: ${user.listen ? 'Yes' : 'No'}`, `            Delegate: ${user.delegate ? 'Yes' : 'No'}`);
    }
    if (reservation.sddl !== null) out.push(`            SDDL: ${reservation.sddl}`);
    out.push('');
  }
  return out.join(eol);
}
