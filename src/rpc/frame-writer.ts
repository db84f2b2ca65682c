import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-jsonrpc/node.js';

/**
 * vscode-jsonrpc's writer with one write per message: its own StreamMessageWriter writes the
 * header, waits for that write's callback, then writes the body, one message at a time behind a
 * lock, so every answer costs two writes and a turn of the event loop between them (pipelined
 * requests spent a tenth of the worker's time there, BENCHMARKS.md). Here header and body are
 * corked into one writev, and the stream keeps messages in order without a lock.
 */
export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: Writable) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let body: Buffer[];
    try {
      body = bodyOf(message);
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.output.cork();
      this.output.write(`Content-Length: ${body.reduce((length, part) => length + part.length, 0)}\r\n\r\n`, 'ascii');
      for (const part of body.slice(0, -1)) this.output.write(part);
      this.output.write(body[body.length - 1]!, (error) => {
        if (!error) {
          this.errorCount = 0;
          return resolve();
        }
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      });
      this.output.uncork();
    });
  }

  end(): void {
    this.output.end();
  }
}

// A large result sent again (a reused answer, reused-joins.ts: 14 MB at 10,000 sites) is
// turned into JSON and UTF-8 once, and kept as long as the result itself. Small ones are not
// kept: their text costs less than keeping it.
const resultBytes = new WeakMap<object, Buffer>();
const KeepFrom = 64 * 1024;
const Close = Buffer.from('}', 'ascii');

/**
 * The message's JSON in UTF-8, as JSON.stringify writes it: a response with an object result
 * is its envelope around the result's text, whose bytes are kept when the result is large.
 */
function bodyOf(message: Message): Buffer[] {
  const response = message as { jsonrpc?: unknown; id?: unknown; result?: unknown };
  const keys = Object.keys(message);
  if (keys.length !== 3 || keys[0] !== 'jsonrpc' || keys[1] !== 'id' || keys[2] !== 'result' || typeof response.result !== 'object' || response.result === null) {
    return [Buffer.from(JSON.stringify(message), 'utf8')];
  }
  const head = `{"jsonrpc":${JSON.stringify(response.jsonrpc)},"id":${JSON.stringify(response.id)},"result":`;
  const kept = resultBytes.get(response.result);
  if (kept !== undefined) return [Buffer.from(head, 'utf8'), kept, Close];
  const json = JSON.stringify(response.result);
  if (json.length < KeepFrom) return [Buffer.from(`${head}${json}}`, 'utf8')];
  const bytes = Buffer.from(json, 'utf8');
  resultBytes.set(response.result, bytes);
  return [Buffer.from(head, 'utf8'), bytes, Close];
}
