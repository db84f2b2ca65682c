import { DefaultStoreName } from '../certs/store-name.js';
import { isHttpApiError } from '../errors.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import { readApplicationHostConfig } from '../iis/read-application-host-config.js';
import { bindingsUsingMappings } from '../join/bindings-using-mappings.js';
import type { BindingRef } from '../join/join-model.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { checkCertificatePresent } from './certificate-presence.js';
import { replaceCertificate, type CertificateReplacement, type ReplacementResult } from './replace-certificate.js';

export type RenewalResult = Omit<ReplacementResult, 'before'> & { affected: BindingRef[] | undefined };

/**
 * certificates/replace: the replacement, refused first unless the new certificate is in every
 * store the updated mappings will name, then the https bindings it touched.
 */
export async function renewCertificate(source: ResolvedSource, request: CertificateReplacement, signal?: AbortSignal): Promise<RenewalResult> {
  const { before, ...replaced } = await replaceCertificate(source, request, (mappings, newHash) => checkNewCertificate(source, mappings, { ...request, newHash }), signal);
  const affected = await affectedBindings(source, before, replaced.mappings, replaced.messages);
  return { ...replaced, affected };
}

async function checkNewCertificate(source: ResolvedSource, mappings: readonly SslMapping[], request: CertificateReplacement & { newHash: string }): Promise<string[]> {
  const stores = new Set(mappings.filter((mapping) => mapping.certificateHash === request.oldHash).map((mapping) => request.certificateStoreName ?? mapping.certificateStoreName ?? DefaultStoreName));
  const messages: string[] = [];
  for (const store of stores) messages.push(await checkCertificatePresent(source.certificates, request.newHash, store));
  return messages;
}

/** A configuration that cannot be read does not undo a renewal that ran: the answer says the list is missing. */
async function affectedBindings(source: ResolvedSource, mappings: readonly SslMapping[], changed: { kind: SslMapping['kind']; key: string }[], messages: string[]): Promise<BindingRef[] | undefined> {
  try {
    return bindingsUsingMappings(await readApplicationHostConfig(source.config()), mappings, changed);
  } catch (error) {
    if (!isHttpApiError(error)) throw error;
    messages.push(`Bindings affected were not listed: ${error.message}`);
    return undefined;
  }
}
