import { domainToASCII } from 'node:url';
import { commonNameOfWindowsName } from './distinguished-name.js';
import { canonicalIp } from './subject-alt-names.js';

/** What host name matching reads of a certificate; a CertificateInfo has it all. */
export interface NamedCertificate {
  dnsNames: readonly string[];
  subject: string;
  ipAddresses?: readonly string[];
  commonName?: string | null;
}

/**
 * Whether a certificate covers a host name, by RFC 6125 §6.4:
 * - DNS names of the subject alternative names are compared without case (and a trailing
 *   dot, and IDN hosts in their ASCII form);
 * - the CN counts only when the certificate has no DNS name at all (§6.4.4);
 * - a wildcard is a whole leftmost label (`*.contoso.com`) and stands for exactly one label:
 *   it matches `a.contoso.com`, not `contoso.com` nor `a.b.contoso.com`. Partial-label
 *   wildcards (`w*.contoso.com`, allowed by §6.4.3 as a MAY) and wildcards with fewer than
 *   two labels after them (`*.com`) never match, as browsers do;
 * - an IP literal host (IIS allows one as a binding host) matches IP address entries only;
 * - a wildcard binding host (`*.contoso.com`, IIS 10) is covered only by the same wildcard.
 */
export function matchesHostName(certificate: NamedCertificate, host: string): boolean {
  const ip = ipLiteral(host);
  if (ip !== null) return (certificate.ipAddresses ?? []).some((address) => canonicalIp(address) === ip);
  const reference = normalize(host);
  if (!reference) return false;
  if (certificate.dnsNames.length === 0) return cnAsDnsName(certificate).some((name) => matchesName(normalize(name), reference));
  return matchesIndex(indexOf(certificate.dnsNames), reference);
}

/**
 * A certificate's DNS names, normalized once and kept by set: the join asks about every
 * binding a certificate serves, and a hoster's certificate names dozens of sites, so
 * comparing name by name made each binding's check grow with the size of its certificate.
 * Keyed by the names array, which every copy of a certificate read from one file shares.
 */
interface NameIndex {
  /** Every normalized name: what a wildcard binding host must equal. */
  all: Set<string>;
  /** Names without a wildcard: what a plain host must equal. */
  plain: Set<string>;
  /** For each well-formed wildcard `*.rest`, `rest`: a plain host matches when its parent is one. */
  wildcardParents: Set<string>;
}

const indexes = new WeakMap<readonly string[], NameIndex>();

function indexOf(names: readonly string[]): NameIndex {
  let index = indexes.get(names);
  if (!index) {
    index = { all: new Set(), plain: new Set(), wildcardParents: new Set() };
    for (const name of names) {
      const presented = normalize(name);
      if (!presented) continue;
      index.all.add(presented);
      if (!presented.includes('*')) index.plain.add(presented);
      else {
        const [first, ...rest] = presented.split('.');
        if (first === '*' && rest.length >= 2 && !rest.some((label) => label.includes('*'))) index.wildcardParents.add(rest.join('.'));
      }
    }
    indexes.set(names, index);
  }
  return index;
}

/** matchesName over every indexed name, by lookups. */
function matchesIndex(index: NameIndex, reference: string): boolean {
  if (reference.startsWith('*.')) return index.all.has(reference);
  if (index.plain.has(reference)) return true;
  const dot = reference.indexOf('.');
  return dot > 0 && index.wildcardParents.has(reference.slice(dot + 1));
}

function matchesName(presented: string, reference: string): boolean {
  if (!presented) return false;
  if (reference.startsWith('*.')) return presented === reference;
  if (!presented.includes('*')) return presented === reference;
  const [first, ...rest] = presented.split('.');
  if (first !== '*' || rest.length < 2 || rest.some((label) => label.includes('*'))) return false;
  const dot = reference.indexOf('.');
  return dot > 0 && reference.slice(dot + 1) === rest.join('.');
}

function cnAsDnsName(certificate: NamedCertificate): string[] {
  const cn = certificate.commonName !== undefined ? certificate.commonName : commonNameOfWindowsName(certificate.subject);
  return cn ? [cn] : [];
}

/** Lower case, no trailing dot, IDN in ASCII form; a wildcard label is kept as it is. */
function normalize(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
  if (/^[\x21-\x7e]*$/.test(trimmed)) return trimmed;
  // Whole names, not label by label: domainToASCII reads a lone numeric label as an IPv4
  // address ('1' → '0.0.0.1'), which turned `ü.1.com` into a name no certificate holds.
  const wildcard = trimmed.startsWith('*.');
  const rest = wildcard ? trimmed.slice(2) : trimmed;
  const ascii = domainToASCII(rest) || rest;
  return wildcard ? `*.${ascii}` : ascii;
}

/** The canonical form of an IPv4 or (bracketed or not) IPv6 literal, or null for a name. */
function ipLiteral(host: string): string | null {
  const bare = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare)) return bare;
  if (bare.includes(':') && /^[0-9a-fA-F:.]+$/.test(bare)) return canonicalIp(bare);
  return null;
}
