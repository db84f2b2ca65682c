import type { z } from 'zod';

/**
 * One protocol method: its name, a one-line summary and the zod schemas of its params and
 * result. Handlers, the CLI, OpenRPC and the PowerShell parameter check all read these
 * definitions; no method string appears anywhere else.
 */
export interface MethodDefinition<
  M extends string = string,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: M;
  readonly summary: string;
  /** Changes state (takes whatIf, returns a plan or result). */
  readonly changes: boolean;
  readonly params: P;
  readonly result: R;
}

export function defineMethod<M extends string, P extends z.ZodType, R extends z.ZodType>(
  definition: MethodDefinition<M, P, R>,
): MethodDefinition<M, P, R> {
  return definition;
}

export type ParamsOf<D extends MethodDefinition> = z.output<D['params']>;
export type ResultOf<D extends MethodDefinition> = z.input<D['result']>;
