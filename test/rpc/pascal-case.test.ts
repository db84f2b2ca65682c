import { afterEach, describe, expect, it } from 'vitest';
import { pascalCaseResult } from '../../src/rpc/pascal-case-keys.js';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';

let worker: WorkerClient | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

/** Every property name in a JSON value, at every depth. */
function keys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keys);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keys(inner)]);
}

describe('serve --pascal-case', () => {
  it('answers with the same result, every property name PascalCase and every value untouched', async () => {
    const params = { source: { snapshot: 'fixtures/demo-server' }, asOf: '2026-01-01T00:00:00Z' };
    worker = await startWorker();
    const camel = await worker.connection.sendRequest('bindings/https', params);
    await worker.close();
    worker = await startWorker(['--pascal-case']);
    const pascal = await worker.connection.sendRequest('bindings/https', params);
    const names = keys(pascal);
    expect(names).toContain('BindingInformation');
    expect(names.filter((name) => !/^[A-Z]/.test(name))).toEqual([]);
    // Lower-casing the first letter back gives the worker's ordinary answer exactly.
    const camelCase = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(camelCase) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), camelCase(inner)])) : value;
    expect(camelCase(pascal)).toEqual(camel);
  });

  it('leaves errors as JSON-RPC defines them', async () => {
    worker = await startWorker(['--pascal-case']);
    await expect(worker.connection.sendRequest('sites/list', { site: 3 })).rejects.toMatchObject({ code: -32602, data: { issues: expect.any(Array) } });
  });
});

describe('pascalCaseResult', () => {
  it('renames a result once: the same result, the same renamed object; another result, its own', () => {
    const result = { bindingInformation: '*:443:', findings: [{ code: 'X' }] };
    const renamed = pascalCaseResult(result);
    expect(renamed).toEqual({ BindingInformation: '*:443:', Findings: [{ Code: 'X' }] });
    expect(pascalCaseResult(result)).toBe(renamed);
    expect(pascalCaseResult({ ...result })).not.toBe(renamed);
    expect(pascalCaseResult('text')).toBe('text');
    expect(pascalCaseResult(null)).toBeNull();
  });
});
