import { readCertificates } from '../certs/read-certificates.js';
import { storeName } from '../certs/store-name.js';
import { HttpApiError, isHttpApiError } from '../errors.js';
import type { CertificateSource } from '../source/resolve-source.js';
import type { NamedCertificate } from './named-certificate.js';

/**
 * Refuses before anything changes when the certificate is known to be missing from the store
 * the mapping will name (http.sys would take the mapping, and every handshake would fail).
 * Without a certificate source the check is skipped, and the answer says so. A certificate
 * chosen by name was chosen from this store's listing, with its key: the store is not listed again.
 */
export async function checkCertificatePresent(source: () => CertificateSource, certificate: string | NamedCertificate, store: string): Promise<string> {
  const hash = typeof certificate === 'string' ? certificate : certificate.hash;
  if (typeof certificate !== 'string' && certificate.choice) return `Certificate ${hash} is in store ${storeName(store)}.`;
  let found;
  try {
    found = await readCertificates(source(), { thumbprint: hash, store });
  } catch (error) {
    if (isHttpApiError(error) && (error.id === 'NO_SOURCE' || error.id === 'SOURCE_UNREADABLE')) return `Certificate ${hash} was not looked for in store ${storeName(store)}: ${error.message}`;
    throw error;
  }
  if (found.length === 0) {
    // Where it is instead (the usual slip: imported into MY, mapped from WebHosting): the stores the source lists by default.
    const elsewhere = [...new Set((await readCertificates(source(), { thumbprint: hash })).map((certificate) => storeName(certificate.store)))];
    const instead = elsewhere.length > 0 ? ` It is in store ${elsewhere.join(', ')}: pass certificateStoreName ${elsewhere[0]}, or import it into ${storeName(store)}.` : ' Import it there first, or pass certificateStoreName.';
    throw new HttpApiError('NOT_FOUND', `Certificate ${hash} is not in the LocalMachine store ${storeName(store)}, where the mapping would look for it; nothing was changed.${instead}`, { thumbprint: hash, store: storeName(store), foundIn: elsewhere });
  }
  return `Certificate ${hash} is in store ${storeName(store)}${found[0]!.hasPrivateKey === false ? ', but without its private key: http.sys cannot serve it' : ''}.`;
}
