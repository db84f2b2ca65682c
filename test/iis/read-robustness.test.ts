import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpApiError } from '../../src/errors.js';
import { readConfig } from './write-config.js';

const corpusDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/corpus/applicationhost');
// Small real files of each kind: full IIS, hand-written with a BOM, IIS Express with comments in <sites>.
const seeds = ['029.config', '031.config', '067.config'].map((name) => readFileSync(path.join(corpusDir, name), 'utf8'));

/** A real file with one edit: a range removed, or markup characters dropped in. */
const damaged = fc
  .record({
    seed: fc.constantFrom(...seeds),
    at: fc.nat(),
    cut: fc.nat({ max: 40 }),
    insert: fc.array(fc.constantFrom('<', '>', '"', "'", '&', '/', '=', '--', '<!--', ']]>', '<![CDATA[', '\n', 'x', '<site', '</site>', '&amp;', '\u0000'), { maxLength: 4 }),
  })
  .map(({ seed, at, cut, insert }) => {
    const start = at % (seed.length + 1);
    return seed.slice(0, start) + insert.join('') + seed.slice(start + cut);
  });

describe('damaged real files', () => {
  it('either read or fail with CONFIG_INVALID naming a line inside the file, and never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (text) => {
        try {
          const config = await readConfig(text);
          expect(Array.isArray(config.sites)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpApiError);
          const { id, data } = error as HttpApiError;
          expect(id).toBe('CONFIG_INVALID');
          expect(data.line).toBeGreaterThanOrEqual(1);
          expect(data.line).toBeLessThanOrEqual(text.split('\n').length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on long unterminated markup', async () => {
    const long = `<configuration><system.applicationHost><sites><site ${'a="b" '.repeat(50_000)}`;
    const started = performance.now();
    await expect(readConfig(long)).rejects.toMatchObject({ id: 'CONFIG_INVALID', data: { line: 1 } });
    await expect(readConfig(`<configuration><!--${'-'.repeat(1)}${' x'.repeat(200_000)}`)).rejects.toMatchObject({ id: 'CONFIG_INVALID' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
