import { X509Certificate } from 'node:crypto';
import { children, objectIdentifier, octetString, readTlv, sameBytes, smallInteger, type Tlv } from './der-reader.js';
import { pkcs12Decrypt, Pkcs12Unreadable, type Pkcs12Password } from './pkcs12-decrypt.js';

/** OIDs of RFC 7292 and PKCS#7 that a PFX is built of. */
export const Pkcs12Oids = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  friendlyName: '1.2.840.113549.1.9.20',
} as const;

export interface Pkcs12Certificate {
  der: Buffer;
  /** The localKeyId attribute that pairs it with its key bag, if any. */
  localKeyId: Buffer | null;
}

export interface Pkcs12Contents {
  /** Every certificate bag, in file order. */
  certificates: Pkcs12Certificate[];
  /** The leaf: the certificate paired with a key bag, else the one that issued no other; null without certificates. */
  leaf: Pkcs12Certificate | null;
  /** Whether the file holds the leaf's private key: true paired by localKeyId, false no key bag at all, null a key bag that names no certificate. */
  leafHasKey: boolean | null;
  /** Which password opened the encrypted parts (null: the absent one); undefined when nothing was encrypted. */
  password?: Pkcs12Password;
}

/** A file that is not a PKCS#12 PFX, or whose certificates cannot be read; `message` says why. */
export class Pkcs12Error extends Error {}

/**
 * The certificate bags of a PFX (RFC 7292) without a PKCS#12 library (Node has none): plain
 * SafeContents, and encryptedData under PBES2 or PKCS#12 PBE. Key bags are never decrypted:
 * only their localKeyId attribute, which is in the clear, is read to find the leaf. The
 * passwords are tried in order; the first that opens every encrypted part is used. The MAC is
 * not checked: a wrong password shows as content that does not decrypt or parse.
 */
export function readPkcs12(content: Uint8Array, passwords: readonly Pkcs12Password[]): Pkcs12Contents {
  let contents: ContentInfo[];
  try {
    contents = authenticatedSafe(content);
  } catch (error) {
    throw new Pkcs12Error(error instanceof Pkcs12Error ? error.message : `not a PKCS#12 file (${(error as Error).message})`);
  }
  const plain = contents.filter((info) => info.kind === 'data');
  const encrypted = contents.filter((info) => info.kind === 'encrypted');
  const bags = guarded(() => plain.flatMap((info) => safeBags(info.der, info.body)));
  let used: Pkcs12Password | undefined;
  if (encrypted.length > 0) {
    const reasons: string[] = [];
    for (const password of passwords) {
      try {
        bags.push(...encrypted.flatMap((info) => decryptedBags(info, password)));
        used = password;
        break;
      } catch (error) {
        if (!(error instanceof Pkcs12Unreadable)) throw error;
        reasons.push(error.message);
        // An algorithm this Node cannot run fails the same way for every password.
        if (!/password/.test(error.message)) break;
      }
    }
    if (used === undefined) throw new Pkcs12Error(reasons.find((reason) => !/password/.test(reason)) ?? `no password tried decrypts its certificates (${passwords.length} tried)`);
  }
  const certificates = bags.filter((bag): bag is Bag & { certificate: Buffer } => bag.certificate !== null).map((bag) => ({ der: bag.certificate, localKeyId: bag.localKeyId }));
  const keyIds = bags.filter((bag) => bag.isKey && bag.localKeyId).map((bag) => bag.localKeyId!);
  const leaf = guarded(() => leafOf(certificates, keyIds));
  const keyBags = bags.filter((bag) => bag.isKey).length;
  const leafHasKey = keyBags === 0 ? false : leaf?.localKeyId && keyIds.some((id) => sameBytes(id, leaf.localKeyId!)) ? true : null;
  return { certificates, leaf, leafHasKey, ...(used !== undefined ? { password: used } : {}) };
}

/** Structure errors inside the file, said as what they are. */
function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw new Pkcs12Error(`malformed PKCS#12 content (${(error as Error).message})`);
  }
}

interface ContentInfo {
  kind: 'data' | 'encrypted';
  der: Uint8Array;
  body: Buffer | Tlv;
}

interface Bag {
  certificate: Buffer | null;
  isKey: boolean;
  localKeyId: Buffer | null;
}

