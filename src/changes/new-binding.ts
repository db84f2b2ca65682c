import { isIPv4, isIPv6 } from 'node:net';
import { HttpApiError } from '../errors.js';
import { formatBindingInformation, parseBindingInformation, type BindingEndpoint } from '../iis/binding-information.js';
import type { IisBinding, IisConfig } from '../iis/read-application-host-config.js';
import { sslFlagNames, unknownSslFlags } from '../iis/ssl-flags.js';
import { SslFlag } from '../join/resolve-binding.js';
import { bindingKey } from './binding-lookup.js';

export interface BindingRequest {
  protocol: 'http' | 'https';
  /** `*` (default), empty, an IPv4 address, or an IPv6 address with or without brackets. */
  address?: string;
  port: number;
  host?: string;
  sslFlags?: number;
  certificateHash?: string;
  /** Instead of certificateHash: the host name to choose the certificate by (named-certificate.ts). */
  certificateSubject?: string;
  certificateStoreName?: string;
}

export interface NewBindingModel extends IisBinding {
  endpoint: BindingEndpoint;
  /** The attribute to write: absent when the request gave none (IIS reads that as 0). */
  writtenSslFlags?: number;
}

const invalid = (field: string, message: string, value?: unknown) => new HttpApiError('INVALID_ARGUMENT', `${field}: ${message}`, { field, value });

// Letters, digits, hyphens, underscores and dots, optionally starting with `*.` (IIS 10 wildcard host).
const hostName = /^(?:\*\.)?[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?(?:\.[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?)*$/u;

/** The binding a request asks for, checked the way IIS and http.sys will read it (docs/domain.md §3, §4, §6). */
export function newBinding(request: BindingRequest): NewBindingModel {
  const address = bindingAddress(request.address ?? '*');
  const host = request.host ?? '';
  if (host !== '' && (host.length > 253 || !hostName.test(host))) {
    throw invalid('host', `'${host}' is not a host name (letters, digits, hyphens and dots, optionally starting with *.)`, host);
  }
  const flags = request.sslFlags;
  if (flags !== undefined && flags > 0xffffffff) throw invalid('sslFlags', `${flags} does not fit the 32-bit attribute`, flags);
  const [certificateField, certificate] = request.certificateSubject !== undefined ? ['certificateSubject', request.certificateSubject] : ['certificateHash', request.certificateHash];
  if (request.protocol === 'http') {
    if (flags) throw invalid('sslFlags', 'applies to https bindings only', flags);
    if (certificate !== undefined) throw invalid(certificateField, 'an http binding has no certificate; use protocol https', certificate);
  } else {
    if (flags !== undefined && flags & SslFlag.Sni && host === '') {
      throw invalid('host', 'an SNI binding (sslFlags bit 1) needs a host name: the certificate is looked up by it', host);
    }
    // docs/precedence.md §5: no source says http.sys matches a `*.domain:port` SNI mapping against
    // the names clients send, and the resolver does not; creating one would promise what we cannot show.
    if (flags !== undefined && flags & SslFlag.Sni && !(flags & SslFlag.CentralCertStore) && host.startsWith('*.')) {
      throw invalid('host', `an SNI binding on the wildcard host '${host}' would need the SNI mapping ${host}:${request.port}, and no documentation says http.sys matches such a mapping against the names clients send; bind each host name with SNI, or use a binding without SNI (its ip:port mapping serves every name)`, host);
    }
    if (flags !== undefined && flags & SslFlag.CentralCertStore && certificate !== undefined) {
      throw invalid(certificateField, `a Central Certificate Store binding (sslFlags bit 2) takes its certificate from the store's share, named after the host; give no ${certificateField}`, certificate);
    }
  }
  if (request.certificateStoreName !== undefined && certificate === undefined) {
    throw invalid('certificateStoreName', 'names the store of certificateHash (or the one certificateSubject chooses from); give one of them too', request.certificateStoreName);
  }
  const bindingInformation = formatBindingInformation({ address, port: request.port, host });
  const parsed = parseBindingInformation(bindingInformation);
  if (!parsed.endpoint) throw invalid('address', parsed.problem ?? `'${bindingInformation}' is not ADDRESS:PORT:HOST`, bindingInformation);
  const value = flags ?? 0;
  return {
    protocol: request.protocol,
    bindingInformation,
    sslFlags: value,
    sslFlagNames: sslFlagNames(value),
    unknownSslFlags: unknownSslFlags(value),
    endpoint: parsed.endpoint,
    ...(flags !== undefined ? { writtenSslFlags: flags } : {}),
  };
}

function bindingAddress(address: string): string {
  if (address === '' || address === '*' || isIPv4(address)) return address;
  const inner = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv6(inner) && !inner.includes('%')) return `[${inner}]`;
  throw invalid('address', `'${address}' is not '*', empty, an IPv4 address or an IPv6 address (a zone id such as %12 cannot be bound)`, address);
}

/** ALREADY_EXISTS when any site has this binding already (IIS starts only one site per listener). */
export function refuseDuplicate(config: IisConfig, binding: IisBinding): void {
  const wanted = bindingKey(binding.protocol, binding.bindingInformation);
  for (const site of config.sites) {
    const twin = site.bindings.find((candidate) => bindingKey(candidate.protocol, candidate.bindingInformation) === wanted);
    if (twin) {
      throw new HttpApiError(
        'ALREADY_EXISTS',
        `Site '${site.name}' already has the binding ${twin.protocol} ${twin.bindingInformation}${twin.line ? ` (${config.file} line ${twin.line})` : ''}; a second one would keep one of the sites from starting.`,
        { site: site.name, protocol: twin.protocol, bindingInformation: twin.bindingInformation },
      );
    }
  }
}
