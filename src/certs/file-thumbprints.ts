import { createHash } from 'node:crypto';
import { isPem, pemBlocks } from './certificate-file.js';
import { readTlv } from './der-reader.js';

/**
 * The SHA-1 thumbprints of a certificate file's certificates, from its bytes alone: a hash of
 * each DER, no X.509 parsing. Enough to tell whether some mapping names a certificate before
 * paying for parsing it (about a quarter of a millisecond each in OpenSSL) and for its key.
 * null when the bytes do not look like DER certificates: the caller parses the file, which
 * reports what is wrong with it, as it would have without this shortcut.
 */
export function fileThumbprints(content: Buffer): string[] | null {
  const ders = isPem(content)
    ? pemBlocks(content.toString('utf8'))
        .filter((block) => block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE')
        .map((block) => Buffer.from(block.text.replace(/-----[^-]*-----/g, ''), 'base64'))
    : [content];
  if (ders.length === 0 || !ders.every(looksLikeDer)) return null;
  return ders.map((der) => createHash('sha1').update(der).digest('hex').toUpperCase());
}

/** A DER SEQUENCE whose length, short or long form, covers exactly the bytes there are. */
function looksLikeDer(der: Buffer): boolean {
  try {
    const sequence = readTlv(der, 0);
    return sequence.tag === 0x30 && sequence.end === der.length;
  } catch {
    // readTlv's RangeError: too short, or a length form it does not read.
    return false;
  }
}
