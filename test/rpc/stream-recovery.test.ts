import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame, startRawWorker, type JsonRpcResponse, type RawWorker } from './raw-worker.js';

const request = (id: string | number, method = 'server/info', params: unknown = {}) => frame({ jsonrpc: '2.0', id, method, params });
const ascii = (text: string) => Buffer.from(text, 'latin1');
const body = (id: number | string) => JSON.stringify({ jsonrpc: '2.0', id, method: 'server/info', params: {} });

let worker: RawWorker;
beforeAll(async () => {
  worker = await startRawWorker();
});
afterAll(async () => {
  await worker.close();
});

/** Reads until the answer to `id` arrives; returns what came before it and the answer. */
async function readUntil(id: string | number, max = 5): Promise<{ before: JsonRpcResponse[]; answer: JsonRpcResponse }> {
  const before: JsonRpcResponse[] = [];
  for (let index = 0; index < max; index++) {
    const [message] = await worker.read(1, 5_000);
    if (message!.id === id) return { before, answer: message! };
    before.push(message!);
  }
  throw new Error(`no answer to ${id} within ${max} messages: ${JSON.stringify(before)}`);
}

describe('a broken frame is answered once and the next request is served', () => {
  const good = body('x');
  const cases: [string, Buffer][] = [
    ['Content-Length one byte short', ascii(`Content-Length: ${good.length - 1}\r\n\r\n${good}`)],
    ['Content-Length one byte long', ascii(`Content-Length: ${good.length + 1}\r\n\r\n${good}`)],
    ['no Content-Length', ascii(`Content-Type: application/json\r\n\r\n${good}`)],
    ['a non-numeric Content-Length', ascii(`Content-Length: abc\r\n\r\n${good}`)],
    ['a negative Content-Length', ascii(`Content-Length: -5\r\n\r\n${good}`)],
    ['a fractional Content-Length', ascii(`Content-Length: 1.5\r\n\r\n${good}`)],
    ['an absurd Content-Length', ascii(`Content-Length: 1000000000000\r\n\r\n${good}`)],
    ['a Content-Length of 30 digits', ascii(`Content-Length: ${'9'.repeat(30)}\r\n\r\n${good}`)],
    ['Content-Length 0', ascii(`Content-Length: 0\r\n\r\n`)],
    ['a header with LF-only line ends', ascii(`Content-Length: ${good.length}\n\n${good}`)],
    ['a header without end', ascii(`Content-Length: ${good.length}\r\n`)],
    ['a header line without a colon', ascii(`Content-Length: ${good.length}\r\nnonsense\r\n\r\n${good}`)],
    ['bytes between frames', ascii('garbage!')],
    ['a NUL in the header', Buffer.concat([ascii('Content-Length: 5'), Buffer.from([0]), ascii(`\r\n\r\n${good}`)])],
  ];

  it.each(cases)('%s', async (_name, bad) => {
    const id = `after ${_name}`;
    worker.write(bad, request(id));
    const { before, answer } = await readUntil(id);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ id: null, error: { code: -32700 } });
    expect(before[0]!.error!.message).toMatch(/^Parse error: /);
    expect(answer).toMatchObject({ result: { name: 'HttpApi' } });
  });

  it('recovers from all of them sent in one write, answering the good request after each', async () => {
    worker.write(...cases.flatMap(([name, bad]) => [bad, request(`burst ${name}`)]));
    for (const [name] of cases) {
      const { before, answer } = await readUntil(`burst ${name}`);
      expect(before.map((message) => message.error?.code), name).toEqual([-32700]);
      expect(answer.result).toBeDefined();
    }
  });

  it('resynchronises at the second of two Content-Length headers, as after a header without end', async () => {
    worker.write(ascii(`Content-Length: 3\r\nContent-Length: ${good.length}\r\n\r\n${good}`));
    const [refused, answer] = await worker.read(2);
    expect(refused).toMatchObject({ id: null, error: { code: -32700, message: 'Parse error: the frame header has more than one Content-Length' } });
    expect(answer).toMatchObject({ id: 'x', result: { name: 'HttpApi' } });
  });

  it('accepts header names in any case and other headers', async () => {
    const text = body('case');
    worker.write(ascii(`content-length: ${text.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${text}`));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 'case', result: { name: 'HttpApi' } });
  });
});

