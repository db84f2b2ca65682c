import type { z } from 'zod';
import { ErrorCatalog, isHttpApiError } from '../errors.js';
import { capMessage } from './quote-input.js';

/** JSON-RPC's own codes (the reserved range); application codes come from src/errors.ts. */
export const RpcErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  RequestCancelled: -32800,
} as const;

/** An error as it crosses the wire, independent of the transport that carries it. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export function invalidParams(method: string, error: z.ZodError): RpcError {
  const issues = error.issues.map((issue) => ({
    // zod repeats unknown keys whole; a client can make them any length.
    path: capMessage(issue.path.map(String).join('.') || '(params)'),
    message: capMessage(issue.message),
    code: issue.code,
  }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const message = first ? `Invalid params for ${method}: ${first.path}: ${first.message}${more}` : `Invalid params for ${method}`;
  return new RpcError(RpcErrorCode.InvalidParams, message, { issues });
}

/** Maps anything a handler throws to what goes on the wire; never a stack trace. */
export function toRpcError(method: string, error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  if (isHttpApiError(error)) {
    return new RpcError(error.code, error.message, { id: error.id, category: ErrorCatalog[error.id].category, ...error.data });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RpcError(RpcErrorCode.InternalError, `Request ${method} failed: ${message}`);
}
