import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ConfigFault, lineAt } from './config-error.js';

export interface DecodedConfigText {
  /** The document without its byte-order mark. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | string;
  bom: boolean;
}

/**
 * Bytes to text the way an XML parser picks the encoding: a byte-order mark first, then the
 * encoding the XML declaration names, then UTF-8. IIS writes UTF-8 (with or without a BOM);
 * the rest is for hand-made files.
 */
export function decodeConfigText(bytes: Buffer): DecodedConfigText {
  if (bytes.length === 0) throw new ConfigFault(1, 'is empty (0 bytes)');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  // UTF-16 without a BOM still starts with '<' as a 16-bit unit.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', bom: false };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', bom: false };

  const declared = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  const name = declared?.toLowerCase();
  if (name === undefined || name === 'utf-8' || name === 'utf8' || name === 'us-ascii' || name === 'ascii') {
    return { text: utf8(bytes), encoding: 'utf-8', bom: false };
  }
  if (name.startsWith('utf-16')) {
    throw new ConfigFault(1, `declares encoding "${declared}" but its bytes are not UTF-16 (no byte-order mark, and it does not start with a 16-bit '<')`);
  }
  if (!iconv.encodingExists(name)) throw new ConfigFault(1, `declares encoding "${declared}", which this reader does not know`);
  return { text: iconv.decode(bytes, name), encoding: name, bom: false };
}

/**
 * UTF-8 with errors reported, not replaced. Most files are pure ASCII, and an ASCII buffer
 * becomes a string without decoding (latin1 is a plain copy, often not even that): on a 6 MB
 * file that saves tens of milliseconds over a UTF-8 decode.
 */
function utf8(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return text;
  // The first replacement character is where decoding failed (unless the file holds a real one before it).
  const line = lineAt(text, Math.max(0, text.indexOf('\ufffd')));
  throw new ConfigFault(line, `is not valid UTF-8 at line ${line} (was it saved in a legacy code page without declaring it in <?xml ... encoding="..."?>?)`);
}
