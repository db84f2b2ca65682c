import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame, startRawWorker, type RawWorker } from './raw-worker.js';

/**
 * StreamJsonRpc's default for a call without arguments is `"params": []` (positional, empty):
 * the worker treats it like no params. A non-empty array is still refused (params are by name).
 */
let worker: RawWorker;
beforeAll(async () => {
  worker = await startRawWorker(['--snapshot', 'fixtures/demo-server']);
});
afterAll(async () => {
  await worker.close();
});

describe('"params": []', () => {
  it('is answered like a request without params', async () => {
    worker.write(
      frame({ jsonrpc: '2.0', id: 1, method: 'sites/list', params: [] }),
      frame({ jsonrpc: '2.0', id: 2, method: 'sites/list' }),
      frame({ jsonrpc: '2.0', id: 3, method: 'server/info', params: [] }),
    );
    const [empty, none, info] = await worker.read(3);
    expect(empty).not.toHaveProperty('error');
    expect((empty?.result as { sites: unknown[] }).sites.length).toBeGreaterThan(0);
    expect(empty?.result).toEqual(none?.result);
    expect(info).toMatchObject({ id: 3, result: { name: 'HttpApi' } });
  });

  it('still refuses params a method requires', async () => {
    worker.write(frame({ jsonrpc: '2.0', id: 4, method: 'urlacl/delete', params: [] }));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 4, error: { code: -32602, data: { issues: [{ path: 'url' }] } } });
  });

  it('does not make a non-empty array acceptable', async () => {
    worker.write(frame({ jsonrpc: '2.0', id: 5, method: 'sites/list', params: ['Contoso WWW'] }));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 5, error: { code: -32602, data: { issues: [{ path: '(params)' }] } } });
  });
});
