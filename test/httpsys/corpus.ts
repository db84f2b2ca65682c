import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real captures (read-only, shared by every helper): line 1 is `# source: URL`, the output starts on line 2. */
export const corpusDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/corpus/netsh');

export function corpusFile(name: string): string {
  return path.join(corpusDir, name);
}

/** The whole file, source line included: parsers must report that line as unplaced and lose nothing else. */
export function readCapture(name: string): string {
  return readFileSync(corpusFile(name), 'utf8');
}

export const sourceLine = (name: string) => ({ line: 1, text: readCapture(name).split('\n')[0]! });
