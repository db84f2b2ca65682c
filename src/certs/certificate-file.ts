import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { HttpApiError } from '../errors.js';
import { rsaPartsOfCertificate, rsaPartsOfPrivateKeyPem, sameRsaParts, type RsaPublicParts } from './rsa-public-parts.js';

export interface FileCertificate {
  certificate: X509Certificate;
  /** null: no key in the file nor beside it, so the file alone cannot tell (see directory-store.ts). */
  hasPrivateKey: boolean | null;
}

/** File name endings read as certificates (PEM or DER, told apart by content). */
export const CertificateExtensions = ['.pem', '.crt', '.cer', '.der'] as const;
/** PKCS#12 needs a parser Node lacks; such files are refused with a way out, not skipped. */
export const Pkcs12Extensions = ['.pfx', '.p12'] as const;

/**
 * The certificates of one file: a DER certificate, or a PEM holding one or more
 * CERTIFICATE blocks (a bundle) and maybe private keys. A certificate has its private key
 * when a key in the file itself or in `keyFile` (NAME.key beside it) matches its public key;
 * with no key in either, whether its store has one is not the file's to say.
 * An encrypted key cannot be checked without its passphrase: it counts for the file's first
 * certificate, the one such a pair is made for.
 */
export function readCertificateFile(file: string, content: Buffer, keyFile?: { file: string; content: Buffer }): FileCertificate[] {
  const pem = isPem(content);
  const certificates = pem
    ? pemBlocks(content.toString('utf8'))
        .filter((block) => block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE')
        .map((block) => parseCertificate(file, block.text))
    : [parseCertificate(file, content)];
  const keys = [...(pem ? keysOf(file, content) : []), ...(keyFile ? keysOf(keyFile.file, keyFile.content) : [])];
  return certificates.map((certificate, index) => {
    let rsa: RsaPublicParts | null | undefined;
    const matchesKey = (key: PrivateKey): boolean => {
      if (key === 'encrypted') return index === 0;
      if ('modulus' in key) {
        rsa ??= rsaPartsOfCertificate(certificate.raw);
        return rsa ? sameRsaParts(rsa, key) : matches(certificate, parseKey(key.file, key.pem, 'pem'));
      }
      return matches(certificate, key);
    };
    return { certificate, hasPrivateKey: keys.length === 0 ? null : keys.some(matchesKey) };
  });
}

/** A parsed key; an RSA key read without OpenSSL keeps its PEM in case OpenSSL must compare. */
type PrivateKey = KeyObject | 'encrypted' | (RsaPublicParts & { file: string; pem: string });

export function isPkcs12File(name: string): boolean {
  return Pkcs12Extensions.some((extension) => name.toLowerCase().endsWith(extension));
}

export function pkcs12Refusal(file: string): HttpApiError {
  return new HttpApiError(
    'CERTIFICATE_INVALID',
    `${file}: PFX/PKCS#12 files are not read. Convert it to PEM beside it (openssl pkcs12 -in "${file}" -out NAME.pem -nodes) and remove the PFX.`,
    { file },
  );
}

export interface PemBlock {
  label: string;
  text: string;
}

export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)].map((match) => ({ label: match[1]!, text: match[0] }));
}

export function isPem(content: Buffer): boolean {
  return /^(\xEF\xBB\xBF)?\s*-----BEGIN /.test(content.subarray(0, 64).toString('latin1'));
}

function parseCertificate(file: string, data: Buffer | string): X509Certificate {
  try {
    return new X509Certificate(data);
  } catch (error) {
    throw new HttpApiError('CERTIFICATE_INVALID', `${file}: not a readable X.509 certificate (${(error as Error).message}).`, { file });
  }
}

/**
 * Private keys of a file; 'encrypted' stands for a key that needs a passphrase. Plain RSA
 * keys are read by rsa-public-parts.ts, which is what a store of many keys spends least on.
 */
function keysOf(file: string, content: Buffer): PrivateKey[] {
  if (!isPem(content)) return [parseKey(file, content, 'der')];
  return pemBlocks(content.toString('utf8'))
    .filter((block) => block.label.endsWith('PRIVATE KEY'))
    .map((block) => {
      if (block.label === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type: 4,ENCRYPTED/m.test(block.text)) return 'encrypted';
      const rsa = rsaPartsOfPrivateKeyPem(block.label, block.text);
      return rsa ? { ...rsa, file, pem: block.text } : parseKey(file, block.text, 'pem');
    });
}

function parseKey(file: string, data: Buffer | string, format: 'pem' | 'der'): KeyObject {
  try {
    return format === 'pem' ? createPrivateKey(data) : createPrivateKey({ key: data as Buffer, format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new HttpApiError('CERTIFICATE_INVALID', `${file}: not a readable private key (${(error as Error).message}).`, { file });
  }
}

function matches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    return false;
  }
}
