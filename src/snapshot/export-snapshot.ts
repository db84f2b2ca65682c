import { createHash, type X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readCertificateFile } from '../certs/certificate-file.js';
import { CcsProviderFileName, readCentralCertificateStore, type CcsProviderRecord, type CentralCertificateStore } from '../certs/central-certificate-store.js';
import { certificateOnlyPkcs12 } from '../certs/certificate-only-pkcs12.js';
import { currentPlatformFacts } from '../process/platform-facts.js';
import { readCertificateDirectory } from '../certs/directory-store.js';
import { keyManifest, KeyManifestName, type KeyPresence } from '../certs/key-presence-manifest.js';
import { DefaultWindowsStores, describeRow, listWindowsStores } from '../certs/windows-store.js';
import { HttpApiError } from '../errors.js';
import { netshRunError, runFailed } from '../httpsys/netsh-error.js';
import { runNetsh } from '../httpsys/run-netsh.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { checkExportDestination } from './export-destination.js';

export interface SnapshotExport {
  directory: string;
  files: string[];
  notes: string[];
}

/** One certificate to write: its DER only, so no key can travel with it. */
interface ExportedCertificate extends KeyPresence {
  der: Buffer;
}

/**
 * Writes what a source holds as a snapshot folder that `--snapshot` reads back: the
 * configuration as is, `netsh http show sslcert` and `show urlacl` output as netsh printed
 * it (text: what the parsers are proven on), and the certificates, each as its DER in
 * certs/STORE/THUMBPRINT.cer, never a source file as is (a PEM can carry its key). Whether each
 * store had the key goes to certs/keys.json, so the snapshot neither carries keys nor claims
 * "no key" for a healthy server. The Central Certificate Store goes to ccs/: each readable
 * `<name>.pfx` again as a PFX of its certificates only (no key, no password), and provider.json
 * with the provider's switch and folder, the files whose certificate could not be read and
 * whether each file held its key; never a key, a password or the user name. Everything is read before the folder is made, so a source that
 * cannot be read leaves nothing behind.
 */
export async function exportSnapshot(source: ResolvedSource, directory: string, options: { signal?: AbortSignal } = {}): Promise<SnapshotExport> {
  const target = await checkExportDestination(directory);
  const notes: string[] = [];

  const configPath = source.config().path;
  await requireRegularFile(configPath);

  const captures: ({ name: string; copy: string } | { name: string; text: string })[] = [];
  const httpSys = source.httpSys();
  for (const [name, show, capture] of [
    ['sslcert.txt', 'sslcert', httpSys.kind === 'capture' ? httpSys.sslcertFile : undefined],
    ['urlacl.txt', 'urlacl', httpSys.kind === 'capture' ? httpSys.urlaclFile : undefined],
  ] as const) {
    if (httpSys.kind === 'netsh') {
      const run = await runNetsh(httpSys.path, ['http', 'show', show], { signal: options.signal });
      const failed = runFailed(run);
      if (failed) throw netshRunError(run, failed);
      captures.push({ name, text: run.stdout });
    } else if (capture) {
      await requireRegularFile(capture);
      captures.push({ name, copy: capture });
    } else {
      notes.push(`${name} not written: the source has no ${show} capture.`);
    }
  }

  const certificates = await (async () => {
    let certificateSource;
    try {
      certificateSource = source.certificates();
    } catch (error) {
      notes.push(`certs/ not written: ${(error as Error).message}`);
      return null;
    }
    return certificateSource.kind === 'directory' ? certificatesOfFolder(certificateSource.path, notes) : certificatesOfWindowsStores();
  })();

  const ccsSource = source.ccs();
  const ccs = ccsSource ? await readCentralCertificateStore(ccsSource, currentPlatformFacts(), options.signal) : null;

  await mkdir(target, { recursive: true });
  const files: string[] = [];
  const place = (name: string) => {
    const file = path.join(target, name);
    files.push(file);
    return file;
  };
  await copyFile(configPath, place('applicationHost.config')).catch((error) => {
    throw unreadable(configPath, error);
  });
  for (const capture of captures) {
    if ('text' in capture) await writeFile(place(capture.name), capture.text);
    else {
      await copyFile(capture.copy, place(capture.name)).catch((error) => {
        throw unreadable(capture.copy, error);
      });
    }
  }
  if (certificates) {
    for (const certificate of certificates) {
      await mkdir(path.join(target, 'certs', certificate.store), { recursive: true });
      await writeFile(place(path.join('certs', certificate.store, `${certificate.thumbprint}.cer`)), certificate.der);
    }
    await mkdir(path.join(target, 'certs'), { recursive: true });
    await writeFile(place(path.join('certs', KeyManifestName)), `${JSON.stringify(keyManifest(certificates), null, 2)}\n`);
    notes.push(keyNote(certificates));
  }
  if (!ccs) notes.push('ccs/ not written: no source describes the Central Certificate Store.');
  else if (ccs.folderProblem) notes.push(`ccs/ not written: ${ccs.folderProblem}.`);
  else notes.push(await writeCcs(ccs, path.join(target, 'ccs'), place));
  return { directory: target, files, notes };
}

