import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/cli/json-chunks.js';
import { demo, httpapi } from './run-cli.js';

const joined = (value: unknown, depth?: number) => [...jsonChunks(value, depth)].join('');

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2), piece by piece, for any JSON value at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(joined(value, depth)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, writes null where it does, and honours toJSON', () => {
    const value = {
      kept: 1,
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Symbol('s'), 'line\nbreak', { deep: { when: new Date('2026-12-06T00:00:00Z') } }],
      when: new Date('2026-12-06T00:00:00Z'),
      empty: { nothing: undefined },
      none: [],
    };
    for (const depth of [0, 1, 2, 3, 4]) expect(joined(value, depth)).toBe(JSON.stringify(value, null, 2));
    expect(joined(undefined)).toBe('');
  });

  it('the CLI writes --json through it: a real answer, byte for byte what JSON.stringify would print', async () => {
    const run = await httpapi(['bindings', ...demo, '--as-of', '2027-01-01', '--json']);
    expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`);
  });
});
