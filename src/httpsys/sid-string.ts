/**
 * A SID in string form, `S-1-5-32-544` (Microsoft Learn, "SID Components": S-R-I-S..., revision
 * 1, an identifier authority below 2^48, written in decimal or as 0x followed by 12 hex digits,
 * and at most 15 sub-authorities of 32 bits each, SID_MAX_SUB_AUTHORITIES).
 */
export const sidPattern = '^S-1-(?:[0-9]{1,15}|0[xX][0-9A-Fa-f]{12})(?:-[0-9]{1,10}){1,15}$';

const sid = new RegExp(sidPattern, 'i');

/** Why the text is not a SID string, or null when it is one. */
export function sidProblem(text: string): string | null {
  if (!sid.test(text)) return `'${text.slice(0, 80)}' is not a SID such as S-1-5-32-544 (revision 1, an authority, 1 to 15 sub-authorities)`;
  const [, , authority, ...subAuthorities] = text.split('-');
  if (!/^0x/i.test(authority!) && Number(authority) >= 2 ** 48) return `the identifier authority ${authority} of '${text.slice(0, 80)}' is not below 2^48`;
  const large = subAuthorities.find((part) => Number(part) > 0xffffffff);
  return large === undefined ? null : `the sub-authority ${large} of '${text.slice(0, 80)}' is not a 32-bit number`;
}
