import { DefaultStoreName } from '../certs/store-name.js';
import { ccsFilesByName } from '../certs/ccs-file-for-host.js';
import { ccsCertificate } from './ccs-certificate.js';
import { CertificateIndex, certificateFindings } from './certificate-findings.js';
import { ipv6DiffersFinding, precedenceFindings } from './client-path-findings.js';
import { SpecificIpMappings } from './client-paths.js';
import { catalogued, type FindingCode } from '../finding-codes.js';
import type { BindingRef, Finding, JoinCcsStore, JoinCertificate, JoinMapping, JoinReservation, JoinSite, JoinedBinding } from './join-model.js';
import { MappingIndex, indexKey } from './mapping-index.js';
import { missingCertificateFindings } from './missing-certificate-findings.js';
import { SslFlag } from './resolve-binding.js';
import { resolveHttpsBindings } from './resolve-https-bindings.js';
import { siteWideFindings } from './site-wide-findings.js';
import { sslFlagsMismatchFinding } from './ssl-flags-mismatch.js';
import { IisAppId, IisExpressAppId } from './well-known-app-ids.js';

export interface JoinInput<C extends JoinCertificate = JoinCertificate> {
  sites: readonly JoinSite[];
  mappings: readonly JoinMapping[];
  /** null when no certificate source is available: certificate checks are skipped. */
  certificates: readonly C[] | null;
  /** null when the URL reservations are unknown: reservation checks are skipped. */
  reservations: readonly JoinReservation[] | null;
  /** The Central Certificate Store; null or absent when unknown: CCS bindings get no certificate and no CCS check. */
  ccs?: JoinCcsStore<C> | null;
  configKind?: string;
  /** http.sys's IP listen list: null unknown, empty all addresses (which families a `*` binding listens on). */
  listenAddresses?: readonly string[] | null;
  now?: Date;
  expiryDays?: number;
}

export interface JoinResult<C extends JoinCertificate = JoinCertificate> {
  bindings: JoinedBinding<C>[];
  /**
   * The bindings that declare each ip:port mapping without SNI or CCS, by index key: one list
   * per mapping, which its bindings share rather than each copying the others.
   */
  sharers: Map<string, BindingRef[]>;
  /** Every finding: the bindings' own and the server-wide ones (orphans, shadowing, ...). */
  findings: Finding[];
}

/** Days before expiry from which a certificate is reported as expiring (CERT_EXPIRES_SOON). */
export const DefaultExpiryDays = 30;

/** sslFlags bits IIS knows (docs/domain.md §4); anything above is preserved but reported. */
const KnownSslFlags = 0x7f;

/**
 * Joins every https binding with the http.sys mapping it declares, the mappings clients
 * actually get, and its certificate, and diagnoses the whole. Linear in bindings +
 * mappings + certificates: every lookup is a map access.
 */
