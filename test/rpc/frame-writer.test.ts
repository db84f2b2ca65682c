import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FrameWriter } from '../../src/rpc/frame-writer.js';

/** A stream that records each write the way it reaches the pipe: one entry per _write or _writev. */
function recorder(fail?: Error) {
  const writes: Buffer[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push([chunk]);
      done(fail);
    },
    writev(chunks, done) {
      writes.push(chunks.map((entry) => entry.chunk as Buffer));
      done(fail);
    },
  });
  return { stream, writes };
}

describe('FrameWriter', () => {
  it('writes each message as one Content-Length frame, header and body in a single writev', async () => {
    const { stream, writes } = recorder();
    const writer = new FrameWriter(stream);
    const message = { jsonrpc: '2.0' as const, id: 1, result: { site: 'Café Müller', host: 'ü.example' } };
    await writer.write(message);
    expect(writes).toHaveLength(1);
    const frame = Buffer.concat(writes[0]!);
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    // The length counts bytes, not characters: the body has non-ASCII text.
    expect(body.length).toBeGreaterThan(JSON.stringify(message).length);
    expect(frame.toString('utf8')).toBe(`Content-Length: ${body.length}\r\n\r\n${JSON.stringify(message)}`);
  });

  it('keeps messages in the order they were written, without waiting for each other', async () => {
    const { stream, writes } = recorder();
    const writer = new FrameWriter(stream);
    await Promise.all([1, 2, 3].map((id) => writer.write({ jsonrpc: '2.0', id, result: id } as never)));
    const ids = writes.map((chunks) => JSON.parse(Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[1]!).id);
    expect(ids).toEqual([1, 2, 3]);
  });

  it('a failed write rejects and is reported to the connection with the message and a running count', async () => {
    const { stream } = recorder(new Error('EPIPE: the reader went away'));
    stream.on('error', () => {});
    const writer = new FrameWriter(stream);
    const reported: unknown[][] = [];
    writer.onError(([error, message, count]) => reported.push([(error as Error).message, message, count]));
    const message = { jsonrpc: '2.0' as const, id: 7, result: null };
    await expect(writer.write(message)).rejects.toThrow('EPIPE: the reader went away');
    expect(reported).toContainEqual(['EPIPE: the reader went away', message, 1]);
  });

  it('a message JSON cannot hold is refused before anything is written', async () => {
    const { stream, writes } = recorder();
    const writer = new FrameWriter(stream);
    await expect(writer.write({ jsonrpc: '2.0', id: 1, result: 10n } as never)).rejects.toThrow(/BigInt/);
    expect(writes).toEqual([]);
  });

  it('sends a large result given again from the bytes it made the first time, each frame still the message JSON.stringify writes', async () => {
    const { stream, writes } = recorder();
    const writer = new FrameWriter(stream);
    const result = { bindings: Array.from({ length: 2000 }, (_, index) => ({ site: `Café ${index}`, port: 443 + index, host: null, findings: [] })) };
    expect(JSON.stringify(result).length).toBeGreaterThan(64 * 1024);
    const first = { jsonrpc: '2.0' as const, id: 1, result };
    await writer.write(first);
    // The same object, as a reused answer comes back: the kept bytes, under the new id.
    const again = { jsonrpc: '2.0' as const, id: 'second', result };
    await writer.write(again);
    // A result changed in place would be a new object in the worker; the writer keeps bytes per object.
    const other = { jsonrpc: '2.0' as const, id: 3, result: { ...result, bindings: result.bindings.slice(1) } };
    await writer.write(other);
    const frames = writes.map((chunks) => Buffer.concat(chunks).toString('utf8'));
    for (const [index, message] of [first, again, other].entries()) {
      const body = JSON.stringify(message);
      expect(frames[index]).toBe(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
  });

  it('writes errors, notifications and small results as JSON.stringify writes them', async () => {
    const { stream, writes } = recorder();
    const writer = new FrameWriter(stream);
    const messages = [
      { jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'Invalid params' } },
      { jsonrpc: '2.0', method: '$/progress', params: { token: 't', value: { message: 'Reading' } } },
      { jsonrpc: '2.0', id: 2, result: [1, 2] },
      { jsonrpc: '2.0', id: 3, result: { small: 'ü' } },
      { jsonrpc: '2.0', id: null, result: { small: true } },
    ];
    for (const message of messages) await writer.write(message as never);
    expect(writes.map((chunks) => Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[1])).toEqual(messages.map((message) => JSON.stringify(message)));
  });
});
