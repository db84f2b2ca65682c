import { readCertificates } from '../certs/read-certificates.js';
import { HttpApiError, isHttpApiError } from '../errors.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { replaceCertificate } from '../httpsys/replace-certificate.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import { readApplicationHostConfig } from '../iis/read-application-host-config.js';
import { bindingsUsingMappings } from '../join/bindings-using-mappings.js';
import { CertificatesList, CertificatesReplace } from '../rpc/protocol/index.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { implement } from './handler.js';

export const certificatesList = implement(CertificatesList, async (params, context) => ({
  certificates: await readCertificates(context.source.certificates(), { store: params.store, thumbprint: params.thumbprint }),
}));

export const certificatesReplace = implement(CertificatesReplace, async (params, context) => {
  const httpSys = context.source.httpSys();
  const { mappings } = await readSslMappings(httpSys, { signal: context.signal });
  const messages = [await checkNewCertificate(context.source, mappings, params)];
  const replaced = await replaceCertificate(httpSys, mappings, { ...params, signal: context.signal });
  const affected = await affectedBindings(context.source, mappings, replaced.mappings, messages);
  return { ...replaced, affected, messages: [...messages, ...replaced.messages] };
});

/** Refuses before anything changes when the new certificate is known to be missing where a mapping will look for it. */
async function checkNewCertificate(source: ResolvedSource, mappings: readonly SslMapping[], params: { oldHash: string; newHash: string; certificateStoreName?: string }): Promise<string> {
  let found;
  try {
    found = await readCertificates(source.certificates(), { thumbprint: params.newHash });
  } catch (error) {
    if (isHttpApiError(error) && (error.id === 'NO_SOURCE' || error.id === 'SOURCE_UNREADABLE')) return `The new certificate's presence was not checked: ${error.message}`;
    throw error;
  }
  const stores = new Set(found.map((certificate) => certificate.store.toUpperCase()));
  const needed = new Set(mappings.filter((mapping) => mapping.certificateHash === params.oldHash).map((mapping) => (params.certificateStoreName ?? mapping.certificateStoreName ?? 'MY').toUpperCase()));
  const missing = [...needed].filter((store) => !stores.has(store));
  if (missing.length > 0) {
    throw new HttpApiError('NOT_FOUND', `Certificate ${params.newHash} is not in store ${missing.join(', ')}, where the mappings would look for it; nothing was changed. Import it there first, or pass certificateStoreName.`, { thumbprint: params.newHash, stores: missing });
  }
  return `Certificate ${params.newHash} is in store ${[...needed].join(', ')}.`;
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
