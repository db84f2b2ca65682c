import { ParameterStructures, ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCatalog } from '../../src/errors.js';
import { Methods, type MethodName } from '../../src/protocol/index.js';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { exampleParams } from './example-params.js';

interface Issue {
  path: string;
  message: string;
  code: string;
}
interface ServerInfoResult {
  methods: { name: MethodName; implemented: boolean }[];
  source: { notes: string[] };
}

/** A worker started with no source, on Linux: nothing to read unless a request names a source. */
let worker: WorkerClient;
let info: ServerInfoResult;

beforeAll(async () => {
  worker = await startWorker();
  info = await worker.connection.sendRequest<ServerInfoResult>('server/info', {});
});
afterAll(async () => {
  await worker.close();
});

async function failure(method: string, params?: unknown): Promise<ResponseError<Record<string, unknown> & { issues?: Issue[] }>> {
  const request = params === undefined ? worker.connection.sendRequest(method) : worker.connection.sendRequest(method, params);
  const error = await request.then(
    (result) => new Error(`${method} succeeded: ${JSON.stringify(result).slice(0, 200)}`),
    (error: unknown) => error,
  );
  if (!(error instanceof ResponseError)) throw error;
  return error;
}

describe('-32601 method not found', () => {
  it('answers an unknown method with its name and where to look', async () => {
    const error = await failure('sites/lsit', {});
    expect(error.code).toBe(-32601);
    expect(error.message).toContain('"sites/lsit"');
    expect(error.message).toContain('server/info');
  });
});

describe('-32602 invalid params', () => {
  it('names the field whose type is wrong', async () => {
    const error = await failure('sites/list', { site: 5 });
    expect(error.code).toBe(-32602);
    expect(error.message).toMatch(/^Invalid params for sites\/list: site: /);
    expect(error.data?.issues).toEqual([expect.objectContaining({ path: 'site', code: 'invalid_type' })]);
  });

  it('lists every problem in data.issues, not only the first', async () => {
    const error = await failure('sslcert/add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: 'not-a-hash', appId: 'not-a-guid' });
    expect(error.code).toBe(-32602);
    const paths = error.data?.issues?.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['certificateHash', 'appId']));
    expect(paths).toHaveLength(2);
    expect(error.message).toContain('(and 1 more)');
    expect(error.data?.issues?.find((issue) => issue.path === 'certificateHash')?.message).toContain('40 hexadecimal characters');
    expect(error.data?.issues?.find((issue) => issue.path === 'appId')?.message).toContain('GUID');
  });

  it('reports every missing required field', async () => {
    const error = await failure('sslcert/delete', {});
    expect(error.code).toBe(-32602);
    expect(error.data?.issues?.map((issue) => issue.path).sort()).toEqual(['key', 'kind']);
  });

  it('refuses an unknown field and names it', async () => {
    const error = await failure('server/info', { verbose: true });
    expect(error.code).toBe(-32602);
    expect(error.message).toContain('verbose');
    expect(error.data?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);
  });

  it('names a nested field by its dotted path', async () => {
    const error = await failure('server/info', { source: { snapshot: 5 } });
    expect(error.code).toBe(-32602);
    expect(error.data?.issues).toEqual([expect.objectContaining({ path: 'source.snapshot' })]);
  });

  it('refuses params by position', async () => {
    const error = await worker.connection.sendRequest('server/info', ParameterStructures.byPosition, 'a', 1).then(
      () => undefined,
      (error: ResponseError<{ issues: Issue[] }>) => error,
    );
    expect(error?.code).toBe(-32602);
    expect(error?.message).toContain('must be an object');
  });

  it('validates params before anything else, before any source is read', async () => {
    const error = await failure('certificates/replace', { oldHash: 'x', newHash: 'y' });
    expect(error.code).toBe(-32602);
  });

  it('accepts a request without params where every field is optional', async () => {
    await expect(worker.connection.sendRequest('server/info')).resolves.toMatchObject({ name: 'HttpApi' });
  });
});

describe('domain errors (1000 and up)', () => {
  it('example params pass validation, so the answers below are the methods\' own', () => {
    for (const definition of Methods) {
      expect(definition.params.safeParse(exampleParams[definition.method]).error, definition.method).toBeUndefined();
    }
  });

  // The registry of implementations is keyed by method, so a method cannot lose its
  // implementation and still compile; this checks what the worker says about it.
  it('server/info lists every protocol method as implemented', () => {
    expect(info.methods.map((method) => method.name)).toEqual(Methods.map((definition) => definition.method));
    expect(info.methods.filter((method) => !method.implemented).map((method) => method.name)).toEqual([]);
  });

  it('answers NO_SOURCE (1001) for each method that reads state, when the worker has no source off Windows', async () => {
    const needState = info.methods.filter((method) => method.name !== 'server/info' && method.name !== 'rpc.discover').map((method) => method.name);
    // Written out, so a method that stops needing a source (or a new one) is seen here.
    expect(needState).toEqual([
      'sites/list', 'bindings/https', 'bindings/add', 'bindings/remove', 'bindings/setCertificate', 'bindings/update', 'sslcert/list', 'sslcert/add', 'sslcert/update',
      'sslcert/delete', 'urlacl/list', 'urlacl/add', 'urlacl/update', 'urlacl/delete', 'certificates/list', 'certificates/replace', 'changes/recover', 'diagnostics/run', 'snapshot/export',
    ]);
    for (const name of needState) {
      const error = await failure(name, exampleParams[name]);
      expect(error.code, name).toBe(ErrorCatalog.NO_SOURCE.code);
      expect(error.data, name).toMatchObject({ id: 'NO_SOURCE', category: 'NotSpecified' });
      expect(error.message, name).toMatch(/not Windows.*--snapshot DIR/);
    }
  });

  it('server/info says what is missing instead of failing', () => {
    expect(info.source.notes).toHaveLength(3);
    for (const note of info.source.notes) expect(note).toMatch(/^No source for .*not Windows.*Give --snapshot DIR/);
  });

  it('a request\'s own source removes the NO_SOURCE note', async () => {
    const withSource = await worker.connection.sendRequest<ServerInfoResult & { source: { config: string | null } }>('server/info', {
      source: { snapshot: '/tmp/some-snapshot' },
    });
    expect(withSource.source.notes).toEqual([]);
    expect(withSource.source.config).toBe('/tmp/some-snapshot/applicationHost.config (snapshot)');
  });
});

describe('the worker after errors', () => {
  it('has written no stack trace to its log or the wire', () => {
    expect(worker.stderr()).not.toMatch(/\n\s+at /);
  });
});
