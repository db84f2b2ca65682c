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
    let body: Buffer;
    try {
      body = Buffer.from(JSON.stringify(message), 'utf8');
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.output.cork();
      this.output.write(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
      this.output.write(body, (error) => {
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
