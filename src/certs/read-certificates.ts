import type { CertificateSource } from '../source/resolve-source.js';
import type { CertificateInfo } from './certificate-info.js';
import { readCertificateDirectory, type CertificateDirectory } from './directory-store.js';
import { sameStore } from './store-name.js';
import { DefaultWindowsStores, readWindowsStores, type StoreReader } from './windows-store.js';

export interface CertificateFilter {
  /** A LocalMachine store name, any case; `(null)` means MY, as in netsh output. */
  store?: string;
  /** SHA-1 thumbprint, any case, spaces allowed. */
  thumbprint?: string;
  /**
   * Upper-case thumbprints some caller needs (those its mappings name): a snapshot folder
   * parses only these and leaves the others out; Windows stores list everything anyway.
   */
  named?: ReadonlySet<string>;
}

/**
 * The certificates a source knows: a snapshot's certs/ folder, or on Windows the
 * LocalMachine stores (MY and WebHosting, or the one the filter names), and the files of a
 * folder that could not be read (each a problem of its own; the rest is still read).
 */
export async function readCertificateSource(source: CertificateSource, filter: CertificateFilter = {}, readStores?: StoreReader): Promise<CertificateDirectory> {
  const all =
    source.kind === 'directory'
      ? await readCertificateDirectory(source.path, filter.store, filter.named)
      : { certificates: await readWindowsStores(filter.store ? [filter.store] : DefaultWindowsStores, readStores), problems: [] };
  // Unfiltered, the read itself is the answer: the same object while nothing changed (reused-joins.ts).
  if (filter.store === undefined && filter.thumbprint === undefined) return all;
  const thumbprint = filter.thumbprint?.replace(/\s/g, '').toUpperCase();
  const certificates = all.certificates.filter(
    (certificate) => (filter.store === undefined || sameStore(filter.store, certificate.store)) && (thumbprint === undefined || certificate.thumbprint === thumbprint),
  );
  return { certificates, problems: all.problems };
}

/** The certificates alone, for a question about one of them. */
export async function readCertificates(source: CertificateSource, filter: CertificateFilter = {}, readStores?: StoreReader): Promise<CertificateInfo[]> {
  return (await readCertificateSource(source, filter, readStores)).certificates;
}
