import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir` that holds private key material, with what was found: a PEM private key
 * block (PKCS#8, PKCS#1, SEC1, encrypted or not), a whole file that parses as a DER private key
 * (PKCS#8, PKCS#1, SEC1), a PKCS#12/PFX structure with a key bag or encrypted content, or the bytes of one of `knownKeys` (DER or PEM
 * body) anywhere inside. Written without the product's code, so it can judge the export.
 */
export function keyMaterialIn(dir: string, knownKeys: Buffer[] = []): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const content = readFileSync(file);
    const relative = path.relative(dir, file);
    const pem = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----/.exec(content.toString('latin1'));
    if (pem) found.push(`${relative}: PEM ${pem[1]}`);
    const der = derKeyType(content);
    if (der) found.push(`${relative}: DER ${der} key`);
    if (isPkcs12(content)) {
      // A PFX may carry certificates alone (a snapshot's ccs/): only a key bag, or content
      // encrypted or enveloped (which could hide one), counts as key material.
      for (const [what, oid] of Pkcs12KeyCarriers) if (content.includes(oid)) found.push(`${relative}: PKCS#12 ${what}`);
    }
    for (const key of knownKeys) {
      if (content.includes(key) || content.includes(Buffer.from(key.toString('base64').slice(128, 192)))) found.push(`${relative}: bytes of a known key`);
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function derKeyType(content: Buffer): string | undefined {
  if (content[0] !== 0x30) return undefined;
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: content, format: 'der', type });
      return type;
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

/** DER OBJECT IDENTIFIER encodings (tag, length, arcs) of RFC 7292's key bags and PKCS#7's encrypted and enveloped data. */
const Pkcs12KeyCarriers: [string, Buffer][] = [
  ['keyBag', Buffer.from('060b2a864886f70d010c0a0101', 'hex')],
  ['pkcs8ShroudedKeyBag', Buffer.from('060b2a864886f70d010c0a0102', 'hex')],
  ['encryptedData', Buffer.from('06092a864886f70d010706', 'hex')],
  ['envelopedData', Buffer.from('06092a864886f70d010703', 'hex')],
];

/**
 * PFX (RFC 7292): SEQUENCE { INTEGER 3, ContentInfo SEQUENCE { OID 1.2.840.113549.1.7.x ... } }.
 * Checked on the first bytes after the outer SEQUENCE's length.
 */
function isPkcs12(content: Buffer): boolean {
  if (content[0] !== 0x30 || content.length < 8) return false;
  const lengthBytes = content[1]! & 0x80 ? 1 + (content[1]! & 0x7f) : 1;
  const body = content.subarray(1 + lengthBytes);
  if (!(body[0] === 0x02 && body[1] === 0x01 && body[2] === 0x03 && body[3] === 0x30)) return false;
  const pkcs7 = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07]);
  return body.subarray(0, 24).includes(pkcs7);
}

/** DER (PKCS#8) of every private key file of a folder tree: what must never reach an export. */
export function keysOf(dir: string): Buffer[] {
  return filesUnder(dir).flatMap((file) => {
    const text = readFileSync(file, 'latin1');
    return [...text.matchAll(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g)].flatMap((block) => {
      try {
        return [createPrivateKey(block[0]).export({ format: 'der', type: 'pkcs8' }), Buffer.from(block[0].split('\n').slice(1, -1).join(''), 'base64')];
      } catch {
        return [Buffer.from(block[0].split('\n').slice(1, -1).join(''), 'base64')];
      }
    });
  });
}
