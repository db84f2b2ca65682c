import { readCertificates } from '../certs/read-certificates.js';
import type { CertificateInfo } from '../certs/certificate-info.js';
import { isHttpApiError } from '../errors.js';
import { readSslMappings, readUrlReservations } from '../httpsys/read-http-sys.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import type { UrlReservation } from '../httpsys/url-reservation.js';
import { readApplicationHostConfig, type IisConfig } from '../iis/read-application-host-config.js';
import type { ResolvedSource } from '../source/resolve-source.js';

export interface ServerState {
  config: IisConfig;
  mappings: SslMapping[];
  /** null when no certificate source exists (certificate checks are skipped, and said so). */
  certificates: CertificateInfo[] | null;
  /** null when the reservations cannot be read (reservation checks are skipped). */
  reservations: UrlReservation[] | null;
  /** What was read from where, and what could not be. */
  notes: string[];
}

/**
 * Reads the halves the join needs, in parallel. The configuration and the mappings are
 * required; certificates and URL reservations only sharpen the diagnosis, so their absence
 * is a note, not a failure.
 */
export async function loadServerState(source: ResolvedSource, options: { signal?: AbortSignal; needReservations?: boolean } = {}): Promise<ServerState> {
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
  const [config, mappingsRead, certificates, reservationsRead] = await Promise.all([
    readApplicationHostConfig(source.config()),
    readSslMappings(source.httpSys(), { signal: options.signal }),
    optional('certificate checks', () => readCertificates(source.certificates())),
    options.needReservations === false ? Promise.resolve(null) : optional('URL reservation checks', () => readUrlReservations(source.httpSys(), { signal: options.signal })),
  ]);
  notes.unshift(`configuration: ${config.file} (${config.configKind})`, ...mappingsRead.notes);
  return { config, mappings: mappingsRead.mappings, certificates, reservations: reservationsRead?.reservations ?? null, notes };
}
