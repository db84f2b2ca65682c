import type { BindingRef } from '../join/join-model.js';
import type { MappingChange } from './mapping-change.js';
import type { ChoiceInAnswer } from './named-certificate.js';

export type ChangeStep = { kind: 'netsh'; argv: string[]; description: string } | { kind: 'config'; file: string; diff: string; description: string };

/** A plan (`applied: false`) or what was done, in the order it is or was done. */
export interface BindingChangeResult {
  applied: boolean;
  steps: ChangeStep[];
  /** Every binding whose clients are served by a mapping the change adds, updates or deletes. */
  affected?: BindingRef[];
  /** The copy of the configuration file taken before it was written. */
  backup?: string;
  messages: string[];
  /** Which certificate a certificateSubject chose, and why not the others. */
  certificateChoice?: ChoiceInAnswer;
}

export function netshStep(change: Pick<MappingChange, 'argv' | 'description'>): ChangeStep {
  return { kind: 'netsh', argv: change.argv, description: change.description };
}
