import { splitLines } from './text-lines.js';

/** What a failed netsh run said, reduced to what a program can act on. */
export interface NetshFailure {
  /** The Win32 error number, or null when the output names none we know. */
  win32Error: number | null;
  /** `error`: a `... failed, Error: N` line or a known system message; `usage`: netsh printed its usage text. */
  kind: 'error' | 'usage' | 'unknown';
  /** The line holding the number (`SSL Certificate add failed, Error: 183`), if any. */
  headline: string | null;
  /** The system message (`Cannot create a file when that file already exists.`), or the text printed. */
  message: string;
}

/**
 * System messages netsh prints without a number (bare `The parameter is incorrect.`, or after
 * the list header of a failed show), from the corpus and the Win32 message table.
 */
const knownMessages: ReadonlyMap<string, number> = new Map([
  ['the system cannot find the file specified.', 2],
  ['access is denied.', 5],
  ['the handle is invalid.', 6],
  ['the parameter is incorrect.', 87],
  ['cannot create a file when that file already exists.', 183],
  ['a specified logon session does not exist. it may already have been terminated.', 1312],
  ['eine datei kann nicht erstellt werden, wenn sie bereits vorhanden ist.', 183],
]);

// `... failed, Error: 183`, `... Fehler: 183`, `SDDL creation failed : 1332`: at most one space before
// the colon, so aligned `Label    : 0` lines of a show output never match.
const numbered = /^(.*?\p{L}.*?\S) ?:\s+(\d{1,10})$/u;

/**
 * Reads the output of a failed netsh run (docs/netsh.md §3.2): the number after
 * `Error:`/`Fehler:` on the `<Object> <verb> failed` line (parsed by shape, not by English words),
 * the message on the following lines. A bare `The parameter is incorrect.` is 87; the
 * "essential parameters were not entered" text with its `Usage:` block is a usage error (87).
 * Never throws.
 */
export function parseNetshFailure(text: string): NetshFailure {
  const lines = splitLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const usageAt = lines.findIndex((line) => /^usage:/i.test(line));
  const body = usageAt < 0 ? lines : lines.slice(0, usageAt);

  const headlineAt = body.findIndex((line) => numbered.test(line));
  if (headlineAt >= 0) {
    const headline = body[headlineAt]!;
    const win32Error = Number(numbered.exec(headline)![2]);
    const message = body.slice(headlineAt + 1).join(' ');
    return { win32Error, kind: 'error', headline, message: message || headline };
  }
  if (usageAt >= 0) return { win32Error: 87, kind: 'usage', headline: null, message: body.join(' ') || 'netsh printed its usage text' };
  for (const line of body) {
    const known = knownMessages.get(line.toLowerCase());
    if (known !== undefined) return { win32Error: known, kind: 'error', headline: null, message: line };
  }
  return { win32Error: null, kind: 'unknown', headline: null, message: body.join(' ') };
}
