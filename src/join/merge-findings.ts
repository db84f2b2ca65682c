import type { FindingCode } from '../finding-codes.js';
import type { Finding } from './join-model.js';

/** Config-reader codes the join reports again, with the mapping side, under its own code. */
const SameAs: Partial<Record<FindingCode, FindingCode>> = { BINDING_INVALID: 'HTTPS_BINDING_INVALID' };
const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/**
 * The configuration reader and the join both see some problems (an SNI binding without a
 * host, unknown sslFlags bits): keep the join's finding, which knows the mapping, and drop
 * the reader's twin. Errors first, then warnings, then info.
 */
export function mergeFindings(configFindings: readonly Finding[], joinFindings: readonly Finding[]): Finding[] {
  const seen = new Set(joinFindings.map(identity));
  const extra = configFindings.filter((finding) => !seen.has(identity({ ...finding, code: SameAs[finding.code] ?? finding.code })));
  return [...extra, ...joinFindings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

function identity(finding: Finding): string {
  return `${finding.code}|${finding.site ?? ''}|${finding.binding ?? ''}`;
}
