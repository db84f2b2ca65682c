/**
 * Characters a person cannot see or that reorder what they see: C0 and C1 controls, DEL, line
 * and paragraph separators, bidi controls (the "Trojan Source" characters, CVE-2021-42574),
 * zero-width characters and the byte order mark. No URL prefix, account name, SDDL or netsh
 * option value needs one, and each can make a value look like another in a plan or a log.
 */
const hidden = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** The same class as a JSON Schema / ECMAScript pattern fragment, for `[^...]` classes in documents. */
export const hiddenCharacterClass = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff';

/** The first hidden character of the text, or undefined. */
export function firstHiddenCharacter(text: string): string | undefined {
  return hidden.exec(text)?.[0];
}

/** A character as a message shows it: `'&'` when printable, `U+202E` otherwise (never the raw control). */
export function showCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (hidden.test(character) || /\s/u.test(character)) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${character}'`;
}
