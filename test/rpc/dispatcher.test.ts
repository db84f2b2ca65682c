import { PassThrough } from 'node:stream';
import {
  CancellationTokenSource,
  ProgressType,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpApiError } from '../../src/errors.js';
import { createDispatcher } from '../../src/rpc/dispatcher.js';
import { Methods, SitesList } from '../../src/protocol/index.js';
import { runWorker } from '../../src/rpc/server.js';
import { implement, type HandlerContext, type Implementation, type Implementations } from '../../src/protocol/handler.js';
import { implementations as realImplementations } from '../../src/handlers/index.js';
import { serverInfo } from '../../src/handlers/server.js';

/**
 * The transport and dispatcher in-process, with test implementations standing in for the
 * real handlers: what no real handler does yet (report progress, take long enough to be
 * cancelled in flight) is still proven end to end through a real vscode-jsonrpc client.
 */
interface Session {
  client: MessageConnection;
  log: string[];
  output: Buffer[];
  /** Ends the client's stream to the worker; resolves when the worker's runWorker returns. */
  end(): Promise<void>;
}

const sessions: Session[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.end()));
});

/** The real registry with the given implementations standing in for their methods' own. */
function session(standIns: readonly Implementation[]): Session {
  const implementations = { ...realImplementations, ...Object.fromEntries(standIns.map((standIn) => [standIn.definition.method, standIn])) } as Implementations;
  const toWorker = new PassThrough();
  const fromWorker = new PassThrough();
  const output: Buffer[] = [];
  fromWorker.on('data', (chunk: Buffer) => output.push(chunk));
  const log: string[] = [];
  const done = runWorker({ dispatch: createDispatcher(implementations, {}), input: toWorker, output: fromWorker, log: (line) => log.push(line) });
  const client = createMessageConnection(new StreamMessageReader(fromWorker), new StreamMessageWriter(toWorker));
  client.listen();
  let ended: Promise<void> | undefined;
  const created: Session = {
    client,
    log,
    output,
    end: () =>
      (ended ??= (async () => {
        client.dispose();
        toWorker.end();
        await done;
      })()),
  };
  sessions.push(created);
  return created;
}

const emptySites = { file: '/snapshot/applicationHost.config', sites: [] };

async function rejection(promise: Promise<unknown>): Promise<ResponseError<Record<string, unknown>>> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (error: unknown) => error,
  );
  if (!(error instanceof ResponseError)) throw error;
  return error;
}

describe('$/progress', () => {
  const reporting = implement(SitesList, async (_params, context) => {
    context.progress('reading applicationHost.config', 10);
    await new Promise((resolve) => setTimeout(resolve, 5));
    context.progress('parsing', 60);
    context.progress('done');
    return emptySites;
  });

  it('delivers each report for the request\'s progressToken, before the result', async () => {
    const { client } = session([reporting]);
    const reports: unknown[] = [];
    client.onProgress(new ProgressType<unknown>(), 'sites-1', (value) => reports.push(value));
    const result = await client.sendRequest('sites/list', { progressToken: 'sites-1' });
    expect(result).toEqual(emptySites);
    expect(reports).toEqual([
      { kind: 'report', message: 'reading applicationHost.config', percentage: 10 },
      { kind: 'report', message: 'parsing', percentage: 60 },
      { kind: 'report', message: 'done' },
    ]);
  });

  it('accepts a numeric token', async () => {
    const { client } = session([reporting]);
    const reports: unknown[] = [];
    client.onProgress(new ProgressType<unknown>(), 7, (value) => reports.push(value));
    await client.sendRequest('sites/list', { progressToken: 7 });
    expect(reports).toHaveLength(3);
  });

  it('sends nothing but the response without a token', async () => {
    const { client, output } = session([reporting]);
    await client.sendRequest('sites/list', {});
    expect(Buffer.concat(output).toString('utf8')).not.toContain('$/progress');
  });
});

/**
 * Sends sites/list to a worker whose handler is `body`, and cancels it once the handler has
 * started; `afterCancel` runs next (to let the handler go on). Resolves to the error answered.
 */
async function cancelWhileRunning(body: (context: HandlerContext) => Promise<unknown>, afterCancel: () => Promise<void> | void = () => {}) {
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const handler = implement(SitesList, async (_params, context: HandlerContext) => {
    started();
    await body(context);
    return emptySites;
  });
  const { client } = session([handler]);
  const cancellation = new CancellationTokenSource();
  const answer = rejection(client.sendRequest('sites/list', {}, cancellation.token));
  await running;
  cancellation.cancel();
  await afterCancel();
  return answer;
}

