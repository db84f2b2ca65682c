import { Methods, type MethodName } from '../protocol/index.js';
import type { MethodDefinition } from '../protocol/method.js';
import { missingParams } from '../protocol/param-fields.js';
import { RpcError, RpcErrorCode, invalidParams, toRpcError } from './rpc-error.js';
import { MaxQuotedInput, quoteInput } from './quote-input.js';
import { isHttpApiError } from '../errors.js';
import { implementationOf, type HandlerContext, type Implementations } from '../protocol/handler.js';
import { mergeSourceSpecs, type SourceSpec } from '../source/source-spec.js';
import { resolveSource } from '../source/resolve-source.js';
import { version } from '../version.js';
import { RequestGate } from './request-gate.js';

/**
 * A caller's way to give up on a request: whether it has, and the AbortSignal a handler passes on
 * to what it awaits, made only when the handler first asks for it. Most requests never do, and an
 * AbortController per request was a twentieth of a pipelined server/info call (BENCHMARKS.md).
 */
export interface Cancellation {
  readonly requested: boolean;
  signal(): AbortSignal;
}

/** The CLI's requests: nobody cancels them. */
const NotCancellable: Cancellation = { requested: false, signal: () => new AbortController().signal };

export interface DispatchOptions {
  cancellation?: Cancellation;
  onProgress?: (token: string | number, value: { message: string; percentage?: number }) => void;
}

export type Dispatch = (method: string, params: unknown, options?: DispatchOptions) => Promise<unknown>;

const definitions = new Map<string, MethodDefinition<MethodName>>(Methods.map((definition) => [definition.method, definition]));

/**
 * Validates params against the method's schema, resolves the source, runs the handler and
 * maps every failure to an RpcError. Shared by the JSON-RPC server and the CLI.
 */
export function createDispatcher(implementations: Implementations, defaults: SourceSpec): Dispatch {
  const gate = new RequestGate();

  return async (method, params, options = {}) => {
    const definition = definitions.get(method);
    if (!definition) {
      throw new RpcError(RpcErrorCode.MethodNotFound, `Unknown method ${quoteInput(method)}; server/info lists the methods.`, {
        method: method.slice(0, MaxQuotedInput),
      });
    }
    // StreamJsonRpc sends `"params": []` for a call without arguments: the same as none.
    const byName = Array.isArray(params) && params.length === 0 ? undefined : params;
    if (Array.isArray(byName)) {
      throw new RpcError(RpcErrorCode.InvalidParams, `Invalid params for ${method}: params must be an object (by name), not an array.`, {
        issues: [{ path: '(params)', message: 'expected an object', code: 'invalid_type' }],
      });
    }
    const parsed = definition.params.safeParse(byName ?? {});
    if (!parsed.success) throw invalidParams(method, parsed.error, missingParams(definition.params, byName));
    const typed = parsed.data as { source?: SourceSpec; progressToken?: string | number; whatIf?: boolean };

    const handle = implementationOf(implementations, definition.method).handle;
    const writes = definition.changes && typed.whatIf !== true;
    // Entered before the first await, so the gate sees requests in the order they arrived.
    const release = await gate.enter(writes);
    const cancellation = options.cancellation ?? NotCancellable;
    try {
      let signal: AbortSignal | undefined;
      const context: HandlerContext = {
        source: resolveSource(mergeSourceSpecs(defaults, typed.source)),
        get signal() {
          return (signal ??= cancellation.signal());
        },
        version,
        progress: (message, percentage) => {
          if (typed.progressToken !== undefined) options.onProgress?.(typed.progressToken, { message, percentage });
        },
      };
      if (cancellation.requested) throw cancelled(method);
      const result = await handle(typed, context);
      // A change that ran once cancelled has gone to its end (it says so): its answer is the truth.
      if (cancellation.requested && !writes) throw cancelled(method);
      return result;
    } catch (error) {
      // Likewise a change that failed after a step ran: its error says what was done and undone.
      if (cancellation.requested && !(writes && isHttpApiError(error))) throw cancelled(method);
      throw toRpcError(method, error);
    } finally {
      release();
    }
  };
}

function cancelled(method: string): RpcError {
  return new RpcError(RpcErrorCode.RequestCancelled, `Request ${method} was cancelled.`);
}