describe('a client that waits for the answer to a broken frame before sending more', () => {
  const good = body('y');
  const stalled: [string, Buffer][] = [
    ['Content-Length one byte long', ascii(`Content-Length: ${good.length + 1}\r\n\r\n${good}`)],
    ['a header without end', ascii(`Content-Length: ${good.length}\r\n`)],
  ];

  it.each(stalled)('%s is answered once nothing more arrives for 2 s, and the next request is served', async (name, bad) => {
    const started = Date.now();
    worker.write(bad);
    const [refused] = await worker.read(1, 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(refused).toMatchObject({ id: null, error: { code: -32700 } });
    expect(refused!.error!.message).toContain('nothing more arrived within 2000 ms');
    worker.write(request(`after stalled ${name}`));
    const { before, answer } = await readUntil(`after stalled ${name}`);
    expect(before).toEqual([]);
    expect(answer.result).toBeDefined();
  });
});

describe('limits', () => {
  it('refuses a header of 2 MB without end at once, without waiting for the end, and serves the next request', async () => {
    const started = Date.now();
    worker.write(ascii(`Content-Length: 10\r\nX-Padding: ${'a'.repeat(2 * 1024 * 1024)}`));
    const [refused] = await worker.read(1, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(refused).toMatchObject({ id: null, error: { code: -32700 } });
    expect(refused!.error!.message).toContain('8192 bytes');
    worker.write(request('after long header'));
    const { before, answer } = await readUntil('after long header');
    expect(before).toEqual([]);
    expect(answer.result).toBeDefined();
  });

  it('answers an oversized Content-Length before its body arrives, skips the body without keeping it, then serves', async () => {
    const size = 160 * 1024 * 1024;
    const peakBefore = peakMemory(worker.pid);
    worker.write(ascii(`Content-Length: ${size}\r\n\r\n`));
    // Answered with nothing of the body sent: the worker does not wait for it.
    const [refused] = await worker.read(1, 5_000);
    expect(refused).toMatchObject({ id: null, error: { code: -32700, data: { contentLength: String(size), maxMessageBytes: 32 * 1024 * 1024 } } });
    const prefix = '{"jsonrpc":"2.0","id":"big","method":"server/info","params":{"pad":"';
    const oversized = Buffer.alloc(size, 'a');
    oversized.write(prefix, 0, 'latin1');
    oversized.write('"}}', size - 3, 'latin1');
    worker.write(oversized, request('after big'));
    const { before, answer } = await readUntil('after big');
    expect(before).toEqual([]);
    expect(answer.result).toBeDefined();
    // Kept, the body alone would raise the peak by 160 MB (a 30 MB body within the limit raises
    // it by about 120 MB once decoded); skipped, only the pipe's discarded chunks awaiting
    // garbage collection remain (measured: about 40 MB, whatever the body's size).
    expect(peakMemory(worker.pid) - peakBefore).toBeLessThan(80 * 1024 * 1024);
  });
});

describe('--max-message-bytes', () => {
  it('sets the body limit', async () => {
    const small = await startRawWorker(['--max-message-bytes', '200']);
    try {
      small.write(request('big', 'server/info', { pad: 'x'.repeat(300) }), request('small'));
      const [refused, answer] = await small.read(2);
      expect(refused).toMatchObject({ id: null, error: { code: -32700, data: { maxMessageBytes: 200 } } });
      expect(answer).toMatchObject({ id: 'small', result: { name: 'HttpApi' } });
    } finally {
      await small.close();
    }
  });

  it('refuses a value that is not a positive whole number', async () => {
    const bad = await startRawWorker(['--max-message-bytes', '-3']);
    const { code, stderr } = await bad.close();
    expect(code).toBe(1);
    expect(stderr).toContain('--max-message-bytes');
  });
});

describe('messages from the wire never reach internal ones', () => {
  it('does not answer a client notification named like the internal invalid-frame message', async () => {
    worker.write(
      frame({ jsonrpc: '2.0', method: '$/httpapi/invalidFrame', params: { id: 4242, code: -1, message: 'SPOOFED' } }),
      frame({ jsonrpc: '2.0', method: '$/httpapi/invalidFrame', params: {} }),
      frame({ jsonrpc: '2.0', method: '$/httpapi/invalidFrame' }),
      request('after spoof'),
    );
    const { before, answer } = await readUntil('after spoof');
    expect(before).toEqual([]);
    expect(answer.result).toBeDefined();
  });

  it('answers the same name sent as a request as an unknown method, to its own id', async () => {
    worker.write(frame({ jsonrpc: '2.0', id: 'spoof-request', method: '$/httpapi/invalidFrame', params: { id: 4242, code: -1, message: 'SPOOFED' } }));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 'spoof-request', error: { code: -32601 } });
  });
});

