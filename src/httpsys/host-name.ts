/**
 * DNS host names as http.sys takes them in a UrlPrefix host and an SNI mapping key. Labels of
 * letters (any script, so internationalized names in Unicode form), digits, hyphens and
 * underscores, at most 63 characters each and 253 in all (RFC 1035 2.3.4); a hyphen neither
 * starts nor ends a label. Underscores are not DNS host-name characters (RFC 952) but appear in
 * real intranet names and http.sys does not document refusing them: accepted (inferred).
 */
const label = /^[\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_-]{0,61}[\p{L}\p{M}\p{N}_])?$/u;

export interface HostNameRules {
  /** `*.example.com` (IIS 10 wildcard host bindings, SNI mapping keys). */
  wildcard: boolean;
  /**
   * ACE labels (`xn--`). Refused in URL prefixes: Microsoft's UrlPrefix.Create reference for
   * ASP.NET Core's HttpSys server says "Http.Sys does not permit punycode (xn--), use Unicode
   * instead". Allowed in SNI keys, which clients send in ASCII form.
   */
  punycode: boolean;
}

/** Why the text is not a host name, or null when it is one. */
export function hostNameProblem(host: string, rules: HostNameRules): string | null {
  const name = rules.wildcard && host.startsWith('*.') ? host.slice(2) : host;
  if (name.length === 0) return 'the host name is empty';
  if (name.length > 253) return `the host name is ${name.length} characters long; a DNS name has at most 253`;
  for (const part of name.split('.')) {
    if (!label.test(part)) {
      return part === '' ? 'the host name has an empty label (two dots, or a dot at an end)' : `the host name label '${part.slice(0, 63)}' is not letters, digits, hyphens and underscores (at most 63, no hyphen at either end)`;
    }
    if (!rules.punycode && /^xn--/i.test(part)) return `the host name label '${part}' is punycode; http.sys takes internationalized names in Unicode form`;
  }
  return null;
}
