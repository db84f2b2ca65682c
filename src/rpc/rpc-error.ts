import type { z } from 'zod';
import { ErrorCatalog, isHttpApiError } from '../errors.js';
import { RpcErrorCode } from '../protocol/rpc-error-codes.js';
import { capMessage } from './quote-input.js';

export { RpcErrorCode };

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

export function invalidParams(method: string, error: z.ZodError, missing: readonly string[] = []): RpcError {
  // An unknown field is named in the path like any other, so the message names it first; zod
  // repeats unknown keys whole and a client can make them any length, so both are capped.
  const issues = error.issues.flatMap((issue) =>
    (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]).map((path) => ({
      path: capMessage(path.map(String).join('.') || '(params)'),
      message: capMessage(issue.code === 'unrecognized_keys' ? 'not a param of this method (or of this kind)' : issue.message),
      code: issue.code,
    })),
  );
  for (const name of missing) {
    if (!issues.some((issue) => issue.path === name)) issues.push({ path: name, message: 'required', code: 'invalid_type' });
  }
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
