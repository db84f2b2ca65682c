// Baseline (b), the floor of `httpapi bindings --json`: a Node process that reads every byte
// the product reads from a snapshot (configuration, captures, certificate and key files) and
// JSON.parses one JSON document of the same size, then exits. Prints what it did (JSON).
// Run: node bench/floor.mjs SNAPSHOT_DIR FLOOR_JSON
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [dir, document] = process.argv.slice(2);
const started = performance.now();
let bytes = 0;
const readAll = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) readAll(file);
    else if (entry.name !== 'manifest.json') bytes += readFileSync(file).length;
  }
};
readAll(dir);
const read = performance.now();
const parsed = JSON.parse(readFileSync(document, 'utf8'));
const done = performance.now();
process.stdout.write(`${JSON.stringify({ bytes, records: parsed.length, readMs: read - started, parseMs: done - read })}\n`);
