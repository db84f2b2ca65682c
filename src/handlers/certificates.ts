import { checkCertificatePresent } from '../changes/certificate-presence.js';
import { replaceCertificate } from '../changes/replace-certificate.js';
import { readCertificateSource, readCertificates } from '../certs/read-certificates.js';
import { isHttpApiError } from '../errors.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import { readApplicationHostConfig } from '../iis/read-application-host-config.js';
import { bindingsUsingMappings } from '../join/bindings-using-mappings.js';
import { certificateFileNote } from '../join/certificate-file-findings.js';
import { CertificatesList, CertificatesReplace } from '../protocol/index.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement } from '../protocol/handler.js';

export const certificatesList = implement(CertificatesList, async (params, context) => {
  const { certificates, problems } = await readCertificateSource(context.source.certificates(), { store: params.store, thumbprint: params.thumbprint });
  const thumbprint = params.thumbprint;
  // A thumbprint names one certificate: it exists, or NOT_FOUND says which are near; a store alone only filters.
  if (thumbprint !== undefined && certificates.length === 0) {
    const inStore = await readCertificates(context.source.certificates(), { store: params.store });
    const where = params.store === undefined ? 'the certificate stores' : `the store ${params.store}`;
    throw notFoundError('certificate with thumbprint', thumbprint, where, inStore.map((certificate) => certificate.thumbprint), { thumbprint, store: params.store ?? null });
  }
  return { certificates, notes: problems.map(certificateFileNote) };
});

export const certificatesReplace = implement(CertificatesReplace, async (params, context) => {
  const { before, ...replaced } = await replaceCertificate(context.source, params, (mappings) => checkNewCertificate(context.source, mappings, params), context.signal);
  const affected = await affectedBindings(context.source, before, replaced.mappings, replaced.messages);
  return { ...replaced, affected };
});

/** The new certificate must be in every store the updated mappings will name; checked before anything changes. */
async function checkNewCertificate(source: ResolvedSource, mappings: readonly SslMapping[], params: { oldHash: string; newHash: string; certificateStoreName?: string }): Promise<string[]> {
  const stores = new Set(mappings.filter((mapping) => mapping.certificateHash === params.oldHash).map((mapping) => params.certificateStoreName ?? mapping.certificateStoreName ?? 'MY'));
  const messages: string[] = [];
  for (const store of stores) messages.push(await checkCertificatePresent(source.certificates, params.newHash, store));
  return messages;
}

async function affectedBindings(source: ResolvedSource, mappings: readonly SslMapping[], changed: { kind: SslMapping['kind']; key: string }[], messages: string[]) {
  try {
    return bindingsUsingMappings(await readApplicationHostConfig(source.config()), mappings, changed);
  } catch (error) {
    if (!isHttpApiError(error)) throw error;
    messages.push(`Bindings affected were not listed: ${error.message}`);
    return undefined;
  }
}
