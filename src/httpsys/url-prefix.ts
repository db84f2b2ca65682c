import { isIPv6 } from 'node:net';
import { firstHiddenCharacter, hiddenCharacterClass, showCharacter } from './hidden-characters.js';
import { hostNameProblem } from './host-name.js';

/**
 * A UrlPrefix of the HTTP Server API, the `url=` of `netsh http add|delete urlacl`. Microsoft
 * Learn, "UrlPrefix Strings" (https://learn.microsoft.com/windows/win32/http/urlprefix-strings):
 * "scheme://host:port/relativeURI"; the scheme "must be either http or https, all in lowercase";
 * the host "must be a fully qualified domain name, an IPv4 or IPv6 literal string, or a wildcard"
 * (`+` strong, `*` weak), IPv6 "enclosed in square brackets"; the port "a decimal numeric string
 * that does not start with zero and that represents a valid TCP port number (1 to 65,535)"; the
 * relativeURI "must always be followed by a slash character".
 *
 * The page says nothing about which characters a relativeURI may hold. Inferred, our choice:
 * path segments of letters and digits of any script, marks, `- . _ ~ + , : @` and
 * percent-escapes, but no `.` or `..` segment, no empty segment, and no escape of a dot, slash,
 * backslash, percent sign or control character (`%2e%2e` is `..` once decoded). That keeps
 * out traversal, shell and netsh metacharacters (`& | ; = " ' < > ^ $`) and whitespace,
 * which real reservations (`/Temporary_Listen_Addresses/`, `/wsman/`) never need.
 */
export const urlPrefixMaxLength = 1024;

/** The shape for documents (JSON Schema pattern): the rules below check the details. */
export const urlPrefixPattern = `^https?://(?:\\+|\\*|\\[[0-9A-Fa-f:.]+\\]|[^\\s/:?#%\\[\\]${hiddenCharacterClass}]+):[1-9][0-9]{0,4}/(?:[^\\s/?#&|;="'<>^$\\\\${hiddenCharacterClass}]+/)*$`;

const pathCharacter = /^[\p{L}\p{M}\p{N}\-._~+,:@]$/u;
const escape = /^%[0-9A-Fa-f]{2}$/;
/** Escapes that decode to a dot, slash, backslash, percent sign or control character. */
const forbiddenEscape = /^%(?:2e|2f|5c|25|[01][0-9a-f]|7f)$/i;

function portProblem(text: string): string | null {
  if (!/^\d+$/.test(text)) return `the port '${text.slice(0, 10)}' is not a decimal number`;
  if (text.startsWith('0')) return `the port '${text.slice(0, 10)}' starts with zero`;
  if (text.length > 5 || Number(text) > 65535) return `the port ${text.slice(0, 10)} is outside 1-65535`;
  return null;
}

function hostProblem(host: string): string | null {
  if (host === '+' || host === '*') return null;
  if (host.startsWith('[')) {
    if (!host.endsWith(']') || host.includes('%') || !isIPv6(host.slice(1, -1))) return `the host '${host.slice(0, 60)}' is not a bracketed IPv6 address such as [::1] (no zone index)`;
    return null;
  }
  if (/^[\d.]+$/.test(host)) {
    const octets = host.split('.');
    const valid = octets.length === 4 && octets.every((octet) => /^(?:0|[1-9]\d{0,2})$/.test(octet) && Number(octet) <= 255);
    return valid ? null : `the host '${host.slice(0, 60)}' is not an IPv4 address (four numbers 0-255 without leading zeros)`;
  }
  return hostNameProblem(host, { wildcard: false, punycode: false });
}

function segmentProblem(segment: string): string | null {
  if (segment === '') return 'the path has an empty segment (//)';
  if (segment === '.' || segment === '..') return `the path has a '${segment}' segment`;
  for (let at = 0; at < segment.length; ) {
    if (segment[at] === '%') {
      const triplet = segment.slice(at, at + 3);
      if (!escape.test(triplet)) return `the path has a '%' that does not start an escape such as %41`;
      if (forbiddenEscape.test(triplet)) return `the path has the escape ${triplet}, which decodes to a dot, slash, backslash, percent sign or control character`;
      at += 3;
      continue;
    }
    const character = String.fromCodePoint(segment.codePointAt(at)!);
    if (!pathCharacter.test(character)) return `the path has the character ${showCharacter(character)}; a path segment holds letters, digits, - . _ ~ + , : @ and %-escapes`;
    at += character.length;
  }
  return null;
}

/** Why the text is not a UrlPrefix http.sys accepts, or null when it is one. */
export function urlPrefixProblem(url: string): string | null {
  if (url.length > urlPrefixMaxLength) return `it is ${url.length} characters long; a URL prefix has at most ${urlPrefixMaxLength}`;
  const hidden = firstHiddenCharacter(url);
  if (hidden !== undefined) return `it holds the control or invisible character ${showCharacter(hidden)}`;
  const space = /\s/u.exec(url);
  if (space) return `it holds whitespace (${showCharacter(space[0])})`;
  const scheme = /^(https?):\/\//.exec(url);
  if (!scheme) return /^https?:\/\//i.test(url) ? 'the scheme must be http or https in lower case' : 'it is not a URL prefix such as http://+:80/path/ (scheme http or https, host, port, path ending in /)';
  const rest = url.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  if (slash < 0) return 'it must end with a slash after the port (http://+:80/)';
  const authority = rest.slice(0, slash);
  const colon = authority.startsWith('[') ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
  if (colon < 0) return 'it has no port: http.sys needs an explicit one (http://+:80/)';
  const problem = hostProblem(authority.slice(0, colon)) ?? portProblem(authority.slice(colon + 1));
  if (problem) return problem;
  const path = rest.slice(slash + 1);
  if (path !== '' && !path.endsWith('/')) return 'it must end with a slash';
  for (const segment of path.split('/').slice(0, -1)) {
    const segmentIssue = segmentProblem(segment);
    if (segmentIssue) return segmentIssue;
  }
  return null;
}
