import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HttpApiError, isHttpApiError } from '../errors.js';
import { FileIdentityCache, fileIdentity } from '../source/file-identity-cache.js';
import { KeptResults } from '../source/kept-results.js';
import { readSourceFileSync, whyUnreadable } from '../source/read-source-file.js';
import { CertificateExtensions, isPkcs12File, pkcs12Refusal, readCertificateFile } from './certificate-file.js';
import { frozenCertificate, type CertificateInfo } from './certificate-info.js';
import { fileThumbprints } from './file-thumbprints.js';
import { describeCertificate } from './describe-certificate.js';
import { KeyManifestName, readKeyManifest, type KeyLookup } from './key-presence-manifest.js';
import { DefaultStoreName, sameStore, storeName } from './store-name.js';

/**
 * A snapshot's certs/ folder standing for the LocalMachine stores: each subfolder is the
 * store it names (certs/WebHosting/*), files directly in certs/ are in MY. Deeper folders
 * are not read. Certificate files end in .pem, .crt, .cer or .der (PEM or DER by content);
 * NAME.key beside NAME.* holds a private key; other files (README, ...) are ignored.
 * Whether a store has a certificate's key: yes when a key in its file or beside it matches; no
 * when keys are there but none matches; otherwise what certs/keys.json (written by snapshot
 * export) records, and unknown (null) without a record, never "no" by default.
 * A store holds a certificate once: a second copy only adds whether a key was found.
 * A file that cannot be read or parsed is one problem about that file, not a failure of the
 * whole store: the rest is still listed (a certificate whose NAME.key is bad, without its key).
 * Given `named` (upper-case thumbprints), only the certificates it names are parsed and listed,
 * and only their key files read: a file whose bytes hash to no named thumbprint is left out
 * unread beyond that hash (fileThumbprints), so a join pays for the certificates its mappings
 * use, not for the whole store. A file that does not look like DER is parsed anyway, to report it.
 *
 * Files are read synchronously: a store is hundreds to thousands of small files, and each
 * fs/promises read is four thread-pool round trips (open, stat, read, close), which made the
 * reads cost ten times the parsing when done one after the other (bench/run.mjs). The parsing
 * that follows is synchronous anyway.
 */
export interface CertificateFileProblem {
  file: string;
  store: string;
  message: string;
}

export interface CertificateDirectory {
  certificates: CertificateInfo[];
  problems: CertificateFileProblem[];
}