export function joinHttpsBindings<C extends JoinCertificate>(input: JoinInput<C>): JoinResult<C> {
  const now = input.now ?? new Date();
  const expiryDays = input.expiryDays ?? DefaultExpiryDays;
  const mappings = new MappingIndex(input.mappings);
  const certificates = input.certificates ? new CertificateIndex<C>(input.certificates) : null;
  const appId = input.configKind === 'iisexpress' ? IisExpressAppId : IisAppId;
  const used = new Set<string>();
  const sharers = new Map<string, BindingRef[]>();
  const bindings: JoinedBinding<C>[] = [];

  const specific = new SpecificIpMappings(input.mappings);
  const ccsStore = input.ccs ?? null;
  const ccsLookup = ccsStore ? { enabled: ccsStore.enabled, byName: ccsFilesByName(ccsStore.files) } : null;
  for (const { site, binding, endpoint, resolution, paths, ccsFile, ccsThumbprint } of resolveHttpsBindings(input.sites, mappings, specific, input.listenAddresses ?? null, ccsLookup)) {
    const findings: Finding[] = [];
    const add = (code: FindingCode, message: string, fix: string, mapping?: string) =>
      findings.push({ ...catalogued(code), message, fix, site: site.name, binding: binding.bindingInformation, ...(mapping ? { mapping } : {}) });
    const joined: JoinedBinding<C> = {
      site: site.name,
      siteId: site.id,
      bindingInformation: binding.bindingInformation,
      sslFlags: binding.sslFlags,
      address: endpoint?.address ?? null,
      port: endpoint?.port ?? null,
      host: endpoint?.host ?? null,
      declaredMapping: null,
      effectiveMapping: { withSni: null, withoutSni: null },
      clientPaths: [],
      certificate: null,
      ccsFile: null,
      findings,
    };
    bindings.push(joined);

    if (binding.sslFlags & ~KnownSslFlags) {
      add('UNKNOWN_SSLFLAGS', `sslFlags ${binding.sslFlags} has bits IIS does not define (${binding.sslFlags & ~KnownSslFlags}).`, 'Check who wrote them; HttpApi keeps them on every write. Remove them with IIS Manager or appcmd if they are a mistake.');
    }
    if (!endpoint || !resolution) {
      add('HTTPS_BINDING_INVALID', `bindingInformation '${binding.bindingInformation}' cannot be read${binding.problem ? `: ${binding.problem}` : ''}.`, 'Fix the binding to the form IP:PORT:HOST, e.g. *:443:www.contoso.com.');
      continue;
    }
    const sni = (binding.sslFlags & SslFlag.Sni) !== 0;
    const ccs = (binding.sslFlags & SslFlag.CentralCertStore) !== 0;
    if (sni && !endpoint.host) {
      add('SNI_WITHOUT_HOST', `The binding requires SNI (sslFlags bit 1) but has no host name, so no SNI mapping can match it.`, 'Give the binding a host name, or clear "Require Server Name Indication".');
    }

    joined.declaredMapping = resolution.declared;
    joined.effectiveMapping = { withSni: resolution.withSni, withoutSni: resolution.withoutSni };
    joined.clientPaths = paths;
    for (const ref of [resolution.declared, resolution.withSni, resolution.withoutSni, ...paths.map((path) => path.mapping)]) {
      if (ref?.exists) used.add(indexKey(ref.kind, ref.key));
    }
    const ipv6 = ipv6DiffersFinding({ site: site.name, bindingInformation: binding.bindingInformation, sslFlags: binding.sslFlags }, paths, ccsThumbprint);
    if (ipv6) findings.push(ipv6);

    const declared = resolution.declared;
    const flagsMismatch = declared?.exists ? sslFlagsMismatchFinding({ site: site.name, bindingInformation: binding.bindingInformation, sslFlags: binding.sslFlags }, mappings.get(declared.kind, declared.key)) : null;
    if (flagsMismatch) findings.push(flagsMismatch);
    if (declared && !declared.exists) {
      if (ccs) {
        add('CCS_NOT_CONFIGURED', `The binding uses the Central Certificate Store (sslFlags bit 2) but http.sys has no CCS mapping for port ${endpoint.port}.`, `Enable the Central Certificate Store in IIS, or add the mapping: httpapi sslcert add --kind ccs --key ${endpoint.port} --app-id "${appId}"`, `ccs:${endpoint.port}`);
      } else {
        const fallback = sni ? resolution.withSni : null;
        add(
          'HTTPS_BINDING_NO_MAPPING',
          `No http.sys mapping ${declared.kind} ${declared.key}: IIS shows no certificate for this binding${fallback ? `, and SNI clients get the fallback ${fallback.kind} ${fallback.key} instead` : ', and clients fail the TLS handshake'}.`,
          `Add the mapping: httpapi sslcert add --kind ${declared.kind} --key ${declared.key} --certificate-hash THUMBPRINT --app-id "${appId}"`,
          `${declared.kind}:${declared.key}`,
        );
      }
    }
    if (!sni && !ccs && endpoint.host && resolution.withSni && resolution.withSni.kind === 'hostnameport' && resolution.withSni.certificateHash !== declared?.certificateHash) {
      add('SNI_MAPPING_OVERRIDES', `Clients that send SNI for ${endpoint.host} get the SNI mapping ${resolution.withSni.key}, not the binding's ${declared?.key ?? 'IP mapping'}.`, 'Delete the stray SNI mapping, or mark the binding "Require Server Name Indication" so IIS shows what clients get.', `hostnameport:${resolution.withSni.key}`);
    }
    if (!sni && !ccs && declared) {
      const group = indexKey('ipport', declared.key);
      const members = sharers.get(group) ?? [];
      members.push({ site: site.name, bindingInformation: binding.bindingInformation });
      sharers.set(group, members);
    }

    const shown = declared?.exists ? declared : sni ? resolution.withSni : resolution.withoutSni;
    if (shown?.exists && shown.certificateHash && certificates) {
      const certificate = certificates.find(shown.certificateStoreName, shown.certificateHash);
      const mappingName = `${shown.kind}:${shown.key}`;
      if (!certificate) {
        add('MAPPING_CERT_NOT_FOUND', `Mapping ${shown.key} names certificate ${shown.certificateHash}, which is not in store ${shown.certificateStoreName ?? DefaultStoreName}.`, 'Import the certificate into that LocalMachine store, or point the mapping at a certificate that is there (bindings/setCertificate).', mappingName);
      } else {
        joined.certificate = certificate;
        findings.push(...certificateFindings(certificate, { site: site.name, binding: binding.bindingInformation, mapping: mappingName, host: endpoint.host, now, expiryDays }));
      }
    }
    if (ccs && ccsStore) {
      const served = ccsCertificate(ccsStore.enabled, ccsFile, { site: site.name, bindingInformation: binding.bindingInformation, host: endpoint.host, port: endpoint.port }, { now, expiryDays, mappingExists: declared?.exists ?? false });
      joined.certificate = served.certificate;
      joined.ccsFile = served.file;
      findings.push(...served.findings);
    }
  }

  for (const binding of bindings) {
    if (!binding.declaredMapping || binding.sslFlags & (SslFlag.Sni | SslFlag.CentralCertStore)) continue;
    const members = sharers.get(indexKey('ipport', binding.declaredMapping.key)) ?? [];
    if (members.length > 1) {
      binding.findings.push({
        ...catalogued('SHARED_IP_MAPPING'),
        message: `Mapping ${binding.declaredMapping.key} is shared with ${describeOthers(members, binding)}: changing its certificate changes it for all of them.`,
        fix: 'Use SNI bindings (sslFlags=1) with host names to give each site its own certificate, or pass allowSharedMapping when changing it.',
        site: binding.site,
        binding: binding.bindingInformation,
        mapping: `ipport:${binding.declaredMapping.key}`,
      });
    }
  }

  const wide = siteWideFindings({ sites: input.sites, mappings: input.mappings, used, reservations: input.reservations, configKind: input.configKind, certificates });
  const bound = bindings.flatMap((binding) => binding.findings);
  const reported = new Set(bound.filter((finding) => finding.code === 'MAPPING_CERT_NOT_FOUND').map((finding) => finding.mapping!));
  const missing = certificates ? missingCertificateFindings(input.mappings, certificates, reported) : [];
  const precedence = precedenceFindings(bindings, new Set(sharers.keys()), specific, mappings);
  return { bindings, sharers, findings: [...bound, ...wide, ...precedence, ...missing] };
}

/** Sharers named in a message; a few are enough to recognise, so a message stays short when thousands share. */
const NamedSharers = 3;

/** members holds self once; only the first few others are looked at, so n sharers cost O(n), not O(n²). */
function describeOthers(members: readonly BindingRef[], self: BindingRef): string {
  const named: string[] = [];
  for (const member of members) {
    if (named.length === NamedSharers) break;
    if (member.site !== self.site || member.bindingInformation !== self.bindingInformation) named.push(`${member.site} (${member.bindingInformation})`);
  }
  const more = members.length - 1 - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

