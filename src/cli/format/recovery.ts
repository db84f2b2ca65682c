import type { z } from 'zod';
import type { ChangesRecover } from '../../protocol/index.js';

/** The interrupted change step by step as observed, then what was done about it. */
export function formatRecovery(result: z.output<(typeof ChangesRecover)['result']>): string {
  const lines: string[] = [];
  if (result.interrupted) {
    lines.push(`Interrupted change: ${result.change} (process ${result.pid}, started ${result.started})`, `  journal: ${result.journal}`);
    for (const [index, step] of result.steps.entries()) lines.push(`  ${index + 1}. ${step.state.padEnd(8)} ${step.description}: ${step.detail}`);
    if (result.backup) lines.push(`  backup: ${result.backup}`);
  }
  for (const file of result.removed) lines.push(`Removed ${file}`);
  lines.push(...result.messages);
  if (result.interrupted && !result.applied) lines.push('Run again with --apply finish (do the steps not done) or --apply undo (undo the steps done).');
  return lines.join('\n');
}
