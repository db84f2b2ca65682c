import { sameCertificate, type ClientPath } from './client-paths.js';
import { FindingCodes } from './finding-codes.js';
import type { BindingRef, Finding, MappingRef } from './join-model.js';
import { indexKey } from './mapping-index.js';
import { SslFlag } from './resolve-binding.js';

/** Bindings named in a message; the rest are counted, so a message stays short on a hosting server. */
const Named = 3;

const show = (ref: MappingRef | null) => (ref ? `${ref.kind}:${ref.key}${ref.certificateHash ? ` (${ref.certificateHash})` : ''}` : 'no mapping (the handshake fails)');

/**
 * IPV6_MAPPING_DIFFERS: IPv6 clients of the binding get another certificate than IPv4 clients,
 * typically a `[::]:port` mapping of other software (RRAS SSTP) beside the `0.0.0.0:port` of a
 * `*` binding (win-acme #198). Judged on the paths the binding is meant for: SNI clients of an
 * SNI or CCS binding, every client of an IP binding.
 */
export function ipv6DiffersFinding(binding: BindingRef & { sslFlags: number }, paths: readonly ClientPath[]): Finding | null {
  const meant = binding.sslFlags & (SslFlag.Sni | SslFlag.CentralCertStore) ? [true] : [false, true];
  for (const sni of meant) {
    const v4 = paths.find((path) => path.family === 'ipv4' && path.sni === sni);
    const v6 = paths.find((path) => path.family === 'ipv6' && path.sni === sni);
    if (!v4 || !v6 || sameServed(v4.mapping, v6.mapping)) continue;
    return {
      code: 'IPV6_MAPPING_DIFFERS',
      severity: FindingCodes.IPV6_MAPPING_DIFFERS,
      message: `Clients ${sni ? 'that send SNI' : 'without SNI'} get ${show(v4.mapping)} over IPv4 but ${show(v6.mapping)} over IPv6 (Microsoft's HTTP_SERVICE_CONFIG_SSL_KEY reference: a [::] key applies to all IPv6 addresses).`,
      fix: v6.mapping && v6.mapping.kind === 'ipport' && v6.mapping.key.startsWith('[::]:')
        ? `If ${v6.mapping.key} belongs to other software (SSTP), give this site an SNI binding, or bind that software to its own address; otherwise point ${v6.mapping.key} at the same certificate (httpapi sslcert update --kind ipport --key ${v6.mapping.key} --certificate-hash THUMBPRINT) or delete it.`
        : 'Give the IPv6 mapping the same certificate as the IPv4 one, or remove the one that should not serve this site.',
      site: binding.site,
      binding: binding.bindingInformation,
      ...(v6.mapping ? { mapping: `${v6.mapping.kind}:${v6.mapping.key}` } : {}),
    };
  }
  return null;
}

function sameServed(a: MappingRef | null, b: MappingRef | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'ccs' || b.kind === 'ccs') return a.kind === b.kind && a.key === b.key;
  return sameCertificate(a.certificateHash, b.certificateHash);
}

/**
 * PRECEDENCE_UNCERTAIN, once per specific ip:port mapping (a hosting server has thousands of
 * bindings, not thousands of such mappings): SNI clients of these bindings get an SNI or CCS
 * mapping if SNI is looked up first (Microsoft, Jexus), this ip:port mapping if the reports
 * of it overruling SNI hold (win-acme #1686, #94; AutoACME #58). docs/precedence.md.
 */
export function precedenceFindings(bindings: readonly (BindingRef & { clientPaths: readonly ClientPath[] })[], declaredIpMappings: ReadonlySet<string>): Finding[] {
  const affected = new Map<string, { mapping: MappingRef; bindings: BindingRef[] }>();
  for (const binding of bindings) {
    const seen = new Set<string>();
    for (const path of binding.clientPaths) {
      for (const mapping of path.ipFirst) {
        const key = indexKey(mapping.kind, mapping.key);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = affected.get(key) ?? { mapping, bindings: [] };
        entry.bindings.push({ site: binding.site, bindingInformation: binding.bindingInformation });
        affected.set(key, entry);
      }
    }
  }
  return [...affected.entries()].map(([key, { mapping, bindings: users }]) => {
    const named = users.slice(0, Named).map((user) => `${user.site} (${user.bindingInformation})`).join(', ');
    const more = users.length > Named ? ` and ${users.length - Named} more` : '';
    const declared = declaredIpMappings.has(key);
    return {
      code: 'PRECEDENCE_UNCERTAIN',
      severity: FindingCodes.PRECEDENCE_UNCERTAIN,
      message: `SNI clients of ${named}${more} that arrive on ${mapping.key} get their SNI or CCS mapping if http.sys looks SNI up first (Microsoft, Jexus), but this mapping's certificate ${mapping.certificateHash ?? '(none)'} if a specific ip:port mapping overrules SNI, as win-acme #1686 and #94 and AutoACME #58 report. The sources disagree (docs/precedence.md).`,
      fix: declared
        ? `Remove the doubt: give the IP bindings on ${mapping.key} a host name and SNI (sslFlags 1) so their certificate moves to hostname:port mappings, or move the SNI sites off that address; a live check (bindings --live) shows which one the server serves today.`
        : `Remove the doubt: no binding declares ${mapping.key}, so delete it (httpapi sslcert delete --kind ipport --key ${mapping.key}), or point it at the certificate the SNI sites serve; a live check (bindings --live) shows which one the server serves today.`,
      mapping: `${mapping.kind}:${mapping.key}`,
    };
  });
}
