import { isDashLine, normalizeLabel, splitAlignedField, splitInnerField, splitLines, type UnplacedLine } from './text-lines.js';
import type { UrlAclUser, UrlReservation } from './url-reservation.js';

export interface UrlaclTextParse {
  reservations: UrlReservation[];
  unplaced: UnplacedLine[];
}

// English and Italian (urlacl-it-01) labels; other languages are read by indentation and order.
const userLabels = new Set(['user', 'utente']);
const listenLabels = new Set(['listen', 'in ascolto']);
const delegateLabels = new Set(['delegate', 'delega']);
const urlValue = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S/;
const sddlValue = /^[OGDS]:\S/;

interface OpenUser {
  entry: UrlAclUser;
  indent: number;
  seen: number;
}

/**
 * Parses `netsh http show urlacl` (docs/netsh.md §3.1): a `Reserved URL : <url>` line opens
 * an entry (recognized by the URL, so localized labels work), `User:` lines open users, the
 * deeper-indented lines under a user are Listen then Delegate (Yes/No stay English on localized
 * Windows), `SDDL:` closes the entry. An SDDL that a console copy wrapped at the window width
 * continues on lines starting at column 0; they are joined back. Never throws.
 */
export function parseUrlaclText(text: string): UrlaclTextParse {
  const reservations: UrlReservation[] = [];
  const unplaced: UnplacedLine[] = [];
  let entry: UrlReservation | undefined;
  let user: OpenUser | undefined;
  let sddlContinues = false;
  let wrapped = 0;
  const close = () => {
    if (entry && wrapped > 0) entry.notes.push(`the SDDL was wrapped over ${wrapped + 1} lines (console copy); joined back into one`);
    entry = user = undefined;
    sddlContinues = false;
    wrapped = 0;
  };

  const lines = splitLines(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trimEnd();
    const place = () => unplaced.push({ line: index + 1, text: lines[index]! });
    if (line.trim() === '') {
      close();
      continue;
    }
    if (isDashLine(line)) continue;
    const inner = splitInnerField(line);
    if (entry && sddlContinues && !/^\s/.test(line) && !inner && !line.includes(' :')) {
      entry.sddl = (entry.sddl ?? '') + line;
      wrapped++;
      continue;
    }
    sddlContinues = false;
    const outer = splitAlignedField(line);
    if (outer && urlValue.test(outer.value)) {
      close();
      entry = { url: outer.value, users: [], sddl: null, notes: [] };
      reservations.push(entry);
      continue;
    }
    if (!inner) {
      place();
      continue;
    }
    if (!entry) {
      // `URL Reservations:` (localized elsewhere) has no value; anything else outside an entry is unknown.
      if (inner.value !== '' || !line.endsWith(':')) place();
      continue;
    }
    const label = normalizeLabel(inner.label);
    const indent = line.length - line.trimStart().length;
    if (label === 'sddl' || (!userLabels.has(label) && sddlValue.test(inner.value))) {
      entry.sddl = inner.value;
      sddlContinues = true;
      user = undefined;
    } else if (user && (indent > user.indent || listenLabels.has(label) || delegateLabels.has(label))) {
      if (!readRight(entry, user, label, inner.value)) place();
    } else {
      const added: UrlAclUser = { user: inner.value, listen: false, delegate: false };
      entry.users.push(added);
      user = { entry: added, indent, seen: 0 };
    }
  }
  close();
  return { reservations, unplaced };
}

/** Listen or Delegate of the open user: by English/Italian label, otherwise by order (Listen is printed first). */
function readRight(entry: UrlReservation, user: OpenUser, label: string, value: string): boolean {
  const right = listenLabels.has(label) ? 'listen' : delegateLabels.has(label) ? 'delegate' : user.seen === 0 ? 'listen' : user.seen === 1 ? 'delegate' : undefined;
  if (!right) return false;
  user.seen++;
  const word = value.toLowerCase();
  if (word !== 'yes' && word !== 'no') entry.notes.push(`${right} of ${user.entry.user} is '${value}', not Yes or No; read as No`);
  user.entry[right] = word === 'yes';
  return true;
}
