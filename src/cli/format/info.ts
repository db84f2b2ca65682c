import type { z } from 'zod';
import type { ServerInfo } from '../../protocol/index.js';
import { renderTable } from '../table.js';
import type { View } from '../view.js';

type Result = z.output<(typeof ServerInfo)['result']>;

/** Who answers (version, platform), what it would read, then which methods it implements. */
export function formatInfo(result: Result, view: View): string {
  const source = result.source;
  const lines = [
    `${result.name} ${result.version} on ${result.platform} (Node.js ${result.node})`,
    '',
    'Source:',
    `  configuration:  ${source.config ?? '(none)'}`,
    `  http.sys:       ${source.httpSys ?? '(none)'}`,
    `  sslcert format: ${source.sslcertFormat ?? '(none)'}`,
    `  certificates:   ${source.certificates ?? '(none)'}`,
    ...source.notes.map((note) => `  note: ${note}`),
    '',
    renderTable(
      result.methods,
      [
        { header: 'Method', value: (method) => method.name, shrink: 0 },
        { header: 'Implemented', value: (method) => (method.implemented ? 'yes' : 'no'), shrink: 0 },
        { header: 'Changes', value: (method) => (method.changes ? 'yes' : 'no'), shrink: 0 },
        { header: 'Summary', value: (method) => method.summary },
      ],
      view.width,
    ),
  ];
  return lines.join('\n');
}
