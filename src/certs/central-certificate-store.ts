import { createHash, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentValue, type PlatformFacts } from '../process/platform-facts.js';
import { ProcessFailure } from '../process/run-process.js';
import { readCcsProviderSettings } from '../source/ccs-provider-settings.js';
import { FileIdentityCache } from '../source/file-identity-cache.js';
import { readSourceFileSync, whyUnreadable } from '../source/read-source-file.js';
import type { CcsSource } from '../source/resolve-source.js';
import type { CertificateInfo } from './certificate-info.js';
import { describeCertificate } from './describe-certificate.js';
import { Pkcs12Error, readPkcs12, type Pkcs12Contents } from './pkcs12.js';
import type { Pkcs12Password } from './pkcs12-decrypt.js';

/** The store name CCS certificates carry, so answers name them `CCS:<thumbprint>`. */
export const CcsStoreName = 'CCS';

/** The snapshot's record of the provider settings and of what the certificates alone cannot say. */
export const CcsProviderFileName = 'provider.json';

/** The environment variable holding the CCS private-key password, if any (never a protocol field). */
export const CcsPasswordVariable = 'HTTPAPI_CCS_PASSWORD';

export interface CcsFile {
  /** As found in the folder, e.g. `www.contoso.com.pfx`. */
  name: string;
  /** The certificate the file serves (its leaf); null when it cannot be read. */
  certificate: CertificateInfo | null;
  /** Why the certificate cannot be read: the file is present, its certificate unreadable. */
  unreadable: string | null;
  /** The DER of every certificate bag, leaf first (what a snapshot keeps of the file). */
  chain: Buffer[];
}

export interface CentralCertificateStore {
  /** The provider's Enabled setting; null when nothing records it. */
  enabled: boolean | null;
  /** Where IIS reads the files (a local path or a UNC share). */
  certStoreLocation: string | null;
  /** The folder that was read. */
  folder: string | null;
  files: CcsFile[];
  /** The folder could not be read (a share the worker cannot reach): the CCS checks are skipped. */
  folderProblem: string | null;
}

/** provider.json: the settings IIS keeps in the registry, minus every secret, plus what a snapshot left out. */
export interface CcsProviderRecord {
  enabled: boolean | null;
  certStoreLocation: string | null;
  /** Files whose certificate could not be read when the snapshot was taken, so the host still has a file. */
  unreadable?: { file: string; reason: string }[];
  /** Whether each file held its certificate's private key (a snapshot's files hold certificates only). */
  privateKeys?: { file: string; hasPrivateKey: boolean | null }[];
}

/**
 * The Central Certificate Store as a source describes it: a folder (a snapshot's ccs/ with
 * provider.json), or, live, the provider settings in the registry and the folder they name,
 * read as the account running the worker (IIS uses its own UserName, whose password is
 * encrypted for IIS: a share that refuses this account is a folder problem, said so).
 * Certificates are read with the empty password (both forms, RFC 7292 B.1) and, when set,
 * HTTPAPI_CCS_PASSWORD; a file nothing opens is "present, certificate unreadable".
 */
export async function readCentralCertificateStore(source: CcsSource, facts: PlatformFacts, signal?: AbortSignal): Promise<CentralCertificateStore> {
  const passwords: Pkcs12Password[] = ['', null];
  const given = environmentValue(facts.env, CcsPasswordVariable);
  if (given) passwords.push(given);
  if (source.kind === 'registry') {
    let settings;
    try {
      settings = await readCcsProviderSettings(facts, signal);
    } catch (error) {
      // CCS only sharpens the diagnosis: settings that cannot be read skip its checks, said so; a cancel still cancels.
      if (error instanceof ProcessFailure && error.reason === 'cancelled') throw error;
      return { enabled: null, certStoreLocation: null, folder: null, files: [], folderProblem: `IIS's Central Certificate Store settings could not be read (${(error as Error).message})` };
    }
    const store: CentralCertificateStore = { ...settings, folder: settings.certStoreLocation, files: [], folderProblem: null };
    if (settings.certStoreLocation === null) return { ...store, folderProblem: 'IIS\'s Central Certificate Store provider names no folder (CertStoreLocation)' };
    return { ...store, ...readFolder(settings.certStoreLocation, passwords, undefined) };
  }
  let record: CcsProviderRecord | undefined;
  try {
    record = readProviderRecord(path.join(source.path, CcsProviderFileName));
  } catch (error) {
    return { enabled: null, certStoreLocation: null, folder: source.path, files: [], folderProblem: `${path.join(source.path, CcsProviderFileName)}: ${(error as Error).message}` };
  }
  const read = readFolder(source.path, passwords, record);
  const present = new Set(read.files.map((file) => file.name.toLowerCase()));
  for (const { file, reason } of record?.unreadable ?? []) {
    if (!present.has(file.toLowerCase())) read.files.push({ name: file, certificate: null, unreadable: reason, chain: [] });
  }
  read.files.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { enabled: record?.enabled ?? null, certStoreLocation: record?.certStoreLocation ?? null, folder: source.path, ...read };
}

