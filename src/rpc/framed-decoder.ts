import type { Message } from 'vscode-jsonrpc';
import { z } from 'zod';
import { RpcErrorCode } from './rpc-error.js';

/**
 * The method of the internal notification that stands for a frame that was not a valid
 * JSON-RPC message. vscode-jsonrpc drops such frames silently; the decoder turns them into
 * this notification so the server can answer -32700 / -32600 in order and keep serving.
 */
export const InvalidFrameMethod = '$/httpapi/invalidFrame';

export interface InvalidFrame {
  code: typeof RpcErrorCode.ParseError | typeof RpcErrorCode.InvalidRequest;
  message: string;
  id: string | number | null;
}

const IdSchema = z.union([z.string(), z.number(), z.null()]);
const RequestOrNotification = z.object({
  jsonrpc: z.literal('2.0'),
  method: z.string(),
  // vscode-jsonrpc takes a request with id null for neither request nor notification and drops it.
  id: z.union([z.string(), z.number()]).optional(),
  params: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});
const Response = z.object({ jsonrpc: z.literal('2.0'), id: IdSchema });

/** A content-type decoder for vscode-jsonrpc's reader that never throws. */
export const tolerantJsonDecoder = {
  name: 'application/json',
  decode(buffer: Uint8Array, options: { charset: string }): Promise<Message> {
    let message: unknown;
    try {
      message = JSON.parse(new TextDecoder(options.charset).decode(buffer));
    } catch (error) {
      return Promise.resolve(invalid({ code: RpcErrorCode.ParseError, message: `Parse error: ${(error as Error).message}`, id: null }));
    }
    if (Array.isArray(message)) {
      return Promise.resolve(invalid({ code: RpcErrorCode.InvalidRequest, message: 'Invalid request: batches are not supported; send one request per frame.', id: null }));
    }
    if (RequestOrNotification.safeParse(message).success || isResponse(message)) {
      return Promise.resolve(message as Message);
    }
    const id = isObject(message) && IdSchema.safeParse(message.id).success ? (message.id as string | number | null) : null;
    return Promise.resolve(invalid({ code: RpcErrorCode.InvalidRequest, message: `Invalid request: ${describeProblem(message)}`, id }));
  },
};

function invalid(frame: InvalidFrame): Message {
  return { jsonrpc: '2.0', method: InvalidFrameMethod, params: frame } as Message;
}

function isResponse(message: unknown): boolean {
  return isObject(message) && !('method' in message) && ('result' in message || 'error' in message) && Response.safeParse(message).success;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeProblem(message: unknown): string {
  if (!isObject(message)) return 'a JSON-RPC message must be an object';
  if (message.jsonrpc !== '2.0') return 'jsonrpc must be "2.0"';
  if (!('method' in message)) return 'a request needs a method';
  if (typeof message.method !== 'string') return 'method must be a string';
  if (message.id === null) return 'a request id must be a string or a number, not null (a notification has no id member)';
  if ('id' in message && !IdSchema.safeParse(message.id).success) return 'id must be a string or a number';
  return 'params must be an object or an array';
}
