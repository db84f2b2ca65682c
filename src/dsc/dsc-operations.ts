import { z } from 'zod';
import type { Dispatch } from '../rpc/dispatcher.js';
import { invalidParams } from '../rpc/rpc-error.js';
import { SourceSchema } from '../protocol/index.js';
import type { SourceSpec } from '../source/source-spec.js';
import type { DscResource, DscState } from './dsc-resource.js';

export type DscOperation = 'get' | 'test' | 'set' | 'delete' | 'export';
export const dscOperations: readonly DscOperation[] = ['get', 'test', 'set', 'delete', 'export'];

export interface DscOutput {
  /** One JSON Line on stdout. */
  line(value: unknown): void;
  /** A DSC trace message on stderr. */
  trace(level: 'error' | 'warn' | 'info' | 'debug', message: string): void;
}

const ExportInput = z.object({ source: SourceSchema.optional() }).loose();

type Desired = { _exist?: boolean; source?: SourceSpec };

/** Properties that say how to act, not what is: never part of a state. */
const directives = new Set(['allowSharedMapping']);

/** The state as it reads back: what was asked for, with the source it was read from. */
function withSource(state: DscState, desired: Desired): Record<string, unknown> {
  return desired.source === undefined ? state : { ...state, source: desired.source };
}

function parseInput<D>(resource: DscResource<D & Desired>, input: unknown): D & Desired {
  const parsed = resource.schema.safeParse(input ?? {});
  if (!parsed.success) throw invalidParams(resource.type, parsed.error);
  return parsed.data;
}

/**
 * Runs one DSC operation as a command resource must: get prints the actual state; test the state
 * with `_inDesiredState` and the differing properties (stateAndDiff); set (and what-if) changes
 * only what differs, through the change methods, then prints the state and the properties it
 * changed; delete prints nothing; export prints every instance, one JSON Line each.
 */
export async function runDscOperation(resource: DscResource<Desired>, operation: DscOperation, input: unknown, options: { whatIf: boolean; dispatch: Dispatch; output: DscOutput }): Promise<void> {
  const { dispatch, output } = options;
  if (operation === 'export') {
    // Export takes every instance; of its input only the source counts.
    const parsed = ExportInput.safeParse(input ?? {});
    if (!parsed.success) throw invalidParams(resource.type, parsed.error);
    const source = parsed.data.source;
    for (const instance of await resource.export(source, dispatch, (message) => output.trace('warn', message))) output.line(instance);
    return;
  }
  const desired = parseInput(resource, input);
  const actual = await resource.read(desired, dispatch);
  if (operation === 'get') {
    output.line(withSource(actual, desired));
    return;
  }
  const wanted = operation === 'delete' ? { ...desired, _exist: false } : desired;
  const differing = resource.differences(wanted, actual);
  if (operation === 'test') {
    output.line({ ...withSource(actual, desired), _inDesiredState: differing.length === 0 });
    output.line(differing);
    return;
  }
  if (differing.length === 0) {
    output.trace('info', `${resource.type}: already in the desired state; nothing to change.`);
    if (operation === 'set') {
      output.line(withSource(actual, desired));
      output.line([]);
    }
    return;
  }
  const change = await resource.change(wanted, actual, differing, dispatch, options.whatIf);
  for (const step of change.steps) {
    const what = step.kind === 'netsh' ? `netsh ${step.argv?.join(' ')}` : `edit ${step.file}\n${step.diff}`;
    output.trace('info', `${options.whatIf ? 'Would run' : 'Ran'}: ${what}`);
  }
  for (const message of change.messages) output.trace('info', message);
  if (operation === 'delete') return;
  if (options.whatIf) {
    const expected = Object.fromEntries(Object.entries(wanted).filter(([name, value]) => value !== undefined && name !== 'source' && !directives.has(name)));
    output.line(withSource({ ...actual, ...expected, _exist: wanted._exist ?? true } as DscState, desired));
  } else {
    output.line(withSource(await resource.read(desired, dispatch), desired));
  }
  output.line(differing);
}
