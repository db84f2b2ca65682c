import type { z } from 'zod';
import type { ChangeResultSchema } from '../../protocol/index.js';

/** A plan or result: each step as it ran (or would run), then what it touched. */
export function formatChange(result: z.output<typeof ChangeResultSchema>): string {
  const lines = [result.applied ? 'Applied:' : 'Plan (nothing changed):'];
  for (const step of result.steps) {
    if (step.kind === 'netsh') lines.push(`  netsh ${step.argv.map(quoteForDisplay).join(' ')}`);
    else lines.push(`  edit ${step.file}`, ...step.diff.trimEnd().split('\n').map((line) => `    ${line}`));
  }
  for (const binding of result.affected ?? []) lines.push(`  affects ${binding.site} ${binding.bindingInformation}`);
  if (result.backup) lines.push(`  backup: ${result.backup}`);
  for (const message of result.messages ?? []) lines.push(`  ${message}`);
  return lines.join('\n');
}

function quoteForDisplay(arg: string): string {
  return /[\s"]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg;
}
