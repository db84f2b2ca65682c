import { ConfigFault, lineAt } from './config-error.js';
import { describeForeignRoot, XDT_NAMESPACE } from './foreign-root.js';

/** Where the parts the reader needs sit in the text, as character offsets. */
export interface DocumentScan {
  rootLine: number;
  /**
   * `configuration/system.applicationHost/sites`: from its `<` to just after its end; the
   * elements directly in it (site, siteDefaults, ...) as start/end pairs, and the comments
   * anywhere inside it as start/end pairs.
   */
  sites?: { start: number; end: number; children: number[]; comments: number[] };
  /** The `<` of every `sites/site` and of every `site/bindings/binding`, in document order. */
  siteOffsets: number[];
  bindingOffsets: number[];
  /** `configuration/system.webServer/globalModules`, where the module images tell the kind of server. */
  globalModules?: { start: number; end: number };
  hasApplicationHost: boolean;
}

// Names are taken loosely (anything up to a delimiter); structure is what this scan checks.
const START_TAG = /<([^\s/>=<"'!?&]+)(?:\s+[^\s/>=<"'&]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?>/y;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const XML_SPACE = /^[ \t\r\n]*$/;

/**
 * One pass over the whole document that checks what makes XML well-formed where it matters
 * for finding and trusting the sites (every tag closed and nested, quoted attributes without
 * '<', comments, CDATA, processing instructions and the declaration in place, entity
 * references known, one root element, no text outside it) and records where the sites are.
 * It allocates little and never builds a tree, which is what makes it several times cheaper
 * than a parse: the full parse is then spent on the `<sites>` section alone.
 * Not checked here (a validating parser would): characters forbidden in XML, duplicate
 * attributes, namespace prefixes, and names made of characters XML does not allow.
 */
export function scanDocument(text: string): DocumentScan {
  const scan: DocumentScan = { rootLine: 0, siteOffsets: [], bindingOffsets: [], hasApplicationHost: false };
  const names: string[] = [];
  const opens: number[] = [];
  let rootSeen = false;
  let inSites = false;
  let sitesStart = 0;
  let sitesComments: number[] = [];
  let sitesChildren: number[] = [];
  let modulesStart = -1;
  let nextAmp = text.indexOf('&');
  let pos = 0;
  const fault = (offset: number, detail: string) => new ConfigFault(lineAt(text, offset), `is not well-formed XML at line ${lineAt(text, offset)}: ${detail}`);
  const checkEntities = (from: number, to: number) => {
    if (nextAmp !== -1 && nextAmp < from) nextAmp = text.indexOf('&', from);
    while (nextAmp !== -1 && nextAmp < to) {
      ENTITY.lastIndex = nextAmp;
      if (!ENTITY.test(text)) throw fault(nextAmp, `'&' must start a reference such as &amp; (found '${text.slice(nextAmp, nextAmp + 12).split(/\s/)[0]}')`);
      nextAmp = text.indexOf('&', nextAmp + 1);
    }
  };

  for (;;) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? text.length : lt;
    if (textEnd > pos) {
      if (names.length > 0) checkEntities(pos, textEnd);
      else if (!XML_SPACE.test(text.slice(pos, textEnd))) {
        const at = pos + text.slice(pos, textEnd).search(/[^ \t\r\n]/);
        throw fault(at, `text '${text.slice(at, at + 20).split(/\r?\n/)[0]}' outside the root element`);
      }
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('!--', lt + 1)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) throw fault(lt, "a comment is opened and never closed with '-->'");
        const dashes = text.indexOf('--', lt + 4);
        if (dashes < end) throw fault(dashes, "'--' inside a comment");
        pos = end + 3;
        if (inSites) sitesComments.push(lt, pos);
      } else if (text.startsWith('![CDATA[', lt + 1)) {
        if (names.length === 0) throw fault(lt, 'CDATA section outside the root element');
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) throw fault(lt, "a CDATA section is opened and never closed with ']]>'");
        pos = end + 3;
      } else if (text.startsWith('!DOCTYPE', lt + 1) && !rootSeen) {
        pos = doctypeEnd(text, lt, fault);
      } else {
        throw fault(lt, `unexpected '${text.slice(lt, lt + 10).split(/\s/)[0]}'`);
      }
    } else if (next === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) throw fault(lt, "a processing instruction is opened and never closed with '?>'");
      if (/^xml(?:[ \t\r\n]|$)/i.test(text.slice(lt + 2, lt + 6)) && lt !== 0) throw fault(lt, 'the XML declaration <?xml ...?> is not at the very start of the file');
      pos = end + 2;
    } else if (next === 47 /* / */) {
      const top = names[names.length - 1];
      let at = lt + 2 + (top?.length ?? 0);
      if (top === undefined || !text.startsWith(top, lt + 2)) at = -1;
      else while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9 || text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13) at++;
      if (at === -1 || text.charCodeAt(at) !== 62 /* > */) {
        const closing = /^<\/([^\s>]*)/.exec(text.slice(lt, lt + 200))?.[1] ?? '';
        if (top === undefined) throw fault(lt, `closing tag </${closing}> has no matching start tag`);
        throw fault(lt, `closing tag </${closing}> does not match <${top}> opened at line ${lineAt(text, opens[opens.length - 1]!)}`);
      }
      pos = at + 1;
      names.pop();
      opens.pop();
      if (inSites && names.length === 3) sitesChildren.push(pos);
      else if (inSites && names.length === 2) {
        scan.sites = { start: sitesStart, end: pos, children: sitesChildren, comments: sitesComments };
        inSites = false;
      } else if (modulesStart !== -1 && names.length === 2) {
        scan.globalModules = { start: modulesStart, end: pos };
        modulesStart = -1;
      }
    } else {
      START_TAG.lastIndex = lt;
      const match = START_TAG.exec(text);
      if (!match) throw fault(lt, `malformed tag '${text.slice(lt, lt + 60).split(/\r?\n/)[0]}'`);
      const name = match[1]!;
      pos = START_TAG.lastIndex;
      const selfClosing = text.charCodeAt(pos - 2) === 47; /* / */
      checkEntities(lt, pos);
      const depth = names.length;
      if (depth === 0) {
        if (rootSeen) throw fault(lt, `a second root element <${name}> after </configuration> (a file has one root element)`);
        rootSeen = true;
        scan.rootLine = lineAt(text, lt);
        const xdt = text.slice(lt, pos).includes(XDT_NAMESPACE);
        if (name !== 'configuration' || xdt) throw new ConfigFault(scan.rootLine, describeForeignRoot(name, scan.rootLine, xdt));
      } else if (depth === 1) {
        if (name === 'system.applicationHost') scan.hasApplicationHost = true;
      } else if (depth === 2) {
        if (name === 'sites' && names[1] === 'system.applicationHost') {
          if (scan.sites || inSites) throw new ConfigFault(lineAt(text, lt), `has a second <sites> section at line ${lineAt(text, lt)}, which IIS refuses (a section is defined once)`);
          sitesStart = lt;
          sitesComments = [];
          sitesChildren = [];
          inSites = !selfClosing;
          if (!inSites) scan.sites = { start: lt, end: pos, children: [], comments: [] };
        } else if (name === 'globalModules' && names[1] === 'system.webServer' && !selfClosing) {
          modulesStart = lt;
        }
      } else if (inSites) {
        if (depth === 3) {
          sitesChildren.push(lt);
          if (selfClosing) sitesChildren.push(pos);
          if (name === 'site') scan.siteOffsets.push(lt);
        } else if (depth === 5 && name === 'binding' && names[4] === 'bindings' && names[3] === 'site') scan.bindingOffsets.push(lt);
      }
      if (!selfClosing) {
        names.push(name);
        opens.push(lt);
      }
    }
  }
  if (!rootSeen) throw new ConfigFault(lineAt(text, text.length), 'holds no XML element (only white space, comments or a declaration)');
  if (names.length > 0) {
    const open = names.map((name, index) => `<${name}> (line ${lineAt(text, opens[index]!)})`).reverse().slice(0, 3);
    throw fault(text.length, `the file ends while ${open.join(' inside ')} ${open.length > 1 ? 'are' : 'is'} still open: it is truncated or a closing tag is missing`);
  }
  return scan;
}

function doctypeEnd(text: string, lt: number, fault: (offset: number, detail: string) => ConfigFault): number {
  const close = text.indexOf('>', lt);
  const bracket = text.indexOf('[', lt);
  // An internal subset ([...]) may hold '>' of its own declarations.
  const end = bracket !== -1 && bracket < close ? text.indexOf('>', text.indexOf(']', bracket)) : close;
  if (end === -1) throw fault(lt, "a <!DOCTYPE declaration is never closed with '>'");
  return end + 1;
}
