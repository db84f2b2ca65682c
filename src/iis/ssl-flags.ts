/**
 * The bits of a binding's `sslFlags` (docs/domain.md §4), named as IIS's schema names them, which is
 * also how appcmd and the configuration editor accept them in the attribute ("Sni,
 * DisableHTTP2"); the WebAdministrationDsc issue #627 lists the Windows Server 2022 names.
 */
export const SSL_FLAG_BITS = [
  { bit: 1, name: 'Sni', meaning: 'SNI: the certificate is looked up by host name (hostnameport mapping)' },
  { bit: 2, name: 'CentralCertStore', meaning: 'the certificate comes from the Central Certificate Store (ccs mapping on the port)' },
  { bit: 4, name: 'DisableHTTP2', meaning: 'HTTP/2 disabled' },
  { bit: 8, name: 'DisableOCSPStp', meaning: 'OCSP stapling disabled' },
  { bit: 16, name: 'DisableQUIC', meaning: 'QUIC (HTTP/3) disabled' },
  { bit: 32, name: 'DisableTLS13', meaning: 'TLS 1.3 over TCP disabled' },
  { bit: 64, name: 'DisableLegacyTLS', meaning: 'legacy TLS (1.0/1.1) disabled' },
] as const;

export type SslFlagName = (typeof SSL_FLAG_BITS)[number]['name'];

const KNOWN_MASK = SSL_FLAG_BITS.reduce((mask, flag) => mask | flag.bit, 0);
const BY_NAME = new Map<string, number>([['none', 0], ...SSL_FLAG_BITS.map((flag) => [flag.name.toLowerCase(), flag.bit] as [string, number])]);

export interface DecodedSslFlags {
  /** The whole value, unknown bits included, so that a write can keep them. */
  value: number;
  names: SslFlagName[];
  /** Bits this product has no name for (kept in `value`). */
  unknown: number;
}

export function decodeSslFlags(value: number): DecodedSslFlags {
  return {
    value,
    names: SSL_FLAG_BITS.filter((flag) => (value & flag.bit) !== 0).map((flag) => flag.name),
    unknown: unknownSslFlags(value),
  };
}

export function unknownSslFlags(value: number): number {
  // `>>> 0` keeps bit 31 positive: sslFlags is an unsigned 32-bit value.
  return (value & ~KNOWN_MASK) >>> 0;
}

const NO_FLAGS: readonly SslFlagName[] = Object.freeze([]);

/** The names alone, for readers of many bindings: each value's list is built once and shared (frozen). */
export function sslFlagNames(value: number): readonly SslFlagName[] {
  if (value === 0) return NO_FLAGS;
  let names = NAMES_BY_VALUE.get(value & KNOWN_MASK);
  if (!names) {
    names = Object.freeze(decodeSslFlags(value & KNOWN_MASK).names);
    NAMES_BY_VALUE.set(value & KNOWN_MASK, names);
  }
  return names;
}

const NAMES_BY_VALUE = new Map<number, readonly SslFlagName[]>();

/**
 * Reads the attribute text: a decimal number (what IIS writes), or comma-separated flag names.
 * Absent means 0 (`None`). Anything else yields a problem and the value 0.
 */
export function parseSslFlagsAttribute(text: string | undefined): { value: number; problem?: string } {
  if (text === undefined) return { value: 0 };
  const trimmed = text.trim();
  if (/^[0-9]+$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value <= 0xffffffff) return { value };
    return { value: 0, problem: `sslFlags '${text}' is larger than a 32-bit value` };
  }
  let value = 0;
  for (const part of trimmed.split(',')) {
    const bit = BY_NAME.get(part.trim().toLowerCase());
    if (bit === undefined) {
      return { value: 0, problem: `sslFlags '${text}' is neither a number nor a list of flag names (${['None', ...SSL_FLAG_BITS.map((flag) => flag.name)].join(', ')})` };
    }
    value |= bit;
  }
  return { value };
}
