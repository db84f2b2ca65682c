import { firstHiddenCharacter, showCharacter } from './hidden-characters.js';
import { hostNameProblem } from './host-name.js';
import { sidProblem } from './sid-string.js';

/**
 * A Windows account as `netsh http add urlacl user=` takes it: `DOMAIN\name` (`NT AUTHORITY\NETWORK
 * SERVICE`, `IIS AppPool\DefaultAppPool`, and `\Everyone` as netsh prints it), a bare name
 * (`Everyone`), a user principal name (`svc-web@contoso.com`) or a SID string (`S-1-5-20`).
 *
 * Microsoft Learn, USER_INFO_0 (lmaccess.h) remarks: "User account names are limited to 20
 * characters and group names are limited to 256 characters. In addition, account names cannot
 * be terminated by a period and they cannot include commas or any of the following printable
 * characters: ", /, \, [, ], :, |, <, >, +, =, ;, ?, *. Names also cannot include characters in
 * the range 1-31, which are nonprintable." The unattend LocalAccount Name reference adds `%` and
 * `@` ("Do not use any of the following characters: "/[]:|<>+=;,?*%@"). A reservation may name a
 * group, so names take up to 256 characters.
 *
 * Ours, inferred (Windows itself allows them): `&`, `^`, `'`, the backtick, `$(` and `${`, which
 * cmd.exe or PowerShell read as syntax when a person pastes a plan's command line, and invisible
 * or bidi characters. An account whose name holds one can still be given by SID in an SDDL.
 * SIDs as `user=` are not documented by netsh (its help says "user or user-group name"): accepted,
 * inferred; an SDDL names any account by SID for certain.
 */
export const accountNameMaxLength = 256 + 1 + 255;

const microsoftForbidden = /["/\\[\]:|<>+=;?*,%@]/;
const oursForbidden = /[&^'`]|\$[({]/;

function partProblem(part: string, what: string, maxLength: number): string | null {
  if (part.length > maxLength) return `the ${what} is ${part.length} characters long; at most ${maxLength}`;
  if (part !== part.trim()) return `the ${what} starts or ends with whitespace`;
  const forbidden = microsoftForbidden.exec(part) ?? oursForbidden.exec(part);
  if (forbidden) return `the ${what} holds ${showCharacter(forbidden[0][0]!)}${forbidden[0].length > 1 ? ` (in '${forbidden[0]}')` : ''}, which Windows account names cannot hold`;
  return null;
}

/** Why the text is not an account name netsh can receive, or null when it is one. */
export function accountNameProblem(name: string): string | null {
  if (name.length === 0) return 'the account name is empty';
  if (name.length > accountNameMaxLength) return `it is ${name.length} characters long; an account name has at most ${accountNameMaxLength}`;
  const hidden = firstHiddenCharacter(name);
  if (hidden !== undefined) return `it holds the control or invisible character ${showCharacter(hidden)}`;
  if (/^S-\d/i.test(name)) return sidProblem(name);
  const backslash = name.indexOf('\\');
  const at = name.indexOf('@');
  if (backslash >= 0) {
    if (name.indexOf('\\', backslash + 1) >= 0) return 'it has more than one backslash (DOMAIN\\name)';
    const domain = name.slice(0, backslash);
    const account = name.slice(backslash + 1);
    if (account === '') return 'nothing follows the backslash (DOMAIN\\name)';
    return (domain === '' ? null : partProblem(domain, 'domain', 255)) ?? accountPartProblem(account);
  }
  if (at >= 0) {
    if (name.indexOf('@', at + 1) >= 0) return 'it has more than one @ (user@domain)';
    const domain = name.slice(at + 1);
    const domainIssue = hostNameProblem(domain, { wildcard: false, punycode: true });
    return accountPartProblem(name.slice(0, at)) ?? (domainIssue ? `the domain of the user principal name: ${domainIssue}` : null);
  }
  return accountPartProblem(name);
}

function accountPartProblem(account: string): string | null {
  if (account === '') return 'the account name is empty';
  if (account.endsWith('.')) return 'the account name ends with a period';
  return partProblem(account, 'account name', 256);
}
