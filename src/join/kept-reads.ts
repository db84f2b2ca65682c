import { readSslMappings, readUrlReservations, type SslMappingsRead, type UrlReservationsRead } from '../httpsys/read-http-sys.js';
import { readApplicationHostConfig, type IisConfig } from '../iis/read-application-host-config.js';
import { FileIdentityCache } from '../source/file-identity-cache.js';
import type { ConfigLocation } from '../source/locate-config.js';
import type { HttpSysSource } from '../source/resolve-source.js';

/*
 * The reads a worker keeps: it answers the same question again and again (a PowerShell loop
 * calling a cmdlet), so files that did not change are not parsed again. Only files: a live
 * netsh is always run. The join (load-server-state.ts) and the list handlers read through here.
 */
const configs = new FileIdentityCache<IisConfig>();
const mappingCaptures = new FileIdentityCache<SslMappingsRead>();
const reservationCaptures = new FileIdentityCache<UrlReservationsRead>();

/** The configuration, parsed again only when its file changed. */
export function readKeptConfig(location: ConfigLocation): Promise<IisConfig> {
  return configs.get(JSON.stringify(location), [location.path], () => readApplicationHostConfig(location));
}

/** The SSL mappings: a capture parsed again only when its file changed, netsh run every time. */
export function readKeptMappings(httpSys: HttpSysSource, options: { signal?: AbortSignal } = {}): Promise<SslMappingsRead> {
  return fromCapture(mappingCaptures, httpSys, 'sslcertFile', () => readSslMappings(httpSys, { signal: options.signal }));
}

/** The URL reservations: a capture parsed again only when its file changed, netsh run every time. */
export function readKeptReservations(httpSys: HttpSysSource, options: { signal?: AbortSignal } = {}): Promise<UrlReservationsRead> {
  return fromCapture(reservationCaptures, httpSys, 'urlaclFile', () => readUrlReservations(httpSys, { signal: options.signal }));
}

function fromCapture<T>(cache: FileIdentityCache<T>, httpSys: HttpSysSource, file: 'sslcertFile' | 'urlaclFile', read: () => Promise<T>): Promise<T> {
  const path = httpSys.kind === 'capture' ? httpSys[file] : undefined;
  return path === undefined ? read() : cache.get(path, [path], read);
}
