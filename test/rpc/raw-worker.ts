import { spawn } from 'node:child_process';
import { bundle, repoRoot } from '../helpers/worker-client.js';

/**
 * The worker driven byte by byte, for what a JSON-RPC client library would refuse to send
 * (malformed JSON, batches, wrong versions) and for checking every byte the worker writes.
 */

export interface JsonRpcResponse {
  jsonrpc: '2.0';
  id: string | number | null;
  result?: unknown;
  error?: { code: number; message: string; data?: Record<string, unknown> };
  method?: string;
  params?: unknown;
}

/** One Content-Length frame around a body (a string is sent as is, anything else as JSON). */
export function frame(body: unknown): Buffer {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/**
 * Splits bytes into frames, strictly: every byte must belong to a frame whose headers are
 * Content-Length (and optionally Content-Type) and whose body is a JSON-RPC 2.0 object.
 * Returns the complete frames and the bytes of an incomplete last one.
 */
export function parseFrames(bytes: Buffer): { messages: JsonRpcResponse[]; rest: Buffer } {
  const messages: JsonRpcResponse[] = [];
  let offset = 0;
  for (;;) {
    const headerEnd = bytes.indexOf('\r\n\r\n', offset, 'ascii');
    if (headerEnd < 0) {
      assertHeaderPrefix(bytes.subarray(offset).toString('latin1'), offset);
      return { messages, rest: bytes.subarray(offset) };
    }
    let length: number | undefined;
    for (const line of bytes.subarray(offset, headerEnd).toString('ascii').split('\r\n')) {
      const match = /^(Content-Length|Content-Type): (.+)$/.exec(line);
      if (!match) throw new Error(`not a frame header at byte ${offset}: ${JSON.stringify(line)}`);
      if (match[1] === 'Content-Length') length = Number(match[2]);
    }
    if (length === undefined || !Number.isInteger(length)) throw new Error(`frame at byte ${offset} has no valid Content-Length`);
    const bodyStart = headerEnd + 4;
    if (bytes.length < bodyStart + length) return { messages, rest: bytes.subarray(offset) };
    const body = bytes.subarray(bodyStart, bodyStart + length).toString('utf8');
    const message = JSON.parse(body) as JsonRpcResponse;
    if (typeof message !== 'object' || message === null || message.jsonrpc !== '2.0') throw new Error(`frame at byte ${offset} is not JSON-RPC 2.0: ${body}`);
    messages.push(message);
    offset = bodyStart + length;
  }
}

/** An incomplete header must still look like the start of one; anything else is leaked output. */
function assertHeaderPrefix(text: string, offset: number): void {
  const expected = 'Content-';
  if (!expected.startsWith(text.slice(0, expected.length)) || /[^\x20-\x7e\r\n]/.test(text)) {
    throw new Error(`bytes outside any frame at byte ${offset}: ${JSON.stringify(text.slice(0, 80))}`);
  }
}

export interface RawWorker {
  /** The worker's process id, to look at its memory. */
  pid: number;
  write(...frames: Buffer[]): void;
  /** The next `count` messages the worker writes, in the order it wrote them. */
  read(count: number, timeoutMs?: number): Promise<JsonRpcResponse[]>;
  /** Closes stdin; resolves with the exit code, every byte written to stdout, and stderr. */
  close(): Promise<{ code: number | null; stdout: Buffer; stderr: string }>;
}

export async function startRawWorker(args: readonly string[] = []): Promise<RawWorker> {
  const child = spawn(process.execPath, [bundle, 'serve', ...args], { cwd: repoRoot, stdio: 'pipe' });
  const chunks: Buffer[] = [];
  let pending: Buffer = Buffer.alloc(0);
  const received: JsonRpcResponse[] = [];
  let cursor = 0;
  let failure: Error | undefined;
  let wake = () => {};
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    try {
      const { messages, rest } = parseFrames(Buffer.concat([pending, chunk]));
      received.push(...messages);
      pending = rest;
    } catch (error) {
      failure = error as Error;
    }
    wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });

  return {
    pid: child.pid!,
    write: (...frames) => void child.stdin.write(Buffer.concat(frames)),
    read: (count, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${received.length - cursor} of ${count} messages; stderr:\n${stderr}`)), timeoutMs);
        wake = () => {
          if (failure) {
            clearTimeout(timer);
            reject(failure);
          } else if (received.length - cursor >= count) {
            clearTimeout(timer);
            resolve(received.slice(cursor, (cursor += count)));
          }
        };
        wake();
      }),
    close: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill(), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return { code, stdout: Buffer.concat(chunks), stderr };
    },
  };
}
