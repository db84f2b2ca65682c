import type { AnyMethod, MethodName } from './index.js';
import type { MethodDefinition, ParamsOf, ResultOf } from './method.js';
import type { ResolvedSource } from '../source/resolve-source.js';

/** What a handler gets besides its params: no transport, only what the domain needs. */
export interface HandlerContext {
  source: ResolvedSource;
  signal: AbortSignal;
  /** Reports progress; a no-op unless the caller passed a progressToken. */
  progress(message: string, percentage?: number): void;
  version: string;
}

export type Handler<D extends MethodDefinition> = (params: ParamsOf<D>, context: HandlerContext) => Promise<ResultOf<D>> | ResultOf<D>;

export interface Implementation<D extends MethodDefinition = MethodDefinition> {
  definition: D;
  handle: Handler<D>;
}

/** Pairs a method definition with its handler, checking the handler's types against the schemas. */
export function implement<D extends MethodDefinition>(definition: D, handle: Handler<D>): Implementation<D> {
  return { definition, handle };
}

/**
 * One implementation for every method of the protocol, keyed by its name: a method added to
 * the protocol without an implementation fails to compile rather than failing at run time.
 */
export type Implementations = { readonly [M in MethodName]: Implementation<Extract<AnyMethod, { method: M }>> };

/** The registry as the dispatcher looks methods up: by a name that came off the wire. */
export function implementationOf(implementations: Implementations, method: MethodName): Implementation {
  return implementations[method] as unknown as Implementation;
}
