import type { z } from 'zod';
import type { Dispatch } from '../rpc/dispatcher.js';
import type { SourceSpec } from '../source/source-spec.js';

/** An instance's state as DSC reads it: the resource's properties, `_exist` among them. */
export type DscState = Record<string, unknown> & { _exist: boolean };

/** What a set did or would do: the change methods' steps and messages, merged. */
export interface DscChange {
  steps: { kind: string; argv?: string[]; file?: string; diff?: string; description?: string }[];
  messages: string[];
}

/**
 * One DSC command resource over the JSON-RPC methods. `read` returns the state DSC sees; the
 * generic operations (src/dsc/dsc-operations.ts) build get, test, set, what-if, delete and
 * export from it, so every resource is compared and changed the same way.
 */
export interface DscResource<D extends { _exist?: boolean; source?: SourceSpec } = { _exist?: boolean; source?: SourceSpec }> {
  /** `HttpApi/HttpsBinding`. */
  type: string;
  /** The word after `httpapi dsc`: `HttpsBinding`. */
  name: string;
  description: string;
  schema: z.ZodType<D, unknown>;
  read(desired: D, dispatch: Dispatch): Promise<DscState>;
  /** Names of the stated properties whose value differs from the actual state (exact: unstated ones are not compared). */
  differences(desired: D, actual: DscState): string[];
  /** Makes `differences` empty through the change methods, or plans it (whatIf). */
  change(desired: D, actual: DscState, differing: string[], dispatch: Dispatch, whatIf: boolean): Promise<DscChange>;
  /** Every instance on the source, as a desired state that reproduces it. */
  export(source: SourceSpec | undefined, dispatch: Dispatch, warn: (message: string) => void): Promise<Record<string, unknown>[]>;
}

/** The change methods' answers, folded into one. */
export function mergeChanges(...results: unknown[]): DscChange {
  const typed = results as { steps?: DscChange['steps']; messages?: string[] }[];
  return { steps: typed.flatMap((result) => result.steps ?? []), messages: typed.flatMap((result) => result.messages ?? []) };
}

/** Compares `_exist`; undefined when both sides exist and the properties must be compared. */
export function existDifference(desired: { _exist?: boolean }, actual: DscState): string[] | undefined {
  const wanted = desired._exist ?? true;
  if (!wanted) return actual._exist ? ['_exist'] : [];
  if (!actual._exist) return ['_exist'];
  return undefined;
}

export const sameText = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
