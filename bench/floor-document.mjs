// The "equally large JSON document" of the floor: binding-shaped records until the document is
// as many bytes as the snapshot's inputs. Seeded, so the same size gives the same document.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from './generate-config.mjs';

/** Bytes the product reads from a snapshot (every file but the generator's manifest). */
export function snapshotBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) total += snapshotBytes(file);
    else if (entry.name !== 'manifest.json') total += statSync(file).size;
  }
  return total;
}

/** Writes (once) a JSON array of `bytes` bytes to `file`. */
export function ensureFloorDocument(file, bytes) {
  if (existsSync(file) && statSync(file).size === bytes) return file;
  const next = random(bytes);
  const records = [];
  let size = 2;
  for (let index = 0; ; index++) {
    const id = index + 1;
    const record = JSON.stringify({
      site: `site${String(id).padStart(5, '0')}.example.com`,
      siteId: id,
      protocol: 'https',
      bindingInformation: `*:443:www.site${id}.example.com`,
      sslFlags: next() < 0.5 ? 1 : 0,
      certificateHash: Math.floor(next() * 2 ** 52).toString(16).padStart(40, '0'),
      certificateStoreName: next() < 0.75 ? 'MY' : 'WebHosting',
    });
    if (size + record.length + 1 > bytes) break;
    records.push(record);
    size += record.length + 1;
  }
  const body = `[${records.join(',')}]`;
  // Pad with white space (still one JSON document) to the exact size.
  writeFileSync(file, body + ' '.repeat(Math.max(0, bytes - Buffer.byteLength(body))));
  return file;
}
