import type { Readable, Writable } from 'node:stream';
import {
  CancellationToken,
  ProgressType,
  ResponseError,
  createMessageConnection,
  type Logger,
} from 'vscode-jsonrpc/node.js';
import { InvalidFrameMethod, isInvalidFrame } from './framed-decoder.js';
import { FrameReader } from './frame-reader.js';
import { FrameWriter } from './frame-writer.js';
import { defaultFrameLimits, type FrameLimits } from './frame-scanner.js';
import { capMessage } from './quote-input.js';
import type { Cancellation, Dispatch } from './dispatcher.js';
import { RpcError, RpcErrorCode } from './rpc-error.js';

export interface WorkerOptions {
  dispatch: Dispatch;
  input?: Readable;
  output?: Writable;
  log?: (line: string) => void;
  limits?: FrameLimits;
}

/**
 * The transport: JSON-RPC 2.0 with Content-Length framing over a pair of streams
 * (stdin/stdout by default). Resolves when the input closes.
 */
export function runWorker({
  dispatch,
  input = process.stdin,
  output = process.stdout,
  log = (line) => process.stderr.write(`${line}\n`),
  limits = defaultFrameLimits,
}: WorkerOptions): Promise<void> {
  const reader = new FrameReader(input, log, limits);
  const writer = new FrameWriter(output);
  const logger: Logger = { error: log, warn: log, info: () => {}, log: () => {} };
  const connection = createMessageConnection(reader, writer, logger);

  const progress = new ProgressType<{ kind: 'report'; message: string; percentage?: number }>();

  // Requests run concurrently, but each answer waits for the one before it: pipelined requests
  // are answered in the order they came, as the contract promises, whatever each one awaits.
  let lastAnswer: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(answer: Promise<T>): Promise<T> => {
    // A failure waiting for its turn is handled later, by the turn; until then Node must not
    // take it for an unhandled rejection (which ends the process).
    answer.catch(() => {});
    const turn = lastAnswer.then(() => answer);
    lastAnswer = turn.catch(() => {});
    return turn;
  };

  connection.onRequest((method: string, params: unknown, token: CancellationToken) =>
    inTurn(
      dispatch(method, params, {
        cancellation: cancellationOf(token),
        onProgress: (progressToken, value) => void connection.sendProgress(progress, progressToken, { kind: 'report', ...value }),
      }).catch((error: unknown) => {
        const rpcError = error instanceof RpcError ? error : new RpcError(-32603, String(error));
        // An unexpected failure may quote anything; a domain error's message is ours, quotes only
        // validated values, and must stay whole (ROLLBACK_FAILED's names the commands that finish).
        const message = rpcError.code === RpcErrorCode.InternalError ? capMessage(rpcError.message, 1000) : rpcError.message;
        throw new ResponseError(rpcError.code, message, rpcError.data);
      }),
    ),
  );

  connection.onNotification(InvalidFrameMethod, (frame: unknown) => {
    // A client may send this method too; answering it would let the wire forge a response.
    if (!isInvalidFrame(frame)) {
      log(`ignored frame: the notification ${InvalidFrameMethod} is internal`);
      return;
    }
    const error = { code: frame.code, message: frame.message, ...(frame.data ? { data: frame.data } : {}) };
    void inTurn(Promise.resolve()).then(() => writer.write({ jsonrpc: '2.0', id: frame.id, error } as never).catch(() => {}));
  });

  reader.onError((error) => log(`transport: ${error.message}`));

  return new Promise((resolve) => {
    connection.onClose(() => resolve());
    connection.listen();
  });
}

/** $/cancelRequest as the dispatcher asks for it: the AbortSignal is made only for a handler that wants one. */
function cancellationOf(token: CancellationToken): Cancellation {
  return {
    get requested() {
      return token.isCancellationRequested;
    },
    signal() {
      const controller = new AbortController();
      if (token.isCancellationRequested) controller.abort();
      else token.onCancellationRequested(() => controller.abort());
      return controller.signal;
    },
  };
}
