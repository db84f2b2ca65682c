import { isIPv4, isIPv6 } from 'node:net';

/**
 * How the address part of an http/https bindingInformation reads: `*` (all addresses),
 * empty (IIS Express writes `:8080:localhost`; also all addresses), an IPv4 address, or a
 * bracketed IPv6 address.
 */
export type AddressKind = 'any' | 'unspecified' | 'ipv4' | 'ipv6';

export interface BindingEndpoint {
  addressKind: AddressKind;
  /** As written: `*`, ``, `10.0.0.5`, `[2001:db8::1]` (brackets kept). */
  address: string;
  port: number;
  /** As written, case kept; empty means every host name. */
  host: string;
  /** `*.example.com` (IIS 10 wildcard host header). */
  wildcardHost: boolean;
}

export interface ParsedBindingInformation {
  /** Present when the text is a valid `ADDRESS:PORT:HOST`. */
  endpoint?: BindingEndpoint;
  /** Why there is no endpoint: a sentence naming the part at fault. */
  problem?: string;
}

const PORT_TEXT = /^[1-9][0-9]*$/;

/**
 * Parses an http/https `bindingInformation` (`IP:PORT:HOST`) without ever throwing: text that
 * is not a valid binding comes back with a `problem` instead of an endpoint. The split is taken
 * from the right (docs/domain.md §3): the host is after the last `:`, the port before it, and the
 * address is the rest, which is how a bracketed IPv6 address keeps its colons.
 */
export function parseBindingInformation(text: string): ParsedBindingInformation {
  const hostColon = text.lastIndexOf(':');
  if (hostColon < 0) return { problem: `'${text}' is not ADDRESS:PORT:HOST: it has no ':'` };
  const portColon = text.lastIndexOf(':', hostColon - 1);
  if (portColon < 0) return { problem: `'${text}' is not ADDRESS:PORT:HOST: it has one ':' where two are needed` };
  const address = text.slice(0, portColon);
  const portText = text.slice(portColon + 1, hostColon);
  const host = text.slice(hostColon + 1);

  const addressKind = classifyAddress(address, text);
  if (typeof addressKind !== 'string') return addressKind;
  const port = parsePort(portText);
  if (typeof port !== 'number') return port;
  if (/\s/.test(host)) return { problem: `host '${host}' contains white space` };
  return { endpoint: { addressKind, address, port, host, wildcardHost: host.startsWith('*.') } };
}

function classifyAddress(address: string, text: string): AddressKind | { problem: string } {
  if (address === '') return 'unspecified';
  if (address === '*') return 'any';
  if (address.startsWith('[') && address.endsWith(']') && isIPv6(address.slice(1, -1))) return 'ipv6';
  if (isIPv4(address)) return 'ipv4';
  if (address.includes('[') && !address.endsWith(']')) {
    return { problem: `'${text}' is not [IPv6]:PORT:HOST: the bracketed address must be followed by ':PORT:HOST'` };
  }
  if (isIPv6(address)) return { problem: `IPv6 address '${address}' must be written in brackets: [${address}]` };
  return { problem: `address '${address}' is not '*', empty, an IPv4 address or a bracketed IPv6 address` };
}

function parsePort(portText: string): number | { problem: string } {
  if (portText === '') return { problem: 'the port is missing' };
  if (!PORT_TEXT.test(portText)) {
    if (/^0+$/.test(portText)) return { problem: 'port 0 is out of range 1-65535' };
    if (/^[0-9]+$/.test(portText)) return { problem: `port '${portText}' has leading zeros` };
    return { problem: `port '${portText}' is not a number${/^[[{%$]/.test(portText) ? ' (an unfilled template placeholder?)' : ''}` };
  }
  const port = portText.length > 5 ? Number.POSITIVE_INFINITY : Number(portText);
  if (port > 65535) return { problem: `port ${portText} is out of range 1-65535` };
  return port;
}

export interface BindingParts {
  /** `*`, empty, an IPv4 address, or an IPv6 address with or without brackets. */
  address: string;
  port: number;
  host?: string;
}

/** The inverse of parseBindingInformation: `format(parse(x).endpoint) === x` for every valid x. */
export function formatBindingInformation(parts: BindingParts): string {
  const address = parts.address.includes(':') && !parts.address.startsWith('[') ? `[${parts.address}]` : parts.address;
  return `${address}:${parts.port}:${parts.host ?? ''}`;
}

/** Protocols whose bindingInformation is `IP:PORT:HOST`; every other protocol's is opaque (docs/domain.md §3). */
export function hasEndpoint(protocol: string): boolean {
  const lower = protocol.toLowerCase();
  return lower === 'http' || lower === 'https';
}
