import { decodeAttribute } from './xml-node.js';

/** Where an element sits in the text, as character offsets. */
export interface ElementSpan {
  name: string;
  /** Decoded values, as the reader reports them. */
  attributes: Record<string, string>;
  /** The `<` of the start tag. */
  start: number;
  /** Just after the start tag's `>`. */
  startTagEnd: number;
  /** The `<` of the end tag; null for a self-closing element. */
  closeStart: number | null;
  /** Just after the element (its end tag, or the self-closing start tag). */
  end: number;
  children: ElementSpan[];
}

// Loose on names, strict on quoting: the reader has checked the document is well-formed.
const START_TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The `<sites>` element (from its `<` to just after its end, as the document scan reports it)
 * with its children down to `site/bindings/binding`,
 * skipping comments, CDATA and processing instructions as the reader does, so the n-th site
 * here is the reader's n-th site. Deeper elements are walked but not kept.
 */
export function locateSites(text: string, sites: { start: number; end: number }): ElementSpan {
  const stack: (ElementSpan | null)[] = [];
  let root: ElementSpan | undefined;
  let pos = sites.start;
  while (pos < sites.end) {
    const lt = text.indexOf('<', pos);
    if (lt === -1 || lt >= sites.end) break;
    if (text.startsWith('<!--', lt)) pos = text.indexOf('-->', lt + 4) + 3;
    else if (text.startsWith('<![CDATA[', lt)) pos = text.indexOf(']]>', lt + 9) + 3;
    else if (text.startsWith('<?', lt)) pos = text.indexOf('?>', lt + 2) + 2;
    else if (text.startsWith('</', lt)) {
      pos = text.indexOf('>', lt) + 1;
      const element = stack.pop();
      if (element) {
        element.closeStart = lt;
        element.end = pos;
      }
    } else {
      START_TAG.lastIndex = lt;
      const match = START_TAG.exec(text);
      if (!match) throw new Error(`unexpected markup at offset ${lt} inside <sites>`);
      pos = START_TAG.lastIndex;
      const keep = stack.length <= 3 && (stack.length === 0 || stack[stack.length - 1] !== null);
      const element: ElementSpan | null = keep ? { name: match[1]!, attributes: parseAttributes(match[2]!), start: lt, startTagEnd: pos, closeStart: null, end: pos, children: [] } : null;
      if (element) {
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else root ??= element;
      }
      if (match[3] !== '/') stack.push(element);
    }
  }
  if (!root) throw new Error('no <sites> element at the offset given');
  return root;
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) attributes[match[1]!] = decodeAttribute(match[2] ?? match[3] ?? '');
  return attributes;
}

/** The `<site>` elements of `<sites>`, in document order (the reader's order). */
export function siteElements(sites: ElementSpan): ElementSpan[] {
  return sites.children.filter((child) => child.name === 'site');
}

export function childNamed(element: ElementSpan, name: string): ElementSpan | undefined {
  return element.children.find((child) => child.name === name);
}
