import { readCertificateSource } from '../certs/read-certificates.js';
import { readCentralCertificateStore, type CentralCertificateStore } from '../certs/central-certificate-store.js';
import { currentPlatformFacts } from '../process/platform-facts.js';
import type { CertificateInfo } from '../certs/certificate-info.js';
import type { CertificateFileProblem } from '../certs/directory-store.js';
import { isHttpApiError } from '../errors.js';
import { readIpListenList } from '../httpsys/ip-listen-list.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { UrlReservation } from '../httpsys/url-reservation.js';
import type { IisConfig } from '../iis/read-application-host-config.js';
import { isCcsMapping } from './ccs-mapping.js';
import { SslFlag } from './resolve-binding.js';
import { readKeptConfig, readKeptMappings, readKeptReservations } from './kept-reads.js';
import { certificateFileFinding, certificateFileNote } from './certificate-file-findings.js';
import type { Finding } from './join-model.js';
import type { ResolvedSource } from '../source/resolve-source.js';

export interface ServerState {
  config: IisConfig;
  mappings: SslMapping[];
  /** null when no certificate source exists (certificate checks are skipped, and said so). */
  certificates: CertificateInfo[] | null;
  /** null when the reservations cannot be read (reservation checks are skipped). */
  reservations: UrlReservation[] | null;
  /** The Central Certificate Store; null when no source describes it (CCS checks are skipped). */
  ccs: CentralCertificateStore | null;
  /** What was read from where, and what could not be. */
  notes: string[];
  /** Problems of the sources themselves (a certificate file that cannot be read). */
  findings: readonly Finding[];
  /** http.sys's IP listen list, read only when a live check needs it. */
  listenList(): Promise<{ addresses: string[] | null; note: string }>;
}

/**
 * Reads the halves the join needs, in parallel. The configuration and the mappings are
 * required; certificates and URL reservations only sharpen the diagnosis, so their absence
 * is a note, not a failure. Reservations are read for every configuration (a second netsh run
 * on a live machine): IIS Express needs them to listen, and overlapping ones (URLACL_OVERLAP)
 * misroute requests whoever reserved them.
 */
export async function loadServerState(source: ResolvedSource, options: { signal?: AbortSignal } = {}): Promise<ServerState> {
  const notes: string[] = [];
  const optional = async <T>(what: string, read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (!isHttpApiError(error) || (error.id !== 'NO_SOURCE' && error.id !== 'SOURCE_UNREADABLE')) throw error;
      notes.push(`${what} skipped: ${error.message}`);
      return null;
    }
  };
  // Both required halves are resolved before any read starts, so a missing one fails the
  // request without leaving a read in flight.
  const httpSys = source.httpSys();
  const configRead = readKeptConfig(source.config());
  const mappingsReading = readKeptMappings(httpSys, options);
  // A snapshot folder parses only the certificates some mapping names (the others take no part
  // in the join), so its read waits for the mappings; Windows stores are listed whole, so their
  // read starts at once, beside netsh's. (A failed mappings read fails the request below.)
  const certificatesReading = optional('certificate checks', async () => {
    const certificateSource = source.certificates();
    const named = certificateSource.kind === 'directory' ? namedThumbprints((await mappingsReading).mappings) : undefined;
    return readCertificateSource(certificateSource, { named });
  });
  // Most servers use no CCS: live, reading it costs two reg.exe runs and a folder that may be a
  // share, on every request, so it is read only when a binding or a mapping uses it.
  const ccsSource = source.ccs();
  const ccsReading = Promise.all([configRead, mappingsReading]).then(([read, { mappings }]) =>
    ccsSource && usesCcs(read, mappings) ? readCentralCertificateStore(ccsSource, currentPlatformFacts(), options.signal) : null,
  );
  const [config, mappingsRead, certificatesRead, reservationsRead, ccs] = await Promise.all([
    configRead,
    mappingsReading,
    certificatesReading,
    optional('URL reservation checks', () => readKeptReservations(httpSys, options)),
    ccsReading,
  ]);
  notes.unshift(`configuration: ${config.file} (${config.configKind})`, ...mappingsRead.notes);
  const certificates = certificatesRead?.certificates ?? null;
  const keyUnknown = certificates?.filter((certificate) => certificate.hasPrivateKey === null).length ?? 0;
  if (keyUnknown > 0) notes.push(`private key check skipped for ${keyUnknown} certificate(s): the source does not say whether their store has the key (no key beside them, no certs/keys.json entry).`);
  const problems = certificatesRead?.problems ?? [];
  notes.push(...problems.map(certificateFileNote));
  if (ccs) notes.push(ccsNote(ccs));
  return {
    config,
    mappings: mappingsRead.mappings,
    certificates,
    reservations: reservationsRead?.reservations ?? null,
    ccs,
    notes,
    findings: problems.length === 0 ? NoFindings : fileFindings(problems),
    listenList: () => readIpListenList(httpSys, options),
  };
}

// Findings of the same problems are the same objects, so the join over them can be reused (reused-joins.ts).
const NoFindings: readonly Finding[] = [];
const findingsOfProblems = new WeakMap<readonly CertificateFileProblem[], readonly Finding[]>();

function fileFindings(problems: readonly CertificateFileProblem[]): readonly Finding[] {
  let findings = findingsOfProblems.get(problems);
  if (!findings) findingsOfProblems.set(problems, (findings = problems.map(certificateFileFinding)));
  return findings;
}

function usesCcs(config: IisConfig, mappings: readonly SslMapping[]): boolean {
  return (
    mappings.some(isCcsMapping) ||
    config.sites.some((site) => site.bindings.some((binding) => binding.protocol.toLowerCase() === 'https' && (binding.sslFlags & SslFlag.CentralCertStore) !== 0))
  );
}

/** What the Central Certificate Store holds, or why its checks are skipped. */
function ccsNote(ccs: CentralCertificateStore): string {
  if (ccs.folderProblem) return `Central Certificate Store checks skipped: ${ccs.folderProblem}.`;
  const unreadable = ccs.files.filter((file) => file.unreadable !== null);
  const state = ccs.enabled === null ? 'provider settings not recorded' : ccs.enabled ? 'enabled' : 'disabled';
  return `Central Certificate Store (${state}): ${ccs.files.length} file(s) in ${ccs.folder}${unreadable.length > 0 ? `; present, certificate unreadable: ${unreadable.map((file) => `${file.name} (${file.unreadable})`).join(', ')}` : ''}.`;
}

/** The thumbprints the mappings name, upper case, as certificates are keyed. */
export function namedThumbprints(mappings: readonly SslMapping[]): Set<string> {
  const named = new Set<string>();
  for (const mapping of mappings) if (mapping.certificateHash) named.add(mapping.certificateHash.toUpperCase());
  return named;
}
