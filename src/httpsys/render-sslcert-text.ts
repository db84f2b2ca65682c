import { mainFieldLabels } from './sslcert-labels.js';
import type { SslMapping } from './ssl-mapping.js';

export interface SslcertRenderOptions {
  /** Blank lines between the dashes and the first entry: 1 up to Server 2019, 3 on Server 2022. */
  blankLinesAfterHeader?: number;
  /** netsh writes CRLF. */
  eol?: string;
}

/** `    Label                        : value`: the aligned layout of Windows 8/2012 and later (docs/netsh.md §2.2). */
function line(label: string, value: string): string {
  return `    ${label.padEnd(28)} : ${value}`;
}

/**
 * Writes mappings the way `netsh http show sslcert` prints them, with each line's own label and
 * raw text, so a snapshot written from a model reads back as the same model.
 */
export function renderSslcertText(mappings: readonly SslMapping[], options: SslcertRenderOptions = {}): string {
  const out = ['', 'SSL Certificate bindings:', '-'.repeat(25), ...Array<string>(options.blankLinesAfterHeader ?? 1).fill('')];
  for (const mapping of mappings) {
    out.push(line(mapping.keyLabel, mapping.key));
    if (mapping.certificateHashRaw !== null) out.push(line(mainFieldLabels.certificateHash, mapping.certificateHashRaw));
    if (mapping.appIdRaw !== null) out.push(line(mainFieldLabels.appId, mapping.appIdRaw));
    if (mapping.certificateStoreNameRaw !== null) out.push(line(mainFieldLabels.certificateStoreName, mapping.certificateStoreNameRaw));
    for (const option of mapping.options) out.push(line(option.label, option.raw));
    for (const block of mapping.extendedProperties) {
      out.push(` ${block.label}:`);
      for (const field of block.fields) out.push(line(field.label, field.raw));
    }
    out.push('');
  }
  return out.join(options.eol ?? '\r\n');
}
