import { childNamed, type ElementSpan } from './site-elements.js';

/** Replace text[start, end) by `text`: the one change a binding edit makes to the file. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface NewBinding {
  protocol: string;
  bindingInformation: string;
  sslFlags?: number;
}

/**
 * Adds a `<binding>` as the last child of the site's `<bindings>` on a line of its own,
 * indented like its siblings and ended like the lines around it. A site without `<bindings>`
 * gets one; a self-closing `<bindings />` or `<site ... />` is opened.
 */
export function insertBindingEdit(text: string, site: ElementSpan, binding: NewBinding): TextEdit {
  const bindings = childNamed(site, 'bindings');
  const unit = indentUnit(text, site);
  if (bindings) return appendChild(text, bindings, () => bindingElement(binding, styleOf(text, bindings)), unit);
  return appendChild(text, site, (indent, eol) => [`<bindings>`, `${indent}${unit}${bindingElement(binding, ' />')}`, `${indent}</bindings>`].join(eol), unit);
}

/** Takes the element out with its line when it stands alone on it, so no blank line is left. */
export function removeElementEdit(text: string, element: ElementSpan): TextEdit {
  const lineStart = text.lastIndexOf('\n', element.start - 1) + 1;
  const lineEnd = lineEndAt(text, element.end);
  const before = text.slice(lineStart, element.start);
  const after = text.slice(element.end, lineEnd);
  if (isBlank(before) && isBlank(after)) return { start: lineStart, end: lineEnd + eolAt(text, lineEnd).length, text: '' };
  return { start: element.start, end: element.end, text: '' };
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** `<binding protocol="https" bindingInformation="*:443:www.contoso.com" sslFlags="1" />`, IIS's attribute order. */
export function bindingElement(binding: NewBinding, close = ' />'): string {
  const attributes = [`protocol="${escapeAttribute(binding.protocol)}"`, `bindingInformation="${escapeAttribute(binding.bindingInformation)}"`];
  if (binding.sslFlags !== undefined) attributes.push(`sslFlags="${binding.sslFlags >>> 0}"`);
  return `<binding ${attributes.join(' ')}${close}`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * The child goes after the parent's last child (on the next line, when that child ends its
 * line), or inside an empty parent before its end tag, or into a self-closing parent that is
 * opened for it. `render` gets the child's indentation and the line ending to use.
 */
function appendChild(text: string, parent: ElementSpan, render: (indent: string, eol: string) => string, unit: string): TextEdit {
  const parentIndent = indentOf(text, parent.start) ?? '';
  const last = parent.children[parent.children.length - 1];
  if (last) {
    const indent = indentOf(text, last.start) ?? parentIndent + unit;
    const lineEnd = lineEndAt(text, last.end);
    const eol = eolNear(text, last.end);
    const rest = text.slice(last.end, lineEnd);
    // Only white space or a comment after the last child: the new one takes the next line.
    if (isBlank(rest) || /^\s*<!--.*-->\s*$/.test(rest)) return { start: lineEnd, end: lineEnd, text: `${eol}${indent}${render(indent, eol)}` };
    return { start: last.end, end: last.end, text: render(indent, eol) };
  }
  const indent = parentIndent + unit;
  const eol = eolNear(text, parent.start);
  if (parent.closeStart === null) {
    const tag = text.slice(parent.start, parent.end);
    const slash = parent.start + tag.search(/\s*\/>$/);
    return { start: slash, end: parent.end, text: `>${eol}${indent}${render(indent, eol)}${eol}${parentIndent}</${parent.name}>` };
  }
  const closeLineStart = text.lastIndexOf('\n', parent.closeStart - 1) + 1;
  if (closeLineStart > parent.startTagEnd && isBlank(text.slice(closeLineStart, parent.closeStart))) {
    return { start: closeLineStart, end: closeLineStart, text: `${indent}${render(indent, eol)}${eol}` };
  }
  return { start: parent.closeStart, end: parent.closeStart, text: `${eol}${indent}${render(indent, eol)}${eol}${parentIndent}` };
}

/** ` />` or `/>`, as the site's existing bindings are closed. */
function styleOf(text: string, bindings: ElementSpan): string {
  const sibling = bindings.children.find((child) => child.closeStart === null);
  if (!sibling) return ' />';
  return /\s\/>$/.test(text.slice(sibling.start, sibling.end)) ? ' />' : '/>';
}

/** One level of indentation: what a site's children add to the site, else what a site adds to `<sites>`. */
function indentUnit(text: string, site: ElementSpan): string {
  const siteIndent = indentOf(text, site.start);
  const child = site.children[0];
  const childIndent = child ? indentOf(text, child.start) : null;
  if (siteIndent !== null && childIndent !== null && childIndent.length > siteIndent.length && childIndent.startsWith(siteIndent)) return childIndent.slice(siteIndent.length);
  return siteIndent?.startsWith('\t') ? '\t' : '  ';
}

/** The white space before an element when nothing else precedes it on its line; otherwise null. */
function indentOf(text: string, offset: number): string | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** Offset of the line break ending the line that holds `offset` (before its `\r`), or the text's end. */
function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return text.charCodeAt(newline - 1) === 13 && newline - 1 >= offset ? newline - 1 : newline;
}

function eolAt(text: string, lineEnd: number): string {
  if (text.startsWith('\r\n', lineEnd)) return '\r\n';
  return text.charAt(lineEnd) === '\n' ? '\n' : '';
}

/** The line ending used where the edit happens: the next one after `offset`, else the previous, else LF. */
function eolNear(text: string, offset: number): string {
  let newline = text.indexOf('\n', offset);
  if (newline === -1) newline = text.lastIndexOf('\n', offset);
  if (newline === -1) return '\n';
  return text.charCodeAt(newline - 1) === 13 ? '\r\n' : '\n';
}

function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}
