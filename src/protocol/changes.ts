import { z } from 'zod';
import { defineMethod } from './method.js';
import { WithSource } from './common.js';

export const RecoveryStepSchema = z.object({
  kind: z.enum(['netsh', 'config']),
  description: z.string(),
  state: z.enum(['done', 'not done', 'unknown']).describe('What reading the configuration and http.sys shows now; unknown when neither the before nor the after state is found.'),
  detail: z.string(),
  argv: z.array(z.string()).optional().describe('netsh step: the command that does it.'),
  undoArgv: z.array(z.string()).optional().describe('netsh step: the command that undoes it.'),
});

export const ChangesRecover = defineMethod({
  method: 'changes/recover',
  summary: 'Find a change that was interrupted (its journal beside the configuration), say which of its steps are done, and finish or undo it on request; removes temporary files of writers that died.',
  changes: true,
  params: z
    .object({
      ...WithSource,
      apply: z.enum(['finish', 'undo']).optional().describe('finish: do the steps not done yet; undo: undo the steps done, newest first. Without it, only report.'),
    })
    .strict(),
  result: z.object({
    interrupted: z.boolean().describe('Whether a journal of an interrupted change was found (before anything was applied).'),
    journal: z.string().describe('Where the journal is (or would be).'),
    change: z.string().optional().describe('What the interrupted change was doing.'),
    pid: z.number().int().optional(),
    started: z.string().optional(),
    steps: z.array(RecoveryStepSchema).describe('The interrupted change\'s steps in their order, as observed (after apply: as observed afterwards).'),
    applied: z.enum(['finish', 'undo']).optional().describe('Set when apply ran to its end; the journal is then removed.'),
    backup: z.string().optional().describe('The copy of the configuration taken before the interrupted change.'),
    removed: z.array(z.string()).describe('Temporary files of writers that died, removed.'),
    messages: z.array(z.string()),
  }),
});
