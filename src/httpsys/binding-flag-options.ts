import type { SslOptionInput } from './netsh-commands.js';

/**
 * The IIS binding sslFlags that http.sys enforces per certificate mapping, with the mapping
 * option (and `add/update sslcert` parameter) that carries each (docs/precedence.md §4).
 * Bit values: IIS's schema names (src/iis/ssl-flags.ts). http.h numbers the same flags
 * differently (HTTP_SERVICE_CONFIG_SSL_FLAG_*: 0x10 DISABLE_HTTP2, 0x20 DISABLE_QUIC, 0x40
 * DISABLE_TLS13, 0x80 DISABLE_OCSP_STAPLING, 0x400 DISABLE_LEGACY_TLS), so the pairing goes by
 * name, not by value. Inferred: the pairing, and that IIS writes each binding bit into the
 * mapping it creates (no Microsoft page says so in what we found).
 */
export const bindingFlagOptions = [
  { bit: 4, flag: 'DisableHTTP2', option: 'disableHttp2', parameter: 'disablehttp2' },
  { bit: 8, flag: 'DisableOCSPStp', option: 'disableOcspStapling', parameter: 'disableocspstapling' },
  { bit: 16, flag: 'DisableQUIC', option: 'disableQuic', parameter: 'disablequic' },
  { bit: 32, flag: 'DisableTLS13', option: 'disableTls13', parameter: 'disabletls13' },
  { bit: 64, flag: 'DisableLegacyTLS', option: 'disableLegacyTls', parameter: 'disablelegacytls' },
] as const;

/**
 * The options a new mapping needs for these sslFlags: only the bits that are set, so that a
 * binding without them adds a mapping with netsh's own defaults (an older netsh does not
 * know the parameters at all). With `known`, the options the mapping already prints: those the
 * binding does not ask for are set back to disabled, so the mapping matches the binding.
 */
export function optionsForSslFlags(sslFlags: number, known: ReadonlySet<string> = new Set()): SslOptionInput {
  const options: SslOptionInput = {};
  for (const entry of bindingFlagOptions) {
    if (sslFlags & entry.bit) options[entry.parameter] = true;
    else if (known.has(entry.parameter)) options[entry.parameter] = false;
  }
  return options;
}

/**
 * A mapping's own options with the binding's sslFlags over them (bits it does not ask for are
 * cleared only where the mapping prints them), and the ones that differ from the mapping's.
 */
export function withBindingFlags(carried: SslOptionInput, sslFlags: number | undefined): { options: SslOptionInput; changed: SslOptionInput } {
  if (sslFlags === undefined) return { options: carried, changed: {} };
  const flagged = optionsForSslFlags(sslFlags, new Set(Object.keys(carried)));
  const changed = Object.fromEntries(Object.entries(flagged).filter(([name, value]) => carried[name] !== value));
  return { options: { ...carried, ...flagged }, changed };
}
