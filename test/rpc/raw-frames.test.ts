import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame, parseFrames, startRawWorker, type JsonRpcResponse, type RawWorker } from './raw-worker.js';

const request = (id: string | number, method: string, params: unknown = {}) => frame({ jsonrpc: '2.0', id, method, params });

// One worker for the whole file; the last test closes it and checks every byte it wrote.
let worker: RawWorker;
/** Messages read so far, to check at the end that stdout held those and nothing else. */
let answered = 0;
beforeAll(async () => {
  const raw = await startRawWorker();
  worker = { ...raw, read: async (count, timeoutMs) => ((answered += count), raw.read(count, timeoutMs)) };
});
afterAll(async () => {
  await worker.close();
});

describe('-32700 parse error', () => {
  it('answers a malformed JSON frame with id null, then answers the next request', async () => {
    worker.write(frame('{"jsonrpc":"2.0","id":1,"method":'), request(2, 'server/info'));
    const [parseError, answer] = await worker.read(2);
    expect(parseError).toMatchObject({ id: null, error: { code: -32700 } });
    expect(parseError?.error?.message).toMatch(/^Parse error: /);
    expect(answer).toMatchObject({ id: 2, result: { name: 'HttpApi' } });
  });

  it('survives bytes that are not UTF-8 JSON at all', async () => {
    worker.write(Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0xff, 0xfe, 0x00, 0x7b])]), request('after', 'server/info'));
    const [parseError, answer] = await worker.read(2);
    expect(parseError).toMatchObject({ id: null, error: { code: -32700 } });
    expect(answer).toMatchObject({ id: 'after', result: { name: 'HttpApi' } });
  });
});

describe('-32600 invalid request', () => {
  const cases: [string, string, string | number | null][] = [
    ['wrong jsonrpc version', '{"jsonrpc":"1.0","id":10,"method":"server/info"}', 10],
    ['no jsonrpc member', '{"id":11,"method":"server/info"}', 11],
    ['missing method', '{"jsonrpc":"2.0","id":12}', 12],
    ['method not a string', '{"jsonrpc":"2.0","id":13,"method":42}', 13],
    ['params neither object nor array', '{"jsonrpc":"2.0","id":14,"method":"server/info","params":"all"}', 14],
    ['an id of the wrong type (answered with id null)', '{"jsonrpc":"2.0","id":{"n":1},"method":"server/info"}', null],
    ['a request with id null', '{"jsonrpc":"2.0","id":null,"method":"server/info"}', null],
    ['a number', '42', null],
    ['a string', '"server/info"', null],
    ['null', 'null', null],
    ['a batch', '[{"jsonrpc":"2.0","id":15,"method":"server/info"}]', null],
    ['an empty batch', '[]', null],
  ];

  it.each(cases)('%s', async (_name, body, id) => {
    worker.write(frame(body));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id, error: { code: -32600 } });
    expect(answer?.error?.message).toMatch(/^Invalid request: /);
    expect(answer).not.toHaveProperty('result');
  });

  it('keeps serving after all of them, in one pipelined write', async () => {
    worker.write(...cases.map(([, body]) => frame(body)), request('still-here', 'server/info'));
    const answers = await worker.read(cases.length + 1);
    expect(answers.slice(0, -1).map((answer) => answer.error?.code)).toEqual(cases.map(() => -32600));
    expect(answers.at(-1)).toMatchObject({ id: 'still-here', result: { name: 'HttpApi' } });
  });
});

describe('-32602 params as an array (by position)', () => {
  it('is refused with an issue at (params)', async () => {
    worker.write(frame({ jsonrpc: '2.0', id: 20, method: 'sites/list', params: ['Default Web Site'] }));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 20, error: { code: -32602, data: { issues: [{ path: '(params)' }] } } });
  });
});

describe('-32800 cancelled', () => {
  it('answers a request cancelled before it was dispatched with -32800 and the others normally', async () => {
    // The worker takes one queued message per event-loop turn but reads a whole chunk at once,
    // so a cancel written in the same chunk as a backlog reaches the queue before its request runs.
    const backlog = Array.from({ length: 50 }, (_, index) => request(`b${index}`, 'server/info'));
    worker.write(...backlog, request('doomed', 'server/info'), frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'doomed' } }));
    const answers = await worker.read(51);
    expect(answers.slice(0, 50).every((answer) => answer.result !== undefined)).toBe(true);
    expect(answers.at(-1)).toMatchObject({ id: 'doomed', error: { code: -32800, message: 'Request server/info was cancelled.' } });
  });

  it('ignores a cancel for a request already answered, or never sent', async () => {
    worker.write(frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'b0' } }), frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'nope' } }));
    worker.write(request('next', 'server/info'));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 'next', result: { name: 'HttpApi' } });
  });
});

