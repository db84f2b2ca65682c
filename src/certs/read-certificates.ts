import type { CertificateSource } from '../source/resolve-source.js';
import type { CertificateInfo } from './certificate-info.js';
import { readCertificateDirectory } from './directory-store.js';
import { sameStore } from './store-name.js';
import { DefaultWindowsStores, readWindowsStores, type StoreReader } from './windows-store.js';

export interface CertificateFilter {
  /** A LocalMachine store name, any case; `(null)` means MY, as in netsh output. */
  store?: string;
  /** SHA-1 thumbprint, any case, spaces allowed. */
  thumbprint?: string;
}

/**
 * The certificates a source knows: a snapshot's certs/ folder, or on Windows the
 * LocalMachine stores (MY and WebHosting, or the one the filter names).
 */
export async function readCertificates(source: CertificateSource, filter: CertificateFilter = {}, readStores?: StoreReader): Promise<CertificateInfo[]> {
  const all =
    source.kind === 'directory'
      ? await readCertificateDirectory(source.path, filter.store)
      : await readWindowsStores(filter.store ? [filter.store] : DefaultWindowsStores, readStores);
  const thumbprint = filter.thumbprint?.replace(/\s/g, '').toUpperCase();
  return all.filter(
    (certificate) => (filter.store === undefined || sameStore(filter.store, certificate.store)) && (thumbprint === undefined || certificate.thumbprint === thumbprint),
  );
}
