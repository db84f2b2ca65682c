import type { Message } from 'vscode-jsonrpc';
import { z } from 'zod';
import { RpcErrorCode } from './rpc-error.js';
import { capMessage } from './quote-input.js';

/**
 * The method of the internal notification that stands for a frame that was not a valid
 * JSON-RPC message: it travels through vscode-jsonrpc's queue so the answer keeps its place
 * among the others. The name alone proves nothing (a client can send it): only frames made
 * here are answered, see `isInvalidFrame`.
 */
export const InvalidFrameMethod = '$/httpapi/invalidFrame';

export interface InvalidFrame {
  code: typeof RpcErrorCode.ParseError | typeof RpcErrorCode.InvalidRequest;
  message: string;
  id: string | number | null;
  data?: Record<string, unknown>;
}

/** The frames this module made; anything else under InvalidFrameMethod came from the wire. */
const madeHere = new WeakSet<object>();

export function invalidFrameMessage(frame: InvalidFrame): Message {
  madeHere.add(frame);
  return { jsonrpc: '2.0', method: InvalidFrameMethod, params: frame } as Message;
}

export function isInvalidFrame(params: unknown): params is InvalidFrame {
  return typeof params === 'object' && params !== null && madeHere.has(params);
}

/** What a frame's body turned out to be. */
export type DecodedFrame =
  | { kind: 'message'; message: Message }
  | { kind: 'invalid'; frame: InvalidFrame }
  /** A notification that cannot be handled: never answered (JSON-RPC 2.0 §4.1), only logged. */
  | { kind: 'ignored'; reason: string }
  | { kind: 'not-json'; reason: string };

const IdSchema = z.union([z.string(), z.number(), z.null()]);
const Params = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional();
const RequestOrNotification = z.object({
  jsonrpc: z.literal('2.0'),
  method: z.string(),
  // vscode-jsonrpc takes a request with id null for neither request nor notification and drops it.
  id: z.union([z.string(), z.number()]).optional(),
  params: Params,
});
const CancelParams = z.object({ id: z.union([z.string(), z.number()]) });
const Response = z.object({ jsonrpc: z.literal('2.0'), id: IdSchema });

export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  let message: unknown;
  try {
    message = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    return { kind: 'not-json', reason: capMessage((error as Error).message) };
  }
  if (Array.isArray(message)) {
    return invalid({ code: RpcErrorCode.InvalidRequest, message: 'Invalid request: batches are not supported; send one request per frame.', id: null });
  }
  if (isObject(message) && 'method' in message && !('id' in message)) return notification(message);
  if (RequestOrNotification.safeParse(message).success || isResponse(message)) return { kind: 'message', message: message as Message };
  const id = isObject(message) && IdSchema.safeParse(message.id).success ? (message.id as string | number | null) : null;
  return invalid({ code: RpcErrorCode.InvalidRequest, message: `Invalid request: ${describeProblem(message)}`, id });
}

function notification(message: Record<string, unknown>): DecodedFrame {
  if (!RequestOrNotification.safeParse(message).success) return { kind: 'ignored', reason: `invalid notification: ${describeProblem(message)}` };
  // vscode-jsonrpc reads params.id of a cancel without checking it is there.
  if (message.method === '$/cancelRequest' && !CancelParams.safeParse(message.params).success) {
    return { kind: 'ignored', reason: 'invalid notification: $/cancelRequest needs params { id: string | number }' };
  }
  return { kind: 'message', message: message as unknown as Message };
}

function invalid(frame: InvalidFrame): DecodedFrame {
  return { kind: 'invalid', frame };
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