describe('a pipelined burst of 1,000 requests', () => {
  it('answers every one, in order, whatever the outcome', async () => {
    // Successes and three kinds of error interleaved, numeric and string ids; sites/list reads
    // a file, so its answers are ready later than the ones around them.
    const kinds = [
      {
        id: (n: number) => `f${n}`,
        frame: (id: number | string) => request(id, 'sites/list', { source: { snapshot: 'fixtures/demo-server' } }),
        check: (answer: JsonRpcResponse) => answer.result !== undefined || answer.error!.code >= 1000,
      },
      { id: (n: number) => n, frame: (id: number | string) => request(id, 'server/info'), check: (answer: JsonRpcResponse) => answer.result !== undefined },
      { id: (n: number) => `s${n}`, frame: (id: number | string) => request(id, 'no/such-method'), check: (answer: JsonRpcResponse) => answer.error?.code === -32601 },
      { id: (n: number) => n, frame: (id: number | string) => request(id, 'sites/list', { site: 5 }), check: (answer: JsonRpcResponse) => answer.error?.code === -32602 },
      { id: (n: number) => `p${n}`, frame: (id: number | string) => request(id, 'server/info', { progressToken: n(id) }), check: (answer: JsonRpcResponse) => answer.result !== undefined },
    ];
    const sent = Array.from({ length: 1000 }, (_, n) => {
      const kind = kinds[n % kinds.length]!;
      return { id: kind.id(n + 1000), kind };
    });
    worker.write(...sent.map(({ id, kind }) => kind.frame(id)));

    const answers = await worker.read(1000, 60_000);
    expect(answers.map((answer) => answer.id)).toEqual(sent.map(({ id }) => id));
    const wrong = answers.filter((answer, index) => !sent[index]!.kind.check(answer));
    expect(wrong).toEqual([]);
  });
});

describe('real handlers', () => {
  it('answer every read method on the demo server in frames, whatever they find', async () => {
    worker.write(request('info', 'server/info'));
    const [info] = await worker.read(1);
    const reads = (info?.result as { methods: { name: string; implemented: boolean; changes: boolean }[] }).methods.filter(
      (method) => method.implemented && !method.changes && !['server/info', 'rpc.discover', 'snapshot/export'].includes(method.name),
    );
    worker.write(...reads.map((method) => request(method.name, method.name, { source: { snapshot: 'fixtures/demo-server' } })));
    const answers = await worker.read(reads.length);
    expect(answers.map((answer) => answer.id)).toEqual(reads.map((method) => method.name));
    // A handler may fail on the demo server, but only with a catalogued error, never an internal one.
    expect(answers.filter((answer) => answer.error && answer.error.code < 1000)).toEqual([]);
  });
});

describe('end of session', () => {
  it('exits with code 0 when stdin closes, having written nothing but frames to stdout', async () => {
    const { code, stdout, stderr } = await worker.close();
    expect(code).toBe(0);
    const { messages, rest } = parseFrames(stdout);
    expect(rest.length).toBe(0);
    expect(messages).toHaveLength(answered);
    expect(messages.every((message) => 'id' in message && ('result' in message || 'error' in message))).toBe(true);
    // The rejected frames were logged, to stderr.
    expect(stderr).toContain('rejected frame: Parse error');
  });
});

function n(id: number | string): number {
  return Number(String(id).replace(/\D/g, ''));
}

describe('input that ends in the middle of a frame', () => {
  it('still exits with code 0, promptly, having answered the complete frames before it', async () => {
    const truncated = await startRawWorker();
    truncated.write(request(1, 'server/info'), Buffer.from('Content-Length: 1000\r\n\r\n{"jsonrpc":"2.0",'));
    const [answer] = await truncated.read(1);
    expect(answer).toMatchObject({ id: 1, result: { name: 'HttpApi' } });
    const started = Date.now();
    const { code } = await truncated.close();
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
