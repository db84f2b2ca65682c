/**
 * An independent reading of applicationHost.config for the corpus test: regular expressions
 * over the text with comments removed, in the spirit of the corpus's count.py, sharing no code
 * with the product's reader and not using fast-xml-parser. It is only as good as the corpus
 * needs (no '>' inside attribute values, no CDATA), which is why it lives in the tests.
 */
export interface ReferenceBinding {
  protocol: string | undefined;
  bindingInformation: string | undefined;
  sslFlags: string | undefined;
}

export interface ReferenceSite {
  name: string | undefined;
  id: string | undefined;
  bindings: ReferenceBinding[];
}

export function referenceText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

export function referenceSites(bytes: Buffer): ReferenceSite[] {
  const text = referenceText(bytes).replace(/<!--[\s\S]*?-->/g, '');
  const host = /<system\.applicationHost\b[^>]*>([\s\S]*?)<\/system\.applicationHost>/.exec(text)?.[1] ?? '';
  const sites = /<sites\b[^>]*>([\s\S]*?)<\/sites>/.exec(host)?.[1] ?? '';
  const result: ReferenceSite[] = [];
  for (const tag of sites.matchAll(/<(site|binding)\b([^>]*)>/g)) {
    const attributes = referenceAttributes(tag[2]!);
    if (tag[1] === 'site') result.push({ name: attributes.get('name'), id: attributes.get('id'), bindings: [] });
    else result.at(-1)?.bindings.push({ protocol: attributes.get('protocol'), bindingInformation: attributes.get('bindingInformation'), sslFlags: attributes.get('sslFlags') });
  }
  return result;
}

function referenceAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const raw = (match[2] ?? match[3] ?? '').replace(/\r\n|[\r\n\t]/g, ' ');
    attributes.set(
      match[1]!,
      raw.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#[0-9]+);/gi, (_all, ref: string) =>
        ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[ref]!,
      ),
    );
  }
  return attributes;
}