describe('-32800 cancellation in flight', () => {
  it('aborts the handler\'s signal on $/cancelRequest and answers -32800', async () => {
    let seen: AbortSignal | undefined;
    const error = await cancelWhileRunning(async (context) => {
      seen = context.signal;
      // Stands for a long read: returns only when aborted (or, as a safety net, after 10 s).
      await new Promise((resolve) => {
        context.signal.addEventListener('abort', resolve);
        setTimeout(resolve, 10_000).unref();
      });
    });
    expect(error.code).toBe(-32800);
    expect(error.message).toBe('Request sites/list was cancelled.');
    expect(seen?.aborted).toBe(true);
  });

  it('answers -32800 for a read cancelled while it ran, though its handler never asked for the signal', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const error = await cancelWhileRunning(
      () => finished,
      async () => {
        // The worker reads the $/cancelRequest notification before the handler goes on.
        await new Promise((resolve) => setTimeout(resolve, 50));
        finish();
      },
    );
    expect(error.code).toBe(-32800);
  });

  it('answers -32800 even when the handler fails because it was aborted', async () => {
    const error = await cancelWhileRunning(async (context) => {
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      throw new Error('read aborted');
    });
    expect(error.code).toBe(-32800);
  });
});

describe('error mapping', () => {
  it('has an implementation for every protocol method, and a registry without one does not compile', () => {
    expect(Object.keys(realImplementations).sort()).toEqual(Methods.map((definition) => definition.method).sort());
    const { 'sites/list': left, ...rest } = realImplementations;
    // @ts-expect-error: `tsc -p .` fails here if the registry's type stops requiring every method
    const incomplete: Implementations = rest;
    // Read, so that noUnusedLocals cannot be the error @ts-expect-error finds on the line above.
    void [left, incomplete];
  });

  it('answers NO_SOURCE (1001) when a handler asks for a source there is none of', async () => {
    const needsConfig = implement(SitesList, (_params, context) => ({ file: context.source.config().path, sites: [] }));
    const { client } = session([needsConfig]);
    const error = await rejection(client.sendRequest('sites/list', {}));
    expect(process.platform).not.toBe('win32'); // on Windows the live machine is the source
    expect(error.code).toBe(1001);
    expect(error.data).toMatchObject({ id: 'NO_SOURCE', category: 'NotSpecified', platform: process.platform });
    expect(error.message).toMatch(/not Windows.*Give --snapshot DIR/);
    // The same request with a source of its own succeeds.
    await expect(client.sendRequest('sites/list', { source: { snapshot: '/snap' } })).resolves.toEqual({ file: '/snap/applicationHost.config', sites: [] });
  });

  it('passes an HttpApiError\'s id, category and data through, without a stack', async () => {
    const notFound = implement(SitesList, (params) => {
      throw new HttpApiError('NOT_FOUND', `No site named '${params.site}' in /snap/applicationHost.config.`, { site: params.site });
    });
    const { client } = session([notFound]);
    const error = await rejection(client.sendRequest('sites/list', { site: 'Nope' }));
    expect(error.code).toBe(1002);
    expect(error.message).toBe("No site named 'Nope' in /snap/applicationHost.config.");
    expect(error.data).toEqual({ id: 'NOT_FOUND', category: 'ObjectNotFound', site: 'Nope' });
  });

  it('answers an unexpected failure with -32603, the method and the message, no stack', async () => {
    const broken = implement(SitesList, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    });
    const { client, output } = session([broken]);
    const error = await rejection(client.sendRequest('sites/list', {}));
    expect(error.code).toBe(-32603);
    expect(error.message).toBe("Request sites/list failed: Cannot read properties of undefined (reading 'name')");
    expect(Buffer.concat(output).toString('utf8')).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('answer order', () => {
  it('answers pipelined requests in the order they came, though a later one finishes first', async () => {
    const slow = implement(SitesList, async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return emptySites;
    });
    const { client } = session([slow, serverInfo]);
    const order: string[] = [];
    await Promise.all([
      client.sendRequest('sites/list', {}).then(() => order.push('sites/list')),
      rejection(client.sendRequest('sites/list', { site: 5 })).then(() => order.push('invalid params')),
      client.sendRequest('server/info', {}).then(() => order.push('server/info')),
    ]);
    expect(order).toEqual(['sites/list', 'invalid params', 'server/info']);
  });
});

describe('runWorker', () => {
  it('resolves when its input closes', async () => {
    const current = session([serverInfo]);
    await expect(current.client.sendRequest('server/info', {})).resolves.toMatchObject({ name: 'HttpApi' });
    await expect(current.end()).resolves.toBeUndefined();
  });
});
