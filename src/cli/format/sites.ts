import type { z } from 'zod';
import type { SitesList } from '../../protocol/index.js';
import { renderTable } from '../table.js';
import type { View } from '../view.js';

type Result = z.output<(typeof SitesList)['result']>;
type Site = Result['sites'][number];
type Binding = Site['bindings'][number];
interface Row {
  site: Site;
  binding?: Binding;
}

/** One line per binding under its site, then where the file came from and what is odd in it. */
export function formatSites(result: Result, view: View): string {
  const out = [`${result.file}${result.configKind ? ` (${describeKind(result.configKind)}${result.origin ? `, ${result.origin}` : ''})` : ''}`, ''];
  const rows: Row[] = result.sites.flatMap((site): Row[] => (site.bindings.length === 0 ? [{ site }] : site.bindings.map((binding) => ({ site, binding }))));
  out.push(
    result.sites.length === 0
      ? '(no sites)'
      : renderTable<Row>(rows, [
          { header: 'Site', value: ({ site, binding }) => (binding === undefined || binding === site.bindings[0] ? site.name : '') },
          { header: 'Id', value: ({ site, binding }) => (binding === undefined || binding === site.bindings[0] ? (site.id ?? '-') : '') },
          { header: 'Protocol', value: ({ binding }) => binding?.protocol ?? '(no bindings)' },
          { header: 'Binding', value: ({ binding }) => binding?.bindingInformation },
          { header: 'SSL flags', value: ({ binding }) => (binding ? sslFlags(binding) : '') },
          { header: 'Path', value: ({ site, binding }) => (binding === undefined || binding === site.bindings[0] ? rootPath(site) : '') },
        ], view.width),
  );
  const findings = result.findings ?? [];
  if (findings.length > 0) out.push('', 'Findings:', ...findings.map((finding) => `  ${finding.severity.padEnd(7)} ${finding.code}: ${finding.message}`));
  return out.join('\n');
}

function describeKind(kind: NonNullable<Result['configKind']>): string {
  return kind === 'iis' ? 'IIS' : kind === 'iisexpress' ? 'IIS Express' : 'server kind unknown';
}

function sslFlags(binding: Binding): string {
  if (binding.sslFlags === 0) return binding.protocol.toLowerCase() === 'https' ? '0' : '';
  const names = [...binding.sslFlagNames, ...(binding.unknownSslFlags ? [`0x${binding.unknownSslFlags.toString(16)}`] : [])];
  return `${binding.sslFlags} (${names.join(', ')})`;
}

/** The physical path of the site's root application, where a person looks first. */
function rootPath(site: Site): string {
  const root = site.applications.find((application) => application.path === '/') ?? site.applications[0];
  return root?.virtualDirectories.find((directory) => directory.path === '/')?.physicalPath ?? '';
}
