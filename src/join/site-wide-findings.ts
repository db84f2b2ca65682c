import { certificateId, type CertificateIndex } from './certificate-findings.js';
import { FindingCodes, type FindingCode } from '../finding-codes.js';
import type { Finding, JoinMapping, JoinReservation, JoinSite } from './join-model.js';
import { listenReservation, reservationKey } from '../httpsys/listen-reservation.js';
import { indexKey } from './mapping-index.js';
import { urlAclOverlapFindings } from './urlacl-overlap.js';
import { IisAppId, IisExpressSslPorts, OtherOwners } from './well-known-app-ids.js';

export interface SiteWideInput {
  sites: readonly JoinSite[];
  mappings: readonly JoinMapping[];
  /** Index keys of the mappings some binding declares or resolves to. */
  used: ReadonlySet<string>;
  reservations: readonly JoinReservation[] | null;
  configKind?: string;
  /** null when no certificate source exists: findings then name no certificate. */
  certificates?: CertificateIndex | null;
}

/** Findings about the server as a whole: duplicates, orphans, shadowing, IIS Express needs, overlapping reservations. */
export function siteWideFindings(input: SiteWideInput): Finding[] {
  return [...duplicateBindings(input.sites), ...unusedMappings(input), ...iisExpressFindings(input), ...(input.reservations ? urlAclOverlapFindings(input.reservations) : [])];
}

function finding(code: FindingCode, fields: Omit<Finding, 'code' | 'severity'>, severity = FindingCodes[code].severity): Finding {
  return { code, severity, ...fields };
}

function duplicateBindings(sites: readonly JoinSite[]): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const site of sites) {
    for (const binding of site.bindings) {
      const key = `${binding.protocol.toLowerCase()}|${binding.bindingInformation.toLowerCase()}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, site.name);
        continue;
      }
      findings.push(
        finding('DUPLICATE_BINDING', {
          message: `${binding.protocol} binding ${binding.bindingInformation} of site ${site.name} repeats one of site ${first}; IIS starts only one of them.`,
          fix: 'Remove the duplicate binding, or change its address, port or host name.',
          site: site.name,
          binding: binding.bindingInformation,
        }),
      );
    }
  }
  return findings;
}

/**
 * A mapping nobody uses is an orphan, unless it belongs to other software. A specific-IP
 * mapping on a port where some binding listens on all addresses is worse: clients without
 * SNI that reach that address get its certificate instead of the wildcard one.
 */
function unusedMappings(input: SiteWideInput): Finding[] {
  const anyAddressPorts = new Set<number>();
  for (const site of input.sites) {
    for (const binding of site.bindings) {
      const endpoint = binding.endpoint;
      if (binding.protocol.toLowerCase() === 'https' && endpoint && (endpoint.addressKind === 'any' || endpoint.addressKind === 'unspecified')) anyAddressPorts.add(endpoint.port);
    }
  }
  const findings: Finding[] = [];
  for (const mapping of input.mappings) {
    if (input.used.has(indexKey(mapping.kind, mapping.key))) continue;
    // A finding refers to a certificate only by a key that resolves: one the source holds.
    const found = mapping.certificateHash ? input.certificates?.find(mapping.certificateStoreName, mapping.certificateHash) : undefined;
    const certificate = found ? { certificate: certificateId(found) } : {};
    const owner = mapping.appId ? OtherOwners.get(mapping.appId.toLowerCase()) : undefined;
    if (owner) continue;
    const mappingName = `${mapping.kind}:${mapping.key}`;
    const port = Number(mapping.key.slice(mapping.key.lastIndexOf(':') + 1));
    const specificIp = mapping.kind === 'ipport' && !mapping.key.startsWith('0.0.0.0:');
    if (specificIp && anyAddressPorts.has(port)) {
      findings.push(
        finding('SHADOWING_IP_MAPPING', {
          message: `No binding declares ${mapping.key}, yet clients without SNI that connect to that address get its certificate ${mapping.certificateHash ?? '(none)'} instead of the 0.0.0.0:${port} one that the bindings on *:${port} expect.`,
          fix: `Bind a site to that address, or delete the stray mapping: httpapi sslcert delete --kind ipport --key ${mapping.key}`,
          mapping: mappingName,
          ...certificate,
        }),
      );
      continue;
    }
    const ownedByIis = mapping.appId?.toLowerCase() === IisAppId;
    findings.push(
      finding(
        'ORPHAN_MAPPING',
        {
          message: `http.sys mapping ${mapping.kind} ${mapping.key} (app id ${mapping.appId ?? 'none'}) is used by no binding${ownedByIis ? ' although it carries the IIS app id' : ''}.`,
          fix: `If nothing else uses it, delete it: httpapi sslcert delete --kind ${mapping.kind} --key ${mapping.key}`,
          mapping: mappingName,
          ...certificate,
        },
        ownedByIis ? 'warning' : 'info',
      ),
    );
  }
  return findings;
}

/**
 * IIS Express runs as the user, so http.sys lets it serve HTTPS only where the installer
 * prepared mappings (0.0.0.0:44300-44399) and listen only on reserved URLs or localhost.
 */
function iisExpressFindings(input: SiteWideInput): Finding[] {
  if (input.configKind !== 'iisexpress') return [];
  const findings: Finding[] = [];
  const reserved = input.reservations ? new Set(input.reservations.map((reservation) => reservationKey(reservation.url))) : null;
  for (const site of input.sites) {
    for (const binding of site.bindings) {
      const endpoint = binding.endpoint;
      const protocol = binding.protocol.toLowerCase();
      if (!endpoint || (protocol !== 'http' && protocol !== 'https')) continue;
      if (protocol === 'https' && (endpoint.port < IisExpressSslPorts.first || endpoint.port > IisExpressSslPorts.last)) {
        findings.push(
          finding('IISEXPRESS_PORT_OUTSIDE_RANGE', {
            message: `IIS Express https binding on port ${endpoint.port} is outside ${IisExpressSslPorts.first}-${IisExpressSslPorts.last}, where the installer mapped its development certificate.`,
            fix: `Use a port in ${IisExpressSslPorts.first}-${IisExpressSslPorts.last}, or (elevated) map one: httpapi sslcert add --kind ipport --key 0.0.0.0:${endpoint.port} --certificate-hash THUMBPRINT --app-id "{214124cd-d05b-4309-9af9-9caa44b2b74a}"`,
            site: site.name,
            binding: binding.bindingInformation,
          }),
        );
      }
      const needs = reserved && listenReservation(protocol, endpoint);
      if (needs && !needs.covers.some((url) => reserved.has(url))) {
        findings.push(
          finding('URLACL_MISSING', {
            message: `IIS Express cannot listen on ${needs.url} without admin rights: there is no URL reservation for it.`,
            fix: `Reserve it once, elevated (D:(A;;GX;;;WD) lets Everyone listen): httpapi urlacl add --url ${needs.url} --sddl "D:(A;;GX;;;WD)"`,
            site: site.name,
            binding: binding.bindingInformation,
          }),
        );
      }
    }
  }
  return findings;
}
