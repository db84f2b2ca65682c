import { lineAt } from './config-error.js';

const MARKERS = ['<<<<<<<', '>>>>>>>'] as const;

/**
 * The first git merge-conflict marker line (`<<<<<<< HEAD`, `>>>>>>> branch`), if any. Checked
 * before anything else: such a file is usually not well-formed either, but "resolve the merge"
 * is the advice that helps, and `>>>>>>> branch` alone would even pass as XML text.
 */
export function findConflictMarker(text: string): { marker: string; line: number } | undefined {
  let first: { marker: string; offset: number } | undefined;
  for (const marker of MARKERS) {
    for (let at = text.indexOf(marker); at !== -1 && (first === undefined || at < first.offset); at = text.indexOf(marker, at + marker.length)) {
      const atLineStart = at === 0 || text.charCodeAt(at - 1) === 10 || text.charCodeAt(at - 1) === 13;
      const after = text.charCodeAt(at + marker.length);
      if (atLineStart && (Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13)) {
        first = { marker, offset: at };
        break;
      }
    }
  }
  return first && { marker: first.marker, line: lineAt(text, first.offset) };
}
