import type { DocumentScan } from './scan-document.js';

/**
 * About this many characters per parse: big enough that a parse's fixed cost does not count.
 * On the 10,000-site benchmark 32 KB to 512 KB measured alike; one parse of the whole section
 * cost about 15% more CPU, its tree being copied by every young-generation collection.
 */
const CHUNK_SIZE = 128 * 1024;

export interface SitesChunk {
  /** Consecutive elements of <sites>, comments cut out, white space between tags removed. */
  text: string;
  /** Where the chunk starts in the file, for an error the parser finds in it. */
  start: number;
}

/**
 * The elements directly inside `<sites>` (site, siteDefaults, ...) in pieces, so that each
 * piece's parse tree dies young: one tree for 10,000 sites lives through many garbage
 * collections and gets copied by each, which cost more than the parse itself. Comments go
 * (a commented-out site is not a site), and so does the white space between tags, which
 * fast-xml-parser would otherwise walk one character at a time.
 */
export function* sitesChunks(text: string, sites: NonNullable<DocumentScan['sites']>): Generator<SitesChunk> {
  const { children, comments } = sites;
  let comment = 0;
  for (let first = 0; first < children.length; ) {
    // Whole elements only: a chunk ends at the end of the element that takes it past the size.
    let last = first;
    while (last + 2 < children.length && children[last + 1]! - children[first]! < CHUNK_SIZE) last += 2;
    const start = children[first]!;
    const end = children[last + 1]!;
    while (comment < comments.length && comments[comment]! < start) comment += 2;
    let chunk: string;
    if (comment >= comments.length || comments[comment]! >= end) chunk = text.slice(start, end);
    else {
      const pieces: string[] = [];
      let from = start;
      for (; comment < comments.length && comments[comment]! < end; comment += 2) {
        pieces.push(text.slice(from, comments[comment]));
        from = comments[comment + 1]!;
      }
      pieces.push(text.slice(from, end));
      chunk = pieces.join('');
    }
    yield { text: squeeze(chunk), start };
    first = last + 2;
  }
}

/** Inside CDATA white space is content, so a piece holding CDATA keeps its white space. */
function squeeze(xml: string): string {
  return xml.includes('<![CDATA[') ? xml : xml.replace(/>[ \t\r\n]+</g, '><');
}
