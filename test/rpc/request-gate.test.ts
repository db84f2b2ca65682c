import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/rpc/request-gate.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('RequestGate', () => {
  it('lets reads run together, a write alone, and everyone in arrival order', async () => {
    const gate = new RequestGate();
    const log: string[] = [];
    const request = async (name: string, write: boolean, ms: number) => {
      const release = await gate.enter(write);
      log.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`${name} out`);
      release();
    };
    await Promise.all([request('r1', false, 30), request('r2', false, 10), request('w1', true, 20), request('r3', false, 5), request('w2', true, 5), request('r4', false, 5)]);
    expect(log).toEqual(['r1 in', 'r2 in', 'r2 out', 'r1 out', 'w1 in', 'w1 out', 'r3 in', 'r3 out', 'w2 in', 'w2 out', 'r4 in', 'r4 out']);
  });

  it('a read that arrives before a write is not held back by it', async () => {
    const gate = new RequestGate();
    const releaseRead = await gate.enter(false);
    let writing = false;
    const write = gate.enter(true).then((release) => {
      writing = true;
      return release;
    });
    await tick();
    expect(writing).toBe(false);
    releaseRead();
    (await write)();
    expect(writing).toBe(true);
  });
});
