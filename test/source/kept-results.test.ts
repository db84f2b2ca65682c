import { describe, expect, it } from 'vitest';
import { KeptResults } from '../../src/source/kept-results.js';

describe('KeptResults', () => {
  const counter = () => {
    let made = 0;
    return () => ({ made: ++made });
  };

  it('gives the kept result while every part is the same object, or the same string or number', () => {
    const kept = new KeptResults<{ made: number }>(4);
    const make = counter();
    const config = {};
    const first = kept.get('a', [config, 'text', 30], make);
    expect(kept.get('a', [config, `te${'xt'}`, 30], make)).toBe(first);
    // An equal object is not the same object: its source may have changed.
    expect(kept.get('a', [{}, 'text', 30], make)).not.toBe(first);
    expect(kept.get('a', [config, 'text', 31], make).made).toBe(3);
    expect(kept.get('a', [config, 'text'], make).made).toBe(4);
  });

  it('keeps one result per key, the made one in place of the old, and the most recently used keys only', () => {
    const kept = new KeptResults<{ made: number }>(2);
    const make = counter();
    const a = kept.get('a', ['x'], make);
    const b = kept.get('b', ['x'], make);
    expect(kept.get('a', ['x'], make)).toBe(a);
    // c pushes out b, the least recently used.
    kept.get('c', ['x'], make);
    expect(kept.get('a', ['x'], make)).toBe(a);
    expect(kept.get('b', ['x'], make)).not.toBe(b);
    // A key's new parts replace its result: the old one is not given for the old parts again.
    const changed = kept.get('a', ['y'], make);
    expect(kept.get('a', ['x'], make)).not.toBe(a);
    expect(changed).not.toBe(a);
  });

  it('keeps nothing when making fails', () => {
    const kept = new KeptResults<number>(2);
    expect(() => kept.get('a', ['x'], () => { throw new Error('unreadable'); })).toThrow('unreadable');
    expect(kept.get('a', ['x'], () => 7)).toBe(7);
  });
});