/** ccs/: certificate-only PFX files and provider.json (see exportSnapshot). */
async function writeCcs(ccs: CentralCertificateStore, folder: string, place: (name: string) => string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const readable = ccs.files.filter((file) => file.certificate !== null);
  for (const file of readable) await writeFile(place(path.join('ccs', file.name)), certificateOnlyPkcs12(file.chain));
  const record: CcsProviderRecord = {
    enabled: ccs.enabled,
    certStoreLocation: ccs.certStoreLocation,
    unreadable: ccs.files.filter((file) => file.certificate === null).map((file) => ({ file: file.name, reason: file.unreadable ?? 'unreadable' })),
    privateKeys: readable.map((file) => ({ file: file.name, hasPrivateKey: file.certificate!.hasPrivateKey })),
  };
  await writeFile(place(path.join('ccs', CcsProviderFileName)), `${JSON.stringify(record, null, 2)}\n`);
  const unreadable = record.unreadable!.length;
  return `ccs/: ${readable.length} Central Certificate Store file(s) written with their certificates only (no key, no password)${unreadable > 0 ? `; ${unreadable} whose certificate could not be read are listed in ccs/${CcsProviderFileName}` : ''}.`;
}

/**
 * A certificate folder's certificates, read as the snapshot reader reads them (so key presence
 * and the stores are the same), each written from the parsed certificate's DER.
 */
async function certificatesOfFolder(folder: string, notes: string[]): Promise<ExportedCertificate[]> {
  const { certificates: found, problems } = await readCertificateDirectory(folder);
  // A file the reader cannot take (a PFX, a damaged certificate) is left out and said, as a read says it.
  notes.push(...problems.map((problem) => `${problem.file} not exported: ${problem.message}`));
  const derOfFile = new Map<string, Map<string, Buffer>>();
  return found.map((certificate) => {
    const file = certificate.file!;
    let ders = derOfFile.get(file);
    if (!ders) {
      ders = new Map(readCertificateFile(file, readFileSync(file)).map(({ certificate: parsed }) => [thumbprintOf(parsed), parsed.raw]));
      derOfFile.set(file, ders);
    }
    const der = ders.get(certificate.thumbprint);
    if (!der) throw new HttpApiError('SOURCE_UNREADABLE', `${file} changed while the snapshot was taken; export again.`, { file });
    return { store: certificate.store, thumbprint: certificate.thumbprint, hasPrivateKey: certificate.hasPrivateKey, der };
  });
}

/** The LocalMachine MY and WebHosting stores: RawData is the DER, the key state what opening the key found. */
async function certificatesOfWindowsStores(): Promise<ExportedCertificate[]> {
  return (await listWindowsStores(DefaultWindowsStores)).map((row) => {
    const info = describeRow(row);
    return { store: info.store, thumbprint: info.thumbprint, hasPrivateKey: info.hasPrivateKey, der: Buffer.from(row.RawData, 'base64') };
  });
}

function thumbprintOf(certificate: X509Certificate): string {
  return createHash('sha1').update(certificate.raw).digest('hex').toUpperCase();
}

function keyNote(certificates: readonly KeyPresence[]): string {
  const count = (value: boolean | null) => certificates.filter((certificate) => certificate.hasPrivateKey === value).length;
  return `${certificates.length} certificate(s) written without private keys; certs/${KeyManifestName} records whether their store had one (${count(true)} yes, ${count(false)} no, ${count(null)} unknown).`;
}

/** A FIFO or device would block or never end the copy; only regular files are exported. */
async function requireRegularFile(file: string): Promise<void> {
  const found = await stat(file).catch((error) => {
    throw unreadable(file, error);
  });
  if (!found.isFile()) throw new HttpApiError('SOURCE_UNREADABLE', `Cannot copy ${file} into the snapshot: it is not a regular file.`, { file });
}

function unreadable(file: string, error: unknown): HttpApiError {
  return new HttpApiError('SOURCE_UNREADABLE', `Cannot copy ${file} into the snapshot: ${(error as Error).message}`, { file });
}
