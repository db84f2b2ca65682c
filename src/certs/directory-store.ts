import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import { FileIdentityCache } from '../source/file-identity-cache.js';
import { CertificateExtensions, isPkcs12File, pkcs12Refusal, readCertificateFile } from './certificate-file.js';
import type { CertificateInfo } from './certificate-info.js';
import { describeCertificate } from './describe-certificate.js';
import { readKeyManifest } from './key-presence-manifest.js';
import { sameStore, storeName } from './store-name.js';

/**
 * A snapshot's certs/ folder standing for the LocalMachine stores: each subfolder is the
 * store it names (certs/WebHosting/*), files directly in certs/ are in MY. Deeper folders
 * are not read. Certificate files end in .pem, .crt, .cer or .der (PEM or DER by content);
 * NAME.key beside NAME.* holds a private key; other files (README, ...) are ignored.
 * Whether a store has a certificate's key: yes when a key in its file or beside it matches; no
 * when keys are there but none matches; otherwise what certs/keys.json (written by snapshot
 * export) records, and unknown (null) without a record, never "no" by default.
 * A store holds a certificate once: a second copy only adds whether a key was found.
 *
 * Files are read synchronously: a store is hundreds to thousands of small files, and each
 * fs/promises read is four thread-pool round trips (open, stat, read, close), which made the
 * reads cost ten times the parsing when done one after the other (bench/run.mjs). The parsing
 * that follows is synchronous anyway.
 */
export async function readCertificateDirectory(dir: string, store?: string): Promise<CertificateInfo[]> {
  const entries = list(dir);
  const recorded = readKeyManifest(dir);
  const stores = new Map<string, { name: string; folders: string[] }>();
  const addFolder = (name: string, folder: string) => {
    const key = name.toUpperCase();
    const known = stores.get(key) ?? { name, folders: [] };
    known.folders.push(folder);
    stores.set(key, known);
  };
  if (entries.some((entry) => entry.isFile())) addFolder('MY', dir);
  for (const entry of entries) if (entry.isDirectory()) addFolder(storeName(entry.name), path.join(dir, entry.name));

  const certificates: CertificateInfo[] = [];
  const ordered = [...stores.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (const { name, folders } of ordered) {
    if (store !== undefined && !sameStore(store, name)) continue;
    const byThumbprint = new Map<string, CertificateInfo>();
    for (const folder of folders) {
      for (const certificate of readFolder(folder, name)) {
        const first = byThumbprint.get(certificate.thumbprint);
        if (!first) byThumbprint.set(certificate.thumbprint, certificate);
        else if (certificate.hasPrivateKey !== null && first.hasPrivateKey !== true) first.hasPrivateKey = certificate.hasPrivateKey;
      }
    }
    for (const certificate of byThumbprint.values()) certificate.hasPrivateKey ??= recorded?.(name, certificate.thumbprint) ?? null;
    certificates.push(...byThumbprint.values());
  }
  return certificates;
}

// Parsing a certificate and checking its key costs about a millisecond (OpenSSL's key
// decoder); a worker asked again re-reads only the files that changed.
const parsedFiles = new FileIdentityCache<CertificateInfo[]>(50_000);

function readFolder(folder: string, store: string): CertificateInfo[] {
  const files = list(folder).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  const keyFiles = new Map(files.filter((name) => name.toLowerCase().endsWith('.key')).map((name) => [name.slice(0, -4).toLowerCase(), name]));
  const certificates: CertificateInfo[] = [];
  for (const name of files) {
    const file = path.join(folder, name);
    if (isPkcs12File(name)) throw pkcs12Refusal(file);
    const extension = path.extname(name).toLowerCase();
    if (!(CertificateExtensions as readonly string[]).includes(extension)) continue;
    const keyName = keyFiles.get(name.slice(0, -extension.length).toLowerCase());
    const keyPath = keyName ? path.join(folder, keyName) : undefined;
    const described = parsedFiles.getSync(`${store}\0${file}\0${keyPath ?? ''}`, keyPath ? [file, keyPath] : [file], () => {
      const keyFile = keyPath ? { file: keyPath, content: read(keyPath) } : undefined;
      return readCertificateFile(file, read(file), keyFile).map((found) => describeCertificate(found.certificate, { store, hasPrivateKey: found.hasPrivateKey, file }));
    });
    // Copies: readCertificateDirectory sets hasPrivateKey on the first of duplicates.
    for (const certificate of described) certificates.push({ ...certificate });
  }
  return certificates;
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
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

function unreadable(where: string, error: unknown): HttpApiError {
  return new HttpApiError('SOURCE_UNREADABLE', `Cannot read the certificate folder or file ${where}: ${(error as Error).message}.`, { path: where });
}
