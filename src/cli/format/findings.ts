import type { z } from 'zod';
import type { DiagnosticsRun, FindingSchema } from '../../protocol/index.js';
import { inCliWords } from '../cli-words.js';

type Finding = z.output<typeof FindingSchema>;
const headings = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;

/** Findings grouped by severity, each with what it concerns and how to fix it. */
export function formatFindingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['No findings.'];
  const lines: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${headings[severity]} (${group.length}):`);
    for (const finding of group) {
      const about = [finding.site && `site ${finding.site}`, finding.binding && `binding ${finding.binding}`, finding.mapping && `mapping ${finding.mapping}`].filter(Boolean).join(', ');
      lines.push(`  ${finding.code}${about ? ` [${about}]` : ''}`, `    ${inCliWords(finding.message)}`, `    fix: ${inCliWords(finding.fix)}`);
    }
    lines.push('');
  }
  return lines;
}

export function formatDiagnostics(result: z.output<(typeof DiagnosticsRun)['result']>): string {
  const { error, warning, info } = result.summary;
  return [`${result.file}: ${error} error(s), ${warning} warning(s), ${info} info`, '', ...formatFindingLines(result.findings)].join('\n').trimEnd();
}
