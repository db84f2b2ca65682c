import iconv from 'iconv-lite';
import type { DecodedConfigText } from './decode-config-text.js';
import type { TextEdit } from './edit-bindings.js';

/**
 * Applies a text edit to the file's bytes: everything before and after the edited range is
 * copied from the original bytes, never re-encoded, so the BOM, the encoding, the line ends and
 * every byte outside the edit stay as they were. Only the new text is encoded, in the file's
 * own encoding.
 */
export function editConfigBytes(bytes: Buffer, decoded: DecodedConfigText, edit: TextEdit): Buffer {
  const bom = decoded.bom ? bomLength(decoded.encoding) : 0;
  const start = bom + encodedLength(decoded.text.slice(0, edit.start), decoded.encoding);
  const end = start + encodedLength(decoded.text.slice(edit.start, edit.end), decoded.encoding);
  return Buffer.concat([bytes.subarray(0, start), encode(edit.text, decoded.encoding), bytes.subarray(end)]);
}

function bomLength(encoding: string): number {
  return encoding === 'utf-8' ? 3 : 2;
}

function encodedLength(text: string, encoding: string): number {
  if (encoding === 'utf-8') return Buffer.byteLength(text, 'utf8');
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return text.length * 2;
  return encode(text, encoding).length;
}

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  return iconv.encode(text, encoding);
}