/** PFX ::= SEQUENCE { version 3, authSafe ContentInfo (data), macData OPTIONAL } -> its ContentInfos. */
function authenticatedSafe(content: Uint8Array): ContentInfo[] {
  if (content.length > 0 && content[0] !== 0x30) throw new Pkcs12Error('not a PKCS#12 file (it does not start with a DER SEQUENCE)');
  const pfx = readTlv(content, 0);
  if (pfx.end !== content.length) throw new Pkcs12Error(`not a PKCS#12 file (${content.length - pfx.end} byte(s) after its end)`);
  const [version, authSafe] = children(content, pfx);
  if (!version || !authSafe || smallInteger(content, version) !== 3) throw new Pkcs12Error('not a PKCS#12 file (no version 3 PFX)');
  const [type, explicit] = children(content, authSafe);
  const typeOid = objectIdentifier(content, type!);
  if (typeOid !== Pkcs12Oids.data || !explicit) throw new Pkcs12Error(`unsupported PKCS#12 integrity mode (authSafe of type ${typeOid}: public-key integrity is not read)`);
  const safe = octetString(content, readTlv(content, explicit.start));
  const list = readTlv(safe, 0);
  return children(safe, list).map((info) => {
    const [infoType, infoContent] = children(safe, info);
    const oid = objectIdentifier(safe, infoType!);
    if (oid === Pkcs12Oids.data) return { kind: 'data', der: safe, body: octetString(safe, readTlv(safe, infoContent!.start)) };
    if (oid === Pkcs12Oids.encryptedData) return { kind: 'encrypted', der: safe, body: readTlv(safe, infoContent!.start) };
    throw new Pkcs12Error(`unsupported PKCS#12 content (type ${oid}: public-key privacy is not read)`);
  });
}

/** EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { type, algorithm, [0] IMPLICIT ciphertext } }. */
function decryptedBags(info: ContentInfo, password: Pkcs12Password): Bag[] {
  const der = info.der;
  const [, encryptedContentInfo] = children(der, info.body as Tlv);
  const [, algorithm, ciphertext] = children(der, encryptedContentInfo!);
  if (!ciphertext) throw new Pkcs12Unreadable('encrypted content without ciphertext');
  const plain = pkcs12Decrypt(der, algorithm!, octetString(der, ciphertext, { primitive: 0x80, constructed: 0xa0 }), password);
  try {
    return safeBags(plain, plain);
  } catch {
    // Padding that happened to check out under a wrong password leaves bytes that do not parse.
    throw new Pkcs12Unreadable('the password does not decrypt it');
  }
}

/** SafeContents ::= SEQUENCE OF SafeBag { bagId, [0] EXPLICIT bagValue, bagAttributes SET OPTIONAL }. */
function safeBags(der: Uint8Array, body: Buffer | Tlv): Bag[] {
  const bytes = Buffer.isBuffer(body) ? body : der;
  const list = readTlv(bytes, 0);
  if (list.tag !== 0x30 || list.end !== bytes.length) throw new Pkcs12Error('SafeContents is not one DER SEQUENCE');
  return children(bytes, list).flatMap((bag): Bag[] => {
    const [id, value, attributes] = children(bytes, bag);
    const oid = objectIdentifier(bytes, id!);
    const localKeyId = attributes ? attributeValue(bytes, attributes, Pkcs12Oids.localKeyId) : null;
    const inner = readTlv(bytes, value!.start);
    if (oid === Pkcs12Oids.safeContentsBag) return safeBags(bytes, Buffer.from(bytes.subarray(value!.start, inner.end)));
    if (oid === Pkcs12Oids.keyBag || oid === Pkcs12Oids.shroudedKeyBag) return [{ certificate: null, isKey: true, localKeyId }];
    if (oid !== Pkcs12Oids.certBag) return [];
    const [certType, certValue] = children(bytes, inner);
    // Only X.509 certificates (an SDSI certificate has no place in IIS).
    if (objectIdentifier(bytes, certType!) !== Pkcs12Oids.x509Certificate) return [];
    return [{ certificate: octetString(bytes, readTlv(bytes, certValue!.start)), isKey: false, localKeyId }];
  });
}

/** The first value of the attribute `oid` in a SET OF Attribute { type, SET OF value }, as octets. */
function attributeValue(der: Uint8Array, set: Tlv, oid: string): Buffer | null {
  for (const attribute of children(der, set)) {
    const [type, values] = children(der, attribute);
    if (objectIdentifier(der, type!) !== oid || !values) continue;
    const first = children(der, values)[0];
    return first ? octetString(der, first) : null;
  }
  return null;
}

/**
 * The certificate a PFX is for: the one its key bag names by localKeyId; without such a pair,
 * the one that issued no other certificate of the file (the chain's end entity).
 */
function leafOf(certificates: readonly Pkcs12Certificate[], keyIds: readonly Buffer[]): Pkcs12Certificate | null {
  const paired = certificates.find((certificate) => certificate.localKeyId && keyIds.some((id) => sameBytes(id, certificate.localKeyId!)));
  if (paired) return paired;
  const parsed = certificates.map((certificate) => ({ certificate, x509: new X509Certificate(certificate.der) }));
  const issuesAnother = (candidate: (typeof parsed)[number]) => parsed.some((other) => other !== candidate && other.x509.fingerprint256 !== candidate.x509.fingerprint256 && other.x509.checkIssued(candidate.x509));
  return (parsed.find((candidate) => !issuesAnother(candidate)) ?? parsed[0])?.certificate ?? null;
}
