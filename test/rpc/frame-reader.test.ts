import { createServer, type Socket, connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameReader } from '../../src/rpc/frame-reader.js';
import { defaultFrameLimits } from '../../src/rpc/frame-scanner.js';

/** A connected pair of real sockets: bytes written to `client` reach `server` through the poll phase, as a pipe's do. */
async function socketPair(): Promise<{ client: Socket; server: Socket; close: () => void }> {
  const where = process.platform === 'win32' ? '\\\\.\\pipe\\httpapi-frame-reader' : path.join(mkdtempSync(path.join(tmpdir(), 'httpapi-frames-')), 's');
  const listener = createServer();
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
  await new Promise<void>((resolve) => listener.listen(where, resolve));
  const client = connect(where);
  const server = await accepted;
  return { client, server, close: () => (client.destroy(), server.destroy(), listener.close()) };
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('FrameReader on a worker that was busy', () => {
  it('keeps a frame whose rest was already waiting when the stall timer fired late', async () => {
    const pair = await socketPair();
    close = pair.close;
    const limits = { ...defaultFrameLimits, partialFrameTimeoutMs: 50 };
    const messages: unknown[] = [];
    const logs: string[] = [];
    new FrameReader(pair.server, (line) => logs.push(line), limits).listen((message) => messages.push(message));
    const whole = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/info' }));
    const firstArrived = new Promise((resolve) => pair.server.once('data', resolve));
    pair.client.write(whole.slice(0, 30));
    await firstArrived;
    // The rest reaches the socket while the worker is stuck in synchronous work for far longer
    // than the stall limit: the timer is overdue when the loop next turns.
    pair.client.write(whole.slice(30));
    busy(300);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages).toEqual([{ jsonrpc: '2.0', id: 1, method: 'server/info' }]);
    expect(logs).toEqual([]);
  });

  it('still gives up on a frame whose rest never comes', async () => {
    const pair = await socketPair();
    close = pair.close;
    const messages: { error?: { code: number } }[] = [];
    new FrameReader(pair.server, () => {}, { ...defaultFrameLimits, partialFrameTimeoutMs: 50 }).listen((message) => messages.push(message as never));
    pair.client.write('Content-Length: 100\r\n\r\n{"jsonrpc"');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(messages).toHaveLength(1);
  });
});