export async function readCertificateDirectory(dir: string, store?: string, named?: ReadonlySet<string>): Promise<CertificateDirectory> {
  const entries = list(dir);
  const recorded = keyManifests.getSync(dir, [path.join(dir, KeyManifestName)], () => readKeyManifest(dir));
  const stores = new Map<string, { name: string; folders: string[] }>();
  const addFolder = (name: string, folder: string) => {
    const key = name.toUpperCase();
    const known = stores.get(key) ?? { name, folders: [] };
    known.folders.push(folder);
    stores.set(key, known);
  };
  if (entries.some((entry) => entry.isFile())) addFolder(DefaultStoreName, dir);
  for (const entry of entries) if (entry.isDirectory()) addFolder(storeName(entry.name), path.join(dir, entry.name));

  const read: { name: string; described: CertificateInfo[][] }[] = [];
  const problems: CertificateFileProblem[] = [];
  const ordered = [...stores.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (const { name, folders } of ordered) {
    if (store !== undefined && !sameStore(store, name)) continue;
    read.push({ name, described: folders.flatMap((folder) => readFolder(folder, name, problems, named)) });
  }
  // What was read is the files' cached descriptions: when every one is the same object as last
  // time, so is the answer, and the join after it can be reused (reused-joins.ts).
  const parts = [recorded, ...read.flatMap(({ name, described }) => [name, ...described]), ...problems.map((problem) => `${problem.store}\0${problem.file}\0${problem.message}`)];
  return lastDirectories.get(`${dir}\0${store ?? ''}`, parts, () => {
    const certificates: CertificateInfo[] = [];
    for (const { name, described } of read) {
      const byThumbprint = new Map<string, CertificateInfo>();
      for (const certificate of described.flat()) {
        const first = byThumbprint.get(certificate.thumbprint);
        // Copies: the first of duplicates takes the key another copy found.
        if (!first) byThumbprint.set(certificate.thumbprint, { ...certificate });
        else if (certificate.hasPrivateKey !== null && first.hasPrivateKey !== true) first.hasPrivateKey = certificate.hasPrivateKey;
      }
      for (const certificate of byThumbprint.values()) {
        certificate.hasPrivateKey ??= recorded?.(name, certificate.thumbprint) ?? null;
        certificates.push(frozenCertificate(certificate));
      }
    }
    return { certificates, problems };
  });
}

// Parsing a certificate and checking its key costs about a millisecond (OpenSSL's key
// decoder); a worker asked again re-reads only the files that changed.
const parsedFiles = new FileIdentityCache<CertificateInfo[]>(50_000);
// What fileThumbprints found in a file: hashed again only when the file changed.
const hashedFiles = new FileIdentityCache<string[] | null>(50_000);
const keyManifests = new FileIdentityCache<KeyLookup | undefined>();
// The last answer for each folder (and store asked for): a worker that reads many snapshots (a
// fleet's) keeps the 16 most recent.
const lastDirectories = new KeptResults<CertificateDirectory>(16);

/** The cached descriptions of a folder's certificate files, one array per file. */
function readFolder(folder: string, store: string, problems: CertificateFileProblem[], named: ReadonlySet<string> | undefined): CertificateInfo[][] {
  const files = list(folder).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  const keyFiles = new Map(files.filter((name) => name.toLowerCase().endsWith('.key')).map((name) => [name.slice(0, -4).toLowerCase(), name]));
  const described: CertificateInfo[][] = [];
  for (const name of files) {
    const file = path.join(folder, name);
    if (isPkcs12File(name)) {
      problems.push(problemOf(pkcs12Refusal(file), store));
      continue;
    }
    const extension = path.extname(name).toLowerCase();
    if (!(CertificateExtensions as readonly string[]).includes(extension)) continue;
    // One stat of the file for both caches: a worker asked again stats every certificate file of the folder.
    const identity = fileIdentity(file);
    // And one read for both: a named certificate's bytes, hashed to learn that, are the bytes parsed.
    let bytes: Buffer | undefined;
    const content = () => (bytes ??= read(file));
    if (named !== undefined && !isNamed(file, identity, named, content)) continue;
    const keyName = keyFiles.get(name.slice(0, -extension.length).toLowerCase());
    const keyPath = keyName ? path.join(folder, keyName) : undefined;
    const describe = (keyPath: string | undefined) =>
      parsedFiles.getSync(
        `${store}\0${file}\0${keyPath ?? ''}`,
        keyPath ? [file, keyPath] : [file],
        () => {
          const keyFile = keyPath ? { file: keyPath, content: read(keyPath) } : undefined;
          return readCertificateFile(file, content(), keyFile).map((found) => describeCertificate(found.certificate, { store, hasPrivateKey: found.hasPrivateKey, file }));
        },
        keyPath ? [identity, fileIdentity(keyPath)] : [identity],
      );
    try {
      described.push(describe(keyPath));
    } catch (error) {
      const problem = problemOf(error, store);
      problems.push(problem);
      // A bad key file leaves the certificate itself readable: listed, without a key.
      if (keyPath === undefined || problem.file !== keyPath) continue;
      try {
        described.push(describe(undefined));
      } catch (again) {
        problems.push(problemOf(again, store));
      }
    }
  }
  return described;
}

/** Whether a certificate of the file is named; a file that cannot be hashed is, so that parsing reports it. */
function isNamed(file: string, identity: string | null, named: ReadonlySet<string>, content: () => Buffer): boolean {
  let thumbprints: string[] | null;
  try {
    thumbprints = hashedFiles.getSync(file, [file], () => fileThumbprints(content()), [identity]);
  } catch {
    return true;
  }
  return thumbprints === null || thumbprints.some((thumbprint) => named.has(thumbprint));
}

/** A file's failure as a problem; anything but a bad or unreadable file is a real failure. */
function problemOf(error: unknown, store: string): CertificateFileProblem {
  if (!isHttpApiError(error) || (error.id !== 'CERTIFICATE_INVALID' && error.id !== 'SOURCE_UNREADABLE')) throw error;
  return { file: String(error.data.file ?? error.data.path), store, message: error.message };
}

function list(dir: string) {
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw unreadable(dir, error);
  }
}

function read(file: string): Buffer {
  try {
    return readSourceFileSync(file, 'certificate').bytes;
  } catch (error) {
    throw unreadable(file, error);
  }
}

function unreadable(where: string, error: unknown): HttpApiError {
  return new HttpApiError('SOURCE_UNREADABLE', `Cannot read the certificate folder or file ${where}: ${whyUnreadable(error).why}.`, { path: where });
}
