import { escapeAttribute, type TextEdit } from './edit-bindings.js';
import type { ElementSpan } from './site-elements.js';

export interface BindingAttributes {
  bindingInformation: string;
  /** Written when given: replaces the attribute's value, or is added after bindingInformation when absent. */
  sslFlags?: number;
}

const attributePattern = (name: string) => new RegExp(`(\\s${name}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`);

/**
 * Changes a `<binding>`'s attributes where it stands: only the values inside its start tag
 * are replaced (same quotes, spacing and attribute order, other attributes untouched), so the
 * file differs in exactly those characters.
 */
export function editBindingAttributesEdit(text: string, element: ElementSpan, attributes: BindingAttributes): TextEdit | null {
  const tag = text.slice(element.start, element.startTagEnd);
  let edited = replaceValue(tag, 'bindingInformation', attributes.bindingInformation);
  if (edited === null) return null;
  if (attributes.sslFlags !== undefined) {
    const value = String(attributes.sslFlags >>> 0);
    const replaced = replaceValue(edited, 'sslFlags', value);
    if (replaced !== null) edited = replaced;
    else {
      const match = attributePattern('bindingInformation').exec(edited)!;
      const at = match.index + match[0].length;
      edited = `${edited.slice(0, at)} sslFlags="${value}"${edited.slice(at)}`;
    }
  }
  return { start: element.start, end: element.startTagEnd, text: edited };
}

/** The tag with the attribute's value replaced in its own quotes; null when the tag has no such attribute. */
function replaceValue(tag: string, name: string, value: string): string | null {
  const match = attributePattern(name).exec(tag);
  if (!match) return null;
  const quote = match[2] !== undefined ? '"' : "'";
  const escaped = quote === '"' ? escapeAttribute(value) : escapeAttribute(value).replace(/'/g, '&apos;');
  return `${tag.slice(0, match.index)}${match[1]}${quote}${escaped}${quote}${tag.slice(match.index + match[0].length)}`;
}
