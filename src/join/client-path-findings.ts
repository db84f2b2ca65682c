import { sameCertificate, type AddressFamily, type ClientPath, type SpecificIpMappings } from './client-paths.js';
import { catalogued } from '../finding-codes.js';
import type { BindingRef, Finding, MappingRef } from './join-model.js';
import { indexKey, type MappingIndex } from './mapping-index.js';
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
export function ipv6DiffersFinding(binding: BindingRef & { sslFlags: number }, paths: readonly ClientPath[], ccsThumbprint: string | null = null): Finding | null {
  const meant = binding.sslFlags & (SslFlag.Sni | SslFlag.CentralCertStore) ? [true] : [false, true];
  for (const sni of meant) {
    const v4 = paths.find((path) => path.family === 'ipv4' && path.sni === sni);
    const v6 = paths.find((path) => path.family === 'ipv6' && path.sni === sni);
    if (!v4 || !v6 || sameServed(v4.mapping, v6.mapping, ccsThumbprint)) continue;
    return {
      ...catalogued('IPV6_MAPPING_DIFFERS'),
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

/** A CCS answer serves the certificate of the host's file: compared by it when the store was read, else only with the same CCS mapping. */
function sameServed(a: MappingRef | null, b: MappingRef | null, ccsThumbprint: string | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'ccs' && b.kind === 'ccs') return a.key === b.key;
  if (a.kind === 'ccs' || b.kind === 'ccs') return ccsThumbprint !== null && sameCertificate(a.kind === 'ccs' ? ccsThumbprint : a.certificateHash, b.kind === 'ccs' ? ccsThumbprint : b.certificateHash);
  return sameCertificate(a.certificateHash, b.certificateHash);
}

/**
 * PRECEDENCE_UNCERTAIN, once per specific ip:port mapping (a hosting server has thousands of
 * bindings, not thousands of such mappings): SNI clients of these bindings get an SNI or CCS
 * mapping if SNI is looked up first (Microsoft, Jexus), this ip:port mapping if the reports
 * of it overruling SNI hold (win-acme #1686, #94; AutoACME #58). docs/precedence.md.
 * A path lists at most a few candidates; one that has more (a * binding on a port with many
 * specific mappings) is counted per port and certificate, so the work stays linear.
 */
export function precedenceFindings(bindings: readonly (BindingRef & { port: number | null; clientPaths: readonly ClientPath[]; certificate?: { thumbprint: string } | null })[], declaredIpMappings: ReadonlySet<string>, specific: SpecificIpMappings, index: MappingIndex): Finding[] {
  const affected = new Map<string, { mapping: MappingRef; named: BindingRef[]; count: number }>();
  const entry = (mapping: MappingRef) => {
    const key = indexKey(mapping.kind, mapping.key);
    let found = affected.get(key);
    if (!found) affected.set(key, (found = { mapping, named: [], count: 0 }));
    return found;
  };
  const counted = new Map<string, { family: AddressFamily; port: number; users: { binding: BindingRef; certificate: string }[] }>();
  for (const binding of bindings) {
    for (const path of binding.clientPaths) {
      if (path.ipFirstCount === 0) continue;
      if (path.ipFirstCount === path.ipFirst.length || binding.port === null) {
        for (const mapping of path.ipFirst) {
          const found = entry(mapping);
          found.count += 1;
          if (found.named.length < Named) found.named.push({ site: binding.site, bindingInformation: binding.bindingInformation });
        }
        continue;
      }
      const group = `${path.family}|${binding.port}`;
      const users = counted.get(group) ?? { family: path.family, port: binding.port, users: [] };
      users.users.push({ binding: { site: binding.site, bindingInformation: binding.bindingInformation }, certificate: servedKey(path.mapping, binding.certificate ?? null) });
      counted.set(group, users);
    }
  }
  for (const { family, port, users } of counted.values()) {
    const byCertificate = new Map<string, number>();
    for (const user of users) byCertificate.set(user.certificate, (byCertificate.get(user.certificate) ?? 0) + 1);
    const namedFor = new Map<string, BindingRef[]>();
    for (const mapping of specific.on(family, port)) {
      const certificate = (mapping.certificateHash ?? '').toLowerCase();
      const count = users.length - (byCertificate.get(certificate) ?? 0);
      if (count === 0) continue;
      let named = namedFor.get(certificate);
      if (!named) {
        named = [];
        for (const user of users) {
          if (named.length === Named) break;
          if (user.certificate !== certificate) named.push(user.binding);
        }
        namedFor.set(certificate, named);
      }
      const found = entry(index.ref(mapping.kind, mapping.key));
      found.count += count;
      for (const binding of named) if (found.named.length < Named) found.named.push(binding);
    }
  }
  return [...affected.entries()].map(([key, { mapping, named: users, count }]) => {
    const named = users.map((user) => `${user.site} (${user.bindingInformation})`).join(', ');
    const more = count > users.length ? ` and ${count - users.length} more` : '';
    const declared = declaredIpMappings.has(key);
    return {
      ...catalogued('PRECEDENCE_UNCERTAIN'),
      message: `SNI clients of ${named}${more} that arrive on ${mapping.key} get their SNI or CCS mapping if http.sys looks SNI up first (Microsoft, Jexus), but this mapping's certificate ${mapping.certificateHash ?? '(none)'} if a specific ip:port mapping overrules SNI, as win-acme #1686 and #94 and AutoACME #58 report. The sources disagree (docs/precedence.md).`,
      fix: declared
        ? `Remove the doubt: give the IP bindings on ${mapping.key} a host name and SNI (sslFlags 1) so their certificate moves to hostname:port mappings, or move the SNI sites off that address; a live check (bindings --live) shows which one the server serves today.`
        : `Remove the doubt: no binding declares ${mapping.key}, so delete it (httpapi sslcert delete --kind ipport --key ${mapping.key}), or point it at the certificate the SNI sites serve; a live check (bindings --live) shows which one the server serves today.`,
      mapping: `${mapping.kind}:${mapping.key}`,
    };
  });
}

/**
 * The certificate a path's answer serves, as the specific mappings are compared with it: a CCS
 * answer serves the binding's own certificate (its host's file) when the store was read, else
 * none of theirs.
 */
function servedKey(mapping: MappingRef | null, certificate: { thumbprint: string } | null): string {
  if (mapping?.kind === 'ccs') return certificate ? certificate.thumbprint.toLowerCase() : 'ccs';
  return (mapping?.certificateHash ?? '').toLowerCase();
}
