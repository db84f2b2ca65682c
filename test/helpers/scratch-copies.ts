import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';

/**
 * Copies a test may change: each at a new path (so no cache of the worker knows it), all
 * removed after each test. Call at the top of a test file; `copy()` copies the demo server,
 * `copy(file or folder)` anything else into a new folder (a file keeps its name there).
 */
export function scratchCopies(): (from?: string) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (from = 'fixtures/demo-server') => {
    const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-scratch-'));
    made.push(dir);
    cpSync(from, statSync(from).isFile() ? path.join(dir, path.basename(from)) : dir, { recursive: true });
    return dir;
  };
}

/** Replaces `from`, which the file must hold, by `to`. */
export function editFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}
