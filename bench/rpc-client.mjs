// A minimal JSON-RPC client over a child's stdio with Content-Length framing: enough to time
// round trips without a library's own overhead in the figures.
import { spawn } from 'node:child_process';

/**
 * Spawns `command args` and speaks JSON-RPC to it.
 * @returns {{ child: import('node:child_process').ChildProcess, request: (method: string, params?: object) => Promise<any>, send: (method: string, params?: object) => Promise<any>, close: () => Promise<void>, spawnedAt: number }}
 */
export function connect(command, args, { env = process.env, cwd } = {}) {
  const spawnedAt = performance.now();
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env, cwd });
  const pending = new Map();
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('latin1'));
      if (!match) throw new Error(`bad frame header: ${buffer.subarray(0, headerEnd)}`);
      const end = headerEnd + 4 + Number(match[1]);
      if (buffer.length < end) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8'));
      buffer = buffer.subarray(end);
      const waiter = pending.get(message.id);
      if (!waiter) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiter.resolve(message.result);
    }
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`worker exited with ${code}`));
    pending.clear();
  });

  const frame = (method, params) => {
    const id = nextId++;
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method, params: params ?? {} }), 'utf8');
    const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    return { bytes: Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]), answer };
  };
  return {
    child,
    spawnedAt,
    request(method, params) {
      const { bytes, answer } = frame(method, params);
      child.stdin.write(bytes);
      return answer;
    },
    /** Many requests written in one go: the answers, in order. */
    pipeline(method, params, count) {
      const frames = Array.from({ length: count }, () => frame(method, params));
      child.stdin.write(Buffer.concat(frames.map((item) => item.bytes)));
      return Promise.all(frames.map((item) => item.answer));
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}