function readFolder(folder: string, passwords: readonly Pkcs12Password[], record: CcsProviderRecord | undefined): Pick<CentralCertificateStore, 'files' | 'folderProblem'> {
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.pfx')).map((entry) => entry.name).sort();
  } catch (error) {
    return { files: [], folderProblem: `${folder} cannot be read: ${whyUnreadable(error).why}` };
  }
  const keys = new Map((record?.privateKeys ?? []).map((entry) => [entry.file.toLowerCase(), entry.hasPrivateKey]));
  // A worker asked again reads again only the files that changed (a PBKDF2 per encrypted file).
  // Keyed by the passwords tried too, hashed: a new HTTPAPI_CCS_PASSWORD may open a file.
  const passwordKey = createHash('sha256').update(JSON.stringify(passwords)).digest('hex');
  const files = names.map((name): CcsFile => {
    const file = path.join(folder, name);
    const { read, leafHasKey } = parsedFiles.getSync(`${file}\0${passwordKey}`, [file], () => readCcsFile(file, name, passwords));
    if (!read.certificate) return read;
    // Whether the store's file held the key: the file's own key bag, else what a snapshot recorded;
    // a file outside a snapshot without any key bag has none.
    const hasPrivateKey = leafHasKey === true ? true : (keys.get(name.toLowerCase()) ?? (leafHasKey === false && record === undefined ? false : null));
    return { ...read, certificate: { ...read.certificate, hasPrivateKey, privateKey: hasPrivateKey === null ? null : hasPrivateKey ? 'present' : 'absent' } };
  });
  return { files, folderProblem: null };
}

const parsedFiles = new FileIdentityCache<{ read: CcsFile; leafHasKey: boolean | null }>(50_000);

/** One pfx: its leaf described (key presence settled by the caller), or why it cannot be read. */
function readCcsFile(file: string, name: string, passwords: readonly Pkcs12Password[]): { read: CcsFile; leafHasKey: boolean | null } {
  const unreadable = (why: string) => ({ read: { name, certificate: null, unreadable: why, chain: [] }, leafHasKey: null });
  let contents: Pkcs12Contents;
  try {
    contents = readPkcs12(readSourceFileSync(file, 'certificate').bytes, passwords);
  } catch (error) {
    return unreadable(error instanceof Pkcs12Error ? error.message : whyUnreadable(error).why);
  }
  const leaf = contents.leaf;
  if (!leaf) return unreadable('the file holds no certificate');
  let certificate: CertificateInfo;
  try {
    certificate = describeCertificate(new X509Certificate(leaf.der), { store: CcsStoreName, hasPrivateKey: null, file: name });
  } catch (error) {
    return unreadable(`its certificate is not readable X.509 (${(error as Error).message})`);
  }
  const chain = [leaf.der, ...contents.certificates.filter((other) => other !== leaf).map((other) => other.der)];
  return { read: { name, certificate, unreadable: null, chain }, leafHasKey: contents.leafHasKey };
}

function readProviderRecord(file: string): CcsProviderRecord | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(whyUnreadable(error).why);
  }
  const parsed = JSON.parse(text) as Partial<CcsProviderRecord>;
  if (typeof parsed !== 'object' || parsed === null) throw new Error('not a JSON object');
  const enabled = typeof parsed.enabled === 'boolean' ? parsed.enabled : null;
  const certStoreLocation = typeof parsed.certStoreLocation === 'string' ? parsed.certStoreLocation : null;
  const unreadable = Array.isArray(parsed.unreadable) ? parsed.unreadable.filter((entry) => typeof entry?.file === 'string' && typeof entry.reason === 'string') : [];
  const privateKeys = Array.isArray(parsed.privateKeys) ? parsed.privateKeys.filter((entry) => typeof entry?.file === 'string') : [];
  return { enabled, certStoreLocation, unreadable, privateKeys };
}
