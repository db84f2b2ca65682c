import { DefaultStoreName } from '../certs/store-name.js';
import type { CertificateIndex } from './certificate-findings.js';
import { catalogued } from '../finding-codes.js';
import type { Finding, JoinCertificate, JoinMapping } from './join-model.js';
import { mappingOwner } from './mapping-health.js';

/**
 * MAPPING_CERT_NOT_FOUND for every mapping whose certificate is missing, used by a binding
 * or not: http.sys fails the handshake of whatever owns it (an orphan, IIS Express, SSTP,
 * a store that does not exist) just the same (issue 13). Mappings a binding's check already
 * reported (`reported`: kind:key) are not reported twice.
 */
export function missingCertificateFindings<C extends JoinCertificate>(mappings: readonly JoinMapping[], certificates: CertificateIndex<C>, reported: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const mapping of mappings) {
    const name = `${mapping.kind}:${mapping.key}`;
    if (mapping.certificateHash === null || reported.has(name) || certificates.find(mapping.certificateStoreName, mapping.certificateHash)) continue;
    const owner = mappingOwner(mapping.appId);
    findings.push({
      ...catalogued('MAPPING_CERT_NOT_FOUND'),
      message: `Mapping ${mapping.key} (${owner === 'unknown app id' ? `app id ${mapping.appId ?? 'none'}` : owner}) names certificate ${mapping.certificateHash}, which is not in store ${mapping.certificateStoreName ?? DefaultStoreName}; http.sys fails every handshake that reaches this mapping, whoever owns it.`,
      fix: `Import the certificate into that LocalMachine store, point the mapping at one that is there (httpapi sslcert update), or delete it if nothing needs it: httpapi sslcert delete --kind ${mapping.kind} --key ${mapping.key}`,
      mapping: name,
      certificate: mapping.certificateHash,
    });
  }
  return findings;
}
