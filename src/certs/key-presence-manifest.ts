import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import { storeName } from './store-name.js';

/**
 * `certs/keys.json` of a snapshot: for each certificate, whether its store had the private key
 * when the snapshot was taken. A snapshot never carries keys, so without this record a reader
 * could only guess; with it, "no key" is a fact the source stated, and a certificate it does not
 * list (or lists as null) is unknown.
 */
export const KeyManifestName = 'keys.json';
const Format = 'httpapi-key-presence/1';

export interface KeyPresence {
  store: string;
  thumbprint: string;
  hasPrivateKey: boolean | null;
}

export interface KeyManifest {
  format: typeof Format;
  about: string;
  certificates: KeyPresence[];
}

export function keyManifest(certificates: readonly KeyPresence[]): KeyManifest {
  return {
    format: Format,
    about: 'Whether the store of each certificate held its private key when this snapshot was taken (null: the source could not tell). The keys themselves are never exported.',
    certificates: certificates.map(({ store, thumbprint, hasPrivateKey }) => ({ store, thumbprint, hasPrivateKey })),
  };
}

/** What a certs/ folder's manifest says, by store and thumbprint; undefined when it has none. */
export type KeyLookup = (store: string, thumbprint: string) => boolean | null | undefined;

export function readKeyManifest(certsDir: string): KeyLookup | undefined {
  const file = path.join(certsDir, KeyManifestName);
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(file, `not JSON (${(error as Error).message})`);
  }
  const manifest = parsed as Partial<KeyManifest> | null;
  if (manifest?.format !== Format || !Array.isArray(manifest.certificates)) throw invalid(file, `"format" must be "${Format}" and "certificates" a list`);
  const known = new Map<string, boolean | null>();
  manifest.certificates.forEach((entry: Partial<KeyPresence> | null, index) => {
    if (typeof entry?.store !== 'string' || typeof entry.thumbprint !== 'string' || !/^[0-9A-Fa-f]{40}$/.test(entry.thumbprint) || !(typeof entry.hasPrivateKey === 'boolean' || entry.hasPrivateKey === null)) {
      throw invalid(file, `certificates[${index}] needs "store", a 40-hex "thumbprint" and "hasPrivateKey" true, false or null`);
    }
    known.set(key(entry.store, entry.thumbprint), entry.hasPrivateKey);
  });
  return (store, thumbprint) => known.get(key(store, thumbprint));
}

const key = (store: string, thumbprint: string) => `${storeName(store).toUpperCase()}\0${thumbprint.toUpperCase()}`;

function invalid(file: string, why: string): HttpApiError {
  return new HttpApiError('KEY_MANIFEST_INVALID', `${file}: ${why}.`, { file });
}
