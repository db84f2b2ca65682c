import { HttpApiError } from '../errors.js';

/**
 * netsh's tokens as Microsoft writes them: `tag=value`, the value in quotation marks when it
 * holds a space or tab (the add urlacl reference and its published usage:
 * `user="NT AUTHORITY\NETWORK SERVICE"`). libuv would instead quote the whole token
 * (`"user=NT AUTHORITY\NETWORK SERVICE"`), a form netsh's documentation never shows; whether
 * netsh reads both alike is unverified, so the documented form is sent (our choice, inferred).
 * A value holding a quotation mark has no documented form and is refused.
 */
export function netshCommandTokens(argv: readonly string[]): string[] {
  return argv.map((argument) => {
    if (argument.includes('"')) {
      throw new HttpApiError('INVALID_ARGUMENT', `netsh has no documented way to pass a quotation mark: ${argument}`, { argument });
    }
    if (!/[ \t]/.test(argument)) return argument;
    const tagged = /^([A-Za-z]+)=(.*)$/s.exec(argument);
    return tagged ? `${tagged[1]}="${tagged[2]}"` : `"${argument}"`;
  });
}