describe('notifications never get a response', () => {
  const notifications: [string, unknown][] = [
    ['params a string', { jsonrpc: '2.0', method: 'sites/list', params: 'all' }],
    ['params a number', { jsonrpc: '2.0', method: 'server/info', params: 5 }],
    ['failing the method schema', { jsonrpc: '2.0', method: 'sites/list', params: { site: 5 } }],
    ['an unknown method', { jsonrpc: '2.0', method: 'no/such-method', params: {} }],
    ['a wrong jsonrpc version', { jsonrpc: '1.0', method: 'server/info' }],
    ['a method that is not a string', { jsonrpc: '2.0', method: 42 }],
    ['a cancel without params', { jsonrpc: '2.0', method: '$/cancelRequest' }],
    ['a cancel whose id is an object', { jsonrpc: '2.0', method: '$/cancelRequest', params: { id: { n: 1 } } }],
    ['a cancel with params null', { jsonrpc: '2.0', method: '$/cancelRequest', params: null }],
  ];

  it.each(notifications)('%s', async (name, notification) => {
    worker.write(frame(notification), request(`after ${name}`));
    const { before, answer } = await readUntil(`after ${name}`);
    expect(before).toEqual([]);
    expect(answer.result).toBeDefined();
  });
});

describe('error messages quote inputs briefly', () => {
  it('cuts a 100,000-character method name in the message and the data', async () => {
    worker.write(request('long-method', 'm'.repeat(100_000)));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 'long-method', error: { code: -32601 } });
    expect(answer!.error!.message.length).toBeLessThan(400);
    expect(answer!.error!.message).toContain('100000 characters');
    expect(JSON.stringify(answer!.error!.data).length).toBeLessThan(400);
  });

  it('cuts a 100,000-character unknown key in -32602 issues', async () => {
    worker.write(request('long-key', 'sites/list', { ['k'.repeat(100_000)]: 1 }));
    const [answer] = await worker.read(1);
    expect(answer).toMatchObject({ id: 'long-key', error: { code: -32602 } });
    expect(JSON.stringify(answer!.error).length).toBeLessThan(2_000);
  });

  it('keeps a parse error short whatever the body', async () => {
    worker.write(frame(`{"jsonrpc":"2.0","id":1,"method":"${'q'.repeat(50_000)}`), request('after long parse error'));
    const { before } = await readUntil('after long parse error');
    expect(before[0]!.error!.message.length).toBeLessThan(500);
  });
});

/** The worker's peak resident memory (Linux /proc, where these tests run), in bytes. */
function peakMemory(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}
