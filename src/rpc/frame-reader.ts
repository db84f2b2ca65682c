import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type MessageReader } from 'vscode-jsonrpc/node.js';
import { decodeFrame, invalidFrameMessage } from './framed-decoder.js';
import { FrameScanner, defaultFrameLimits, type FrameLimits } from './frame-scanner.js';
import { RpcErrorCode } from './rpc-error.js';

/**
 * vscode-jsonrpc's reader on top of our framing: its own StreamMessageReader stops reading for
 * good after one bad header and has no size limits, so the stream is framed here and every
 * broken frame reaches the connection as an internal message, in order with the others.
 */
export class FrameReader extends AbstractMessageReader implements MessageReader {
  private closed = false;

  constructor(
    private readonly input: Readable,
    private readonly log: (line: string) => void,
    private readonly limits: FrameLimits = defaultFrameLimits,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const scanner = new FrameScanner(
      {
        body: (bytes) => {
          const decoded = decodeFrame(bytes);
          switch (decoded.kind) {
            case 'not-json':
              return decoded.reason;
            case 'message':
              callback(decoded.message);
              return undefined;
            case 'invalid':
              this.log(`rejected frame: ${decoded.frame.message}`);
              callback(invalidFrameMessage(decoded.frame));
              return undefined;
            case 'ignored':
              this.log(`ignored frame: ${decoded.reason}`);
              return undefined;
          }
        },
        error: (reason, answer, data) => {
          const message = `Parse error: ${reason}`;
          this.log(`rejected frame: ${message}${answer ? '' : ' (while resynchronising; not answered again)'}`);
          if (answer) callback(invalidFrameMessage({ code: RpcErrorCode.ParseError, message, id: null, ...(data ? { data } : {}) }));
        },
      },
      this.limits,
    );
    // Unref'd: a frame left incomplete when the input closes must not keep the process alive.
    let idle: NodeJS.Timeout | undefined;
    const onData = (chunk: Buffer) => {
      clearTimeout(idle);
      scanner.push(chunk);
      if (scanner.partial) idle = setTimeout(giveUpIfStill, this.limits.partialFrameTimeoutMs).unref();
    };
    // A timer that fires after the worker was busy (a long synchronous read) may fire before the
    // poll phase has read bytes already waiting in the pipe; judging only after that phase
    // (setImmediate) keeps a busy worker from dropping a frame the client sent whole.
    function giveUpIfStill() {
      const fired = idle;
      setImmediate(() => {
        if (idle === fired && scanner.partial) scanner.abandonPartial();
      });
    }
    const onClose = () => {
      clearTimeout(idle);
      if (this.closed) return;
      this.closed = true;
      this.fireClose();
    };
    const onError = (error: Error) => this.fireError(error);
    this.input.on('data', onData).on('end', onClose).on('close', onClose).on('error', onError);
    return {
      dispose: () => {
        clearTimeout(idle);
        this.input.off('data', onData).off('end', onClose).off('close', onClose).off('error', onError);
      },
    };
  }
}
