import { describe, expect, it } from 'vitest';
import { mergeSourceSpecs } from '../../src/source/source-spec.js';

describe('mergeSourceSpecs', () => {
  it('lays a request over the worker default field by field', () => {
    expect(mergeSourceSpecs({ snapshot: 'a', netshPath: 'n' }, { configPath: 'c' })).toEqual({ snapshot: 'a', netshPath: 'n', configPath: 'c' });
    expect(mergeSourceSpecs({ snapshot: 'a' }, undefined)).toEqual({ snapshot: 'a' });
  });

  it('a request naming another snapshot drops the default\'s per-file choices, which were meant for the old one', () => {
    const defaults = { snapshot: 'a', configPath: 'c', iisExpress: true, solution: 's', sslcertFile: 'x', urlaclFile: 'y', certsDir: 'z', netshPath: 'n' };
    expect(mergeSourceSpecs(defaults, { snapshot: 'b' })).toEqual({ snapshot: 'b', netshPath: 'n' });
    expect(mergeSourceSpecs(defaults, { snapshot: 'b', certsDir: 'mine' })).toEqual({ snapshot: 'b', netshPath: 'n', certsDir: 'mine' });
    expect(mergeSourceSpecs(defaults, { snapshot: 'a' })).toEqual(defaults);
  });
});
