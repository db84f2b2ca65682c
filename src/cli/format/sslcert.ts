import type { z } from 'zod';
import { optionByName } from '../../httpsys/ssl-options.js';
import type { SslCertList } from '../../protocol/index.js';
import { renderTable } from '../table.js';
import type { View } from '../view.js';

type Result = z.output<(typeof SslCertList)['result']>;
type Mapping = Result['mappings'][number];

/**
 * One line per mapping with its owner and certificate status, then the options that differ
 * from netsh's defaults, notes and unread lines. The owner stands for the application id in
 * the table, so that it fits 120 columns; the id is in --json (unknown ones also in the notes).
 */
export function formatSslcert(result: Result, view: View): string {
  const out: string[] = [];
  out.push(
    result.mappings.length === 0
      ? '(no SSL certificate mappings)'
      : renderTable(result.mappings, [
          { header: 'Kind', value: (mapping) => mapping.kind },
          { header: 'Key', value: (mapping) => mapping.key, shrink: 0 },
          { header: 'Owner', value: (mapping) => mapping.owner },
          { header: 'Status', value: (mapping) => mapping.status, shrink: 0 },
          { header: 'Certificate hash', value: (mapping) => mapping.certificateHash ?? shown(mapping.certificateHashRaw), shrink: 0 },
          { header: 'Store', value: (mapping) => mapping.certificateStoreName ?? (mapping.certificateStoreNameRaw === null ? '' : 'MY (null)') },
          { header: 'Options set', value: (mapping) => changedOptions(mapping), shrink: 2 },
        ], view.width),
  );
  const notes = result.mappings.flatMap((mapping) =>
    [...(mapping.owner === 'unknown app id' ? [`app id ${mapping.appId ?? shown(mapping.appIdRaw) ?? 'none'} belongs to no application HttpApi knows`] : []), ...mapping.notes].map((note) => `${mapping.kind} ${mapping.key || '(empty key)'}: ${note}`),
  );
  if (notes.length > 0) out.push('', 'Notes:', ...notes.map((note) => `  ${note}`));
  out.push('', `Read as ${result.format}: ${result.notes.join('; ')}`);
  if (result.unplaced.length > 0) out.push('Lines not understood:', ...result.unplaced.map((line) => `  ${line.line}: ${line.text.trim()}`));
  return out.join('\n');
}

/** A value that could not be normalized, shown as printed so a masked hash stays visible. */
function shown(raw: string | null): string {
  return raw === null ? '' : `? ${raw}`;
}

function changedOptions(mapping: Mapping): string {
  return mapping.options
    .filter((option) => {
      const spec = optionByName(option.name);
      return !spec || spec.defaultValue === undefined || spec.defaultValue !== option.value;
    })
    .map((option) => `${option.name === 'unknown' ? option.label : option.name}=${option.raw}`)
    .join(', ');
}
