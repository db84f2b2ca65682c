import { showCharacter } from './hidden-characters.js';

/**
 * Free-text values that netsh receives inside one `name=value` argument: certificate store
 * names (`certstorename=WebHosting`), CTL identifiers and CTL store names (`sslctlstorename=
 * AdfsTrustedDevices`). netsh documents no grammar for them. Inferred, our choice: letters and
 * digits of any script, `_ . - { }` only, so a value can never hold whitespace, `=`, quotes or a
 * shell metacharacter, and one argument can never smuggle a second parameter
 * (`sslctlidentifier=a=b certhash=...`). Every store and CTL name in the captures fits (MY, My,
 * WebHosting, AdfsTrustedDevices); Windows store names with spaces (Remote Desktop) are refused.
 */
export const storeNameMaxLength = 128;
export const ctlIdentifierMaxLength = 256;

export const netshTokenPattern = '^[^\\s=\'"`&|;<>^%!$()\\[\\]*?\\\\/,+#@~:\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff]+$';

const allowed = /^[\p{L}\p{M}\p{N}_.{}-]$/u;

/** Why the value cannot be one netsh token, or null when it can. */
export function netshTokenProblem(value: string, maxLength: number): string | null {
  if (value.length === 0) return 'it is empty';
  if (value.length > maxLength) return `it is ${value.length} characters long; at most ${maxLength}`;
  for (const character of value) {
    if (!allowed.test(character)) return `it holds ${showCharacter(character)}; it may hold letters, digits and _ . - { } only`;
  }
  return null;
}
