import type { ConfigSection } from './iis-config.js';

/**
 * An element as fast-xml-parser returns it with `preserveOrder: true`: one key, the tag name,
 * holding the children in document order, and `:@` holding the attributes (unprefixed: they
 * cannot clash with children there).
 * Text and CDATA come as `#text` nodes, which the sites section never needs.
 */
export type OrderedNode = Record<string, unknown>;

const ATTRIBUTES = ':@';

/** The element's name; undefined for text, CDATA and comment nodes. */
export function tagName(node: OrderedNode): string | undefined {
  for (const key in node) if (key !== ATTRIBUTES) return key.charCodeAt(0) === 35 /* # */ ? undefined : key;
  return undefined;
}

/** Every child node in document order (text nodes included: callers look at tagName). */
export function children(node: OrderedNode): OrderedNode[] {
  const key = tagName(node);
  const list = key === undefined ? undefined : node[key];
  return Array.isArray(list) ? (list as OrderedNode[]) : [];
}

/** The element's attributes: the parser's own object, values decoded in place (no copy per element). */
export function attributes(node: OrderedNode): Record<string, string> {
  const raw = node[ATTRIBUTES] as Record<string, string> | undefined;
  if (raw === undefined) return {};
  for (const key in raw) {
    const value = raw[key]!;
    if (NEEDS_DECODING.test(value)) raw[key] = decodeAttribute(value);
  }
  return raw;
}

/** An element with everything below it, flattened to paths. */
export function section(node: OrderedNode): ConfigSection {
  const elements: ConfigSection['elements'] = [];
  const walk = (parent: OrderedNode, prefix: string) => {
    for (const child of children(parent)) {
      const name = tagName(child);
      if (name === undefined) continue;
      elements.push({ path: prefix + name, attributes: attributes(child) });
      walk(child, `${prefix}${name}/`);
    }
  };
  walk(node, '');
  return { attributes: attributes(node), elements };
}

const NEEDS_DECODING = /[&\t\n\r]/;
const REFERENCE = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The attribute value an XML processor reports: literal white space normalized to spaces,
 * then references replaced. The parser is told not to touch entities (processEntities off),
 * which is much faster, so the few values that hold one are decoded here.
 */
export function decodeAttribute(raw: string): string {
  if (!NEEDS_DECODING.test(raw)) return raw;
  return raw.replace(/[\t\n\r]/g, ' ').replace(REFERENCE, (match, ref: string) => {
    if (!ref.startsWith('#')) return NAMED[ref]!;
    const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    // Out of Unicode's range: not a character, so the reference stays as written.
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}
