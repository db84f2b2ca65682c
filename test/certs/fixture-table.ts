import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const certsDir = fileURLToPath(new URL('../../fixtures/certs/', import.meta.url));
export const demoDir = fileURLToPath(new URL('../../fixtures/demo-server/', import.meta.url));
export const expressDir = fileURLToPath(new URL('../../fixtures/iisexpress-demo/', import.meta.url));

export interface FixtureRow {
  file: string;
  key: string;
  /** `openssl x509 -fingerprint -sha1` of the file, as the generation script recorded it. */
  thumbprint: string;
  notBefore: string;
  notAfter: string;
}

/** The table of fixtures/certs/README.md, which openssl (not our code) filled in. */
export function fixtureRows(): Map<string, FixtureRow> {
  const text = readFileSync(`${certsDir}README.md`, 'utf8');
  const rows = text
    .split('\n')
    .filter((line) => /^\| [\w-]+\.(pem|cer|crt) \|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, file, key, , thumbprint, notBefore, notAfter]) => ({ file: file!, key: key!, thumbprint: thumbprint!, notBefore: notBefore!, notAfter: notAfter! }));
  return new Map(rows.map((row) => [row.file, row]));
}

/** SHA-1 over the DER the way a reader of RFC 5280 would get it: base64 of the PEM body, or the file itself. */
export function derOf(content: Buffer): Buffer {
  const text = content.toString('latin1');
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(text);
  return body ? Buffer.from(body[1]!.replace(/\s/g, ''), 'base64') : content;
}
