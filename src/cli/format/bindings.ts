import type { z } from 'zod';
import type { BindingsHttps, MappingRefSchema } from '../../protocol/index.js';
import { renderTable } from '../table.js';
import type { View } from '../view.js';
import { formatFindingLines } from './findings.js';

type Result = z.output<(typeof BindingsHttps)['result']>;
type MappingRef = z.output<typeof MappingRefSchema> | null;
type Certificate = Result['certificates'][number] | undefined;

/**
 * The joined table admins used to build by hand: per https binding, the mapping IIS means,
 * what clients really get, the certificate behind it, then the findings under the table.
 */
export function formatBindings(result: Result, view: View): string {
  if (result.bindings.length === 0) return `No https bindings in ${result.file}.`;
  // The answer lists each mapping and certificate once; bindings name them by id.
  const mappings = new Map(result.mappings.map((mapping) => [mapping.id, mapping]));
  const certificates = new Map(result.certificates.map((certificate) => [certificate.id, certificate]));
  const mapping = (id: string | null): MappingRef => (id === null ? null : (mappings.get(id) ?? null));
  const certificate = (id: string | null): Certificate => (id === null ? undefined : certificates.get(id));
  const table = renderTable(result.bindings, [
    { header: 'Site', value: (binding) => binding.site },
    { header: 'Binding', value: (binding) => binding.bindingInformation },
    { header: 'Flags', value: (binding) => flags(binding.sslFlags), shrink: 0 },
    { header: 'Declared mapping', value: (binding) => declared(mapping(binding.declaredMapping)) },
    { header: 'Clients get (SNI / no SNI)', value: (binding) => clientsGet(binding.clientPaths, mapping(binding.declaredMapping), mapping) },
    { header: 'Certificate', value: (binding) => certificate(binding.certificate)?.subject.replace(/,.*$/, '') ?? '' },
    { header: 'Expires', value: (binding) => expiry(certificate(binding.certificate)?.notAfter, view.now), shrink: 0 },
    // Each code is spelled out under the table: the first column to give way.
    { header: 'Findings', value: (binding) => binding.findings.map((finding) => finding.code).join(', '), shrink: 2 },
  ], view.width);
  const findings = [...result.bindings.flatMap((binding) => binding.findings), ...result.findings];
  return [table, '', ...formatFindingLines(findings)].join('\n').trimEnd();
}

function flags(sslFlags: number): string {
  const names = [sslFlags & 1 ? 'SNI' : '', sslFlags & 2 ? 'CCS' : ''].filter(Boolean);
  return names.length > 0 ? names.join('+') : sslFlags === 0 ? 'IP' : String(sslFlags);
}

function declared(ref: MappingRef): string {
  if (!ref) return '(none)';
  return `${ref.key}${ref.exists ? '' : ' MISSING'}`;
}

/**
 * Per family "SNI / no SNI"; one pair when IPv4 and IPv6 clients get the same. An SNI answer
 * that a specific ip:port mapping would overrule if the ip-first reports hold reads
 * "declared or 10.0.0.5:443" (PRECEDENCE_UNCERTAIN); the full table is in --json.
 */
function clientsGet(paths: Result['bindings'][number]['clientPaths'], declaredRef: MappingRef, mapping: (id: string | null) => MappingRef): string {
  const show = (id: string | null) => {
    const ref = mapping(id);
    return ref ? (ref.key === declaredRef?.key && declaredRef.exists ? 'declared' : ref.key) : 'FAIL';
  };
  const pair = (family: string) => {
    const withSni = paths.find((path) => path.family === family && path.sni);
    const withoutSni = paths.find((path) => path.family === family && !path.sni);
    if (!withSni || !withoutSni) return null;
    const doubt = withSni.ipFirstCount === 0 ? '' : withSni.ipFirstCount === 1 ? ` or ${show(withSni.ipFirst[0]!)}` : ` or ${withSni.ipFirstCount} IP mappings`;
    return `${show(withSni.mapping)}${doubt} / ${show(withoutSni.mapping)}`;
  };
  const v4 = pair('ipv4');
  const v6 = pair('ipv6');
  if (v4 && v6) return v4 === v6 ? v4 : `v4 ${v4}; v6 ${v6}`;
  return v4 ? `v4 ${v4}` : v6 ? `v6 ${v6}` : '';
}

function expiry(notAfter: string | undefined, now: Date): string {
  if (!notAfter) return '';
  return new Date(notAfter).getTime() < now.getTime() ? `${notAfter.slice(0, 10)} EXPIRED` : notAfter.slice(0, 10);
}
