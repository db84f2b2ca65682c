import { readCentralCertificateStore } from '../certs/central-certificate-store.js';
import { readCertificateSource } from '../certs/read-certificates.js';
import { currentPlatformFacts } from '../process/platform-facts.js';
import { isHttpApiError } from '../errors.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { isCcsMapping } from './ccs-mapping.js';
import { namedThumbprints } from './load-server-state.js';
import { mappingHealth, type MappingHealth, type MappingHealthOptions } from './mapping-health.js';

/**
 * The mappings with owner and certificate status. Certificates only sharpen the list, so a
 * source without them is a note and every status says "not checked", as the join does.
 * `signal` ends the store's reg.exe runs when the request is cancelled.
 */
export async function mappingsWithHealth(mappings: readonly SslMapping[], source: ResolvedSource, options: MappingHealthOptions & { signal?: AbortSignal }): Promise<{ mappings: (SslMapping & MappingHealth)[]; notes: string[] }> {
  const notes: string[] = [];
  let certificates = null;
  try {
    certificates = (await readCertificateSource(source.certificates(), { named: namedThumbprints(mappings) })).certificates;
  } catch (error) {
    if (!isHttpApiError(error) || (error.id !== 'NO_SOURCE' && error.id !== 'SOURCE_UNREADABLE')) throw error;
    notes.push(`certificate status skipped: ${error.message}`);
  }
  const ccsSource = mappings.some(isCcsMapping) ? source.ccs() : null;
  const ccs = ccsSource ? await readCentralCertificateStore(ccsSource, currentPlatformFacts(), options.signal) : null;
  const health = mappingHealth(mappings, certificates, options, ccs);
  return { mappings: mappings.map((mapping, index) => ({ ...mapping, ...health[index]! })), notes };
}
