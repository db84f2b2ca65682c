// In-process timing of each part of `httpapi bindings` on one snapshot, with the floor
// measured in the same process on the same bytes: reading them, and JSON.parse of an equally
// large document. The join alone is timed on state read once, so its figure is the join's.
// The worker keeps what it parsed while files stay unchanged (src/source/file-identity-cache.ts):
// to time parsing, not the cache, the files' times are touched before each cold run.
// Prints one JSON object. Run: node --expose-gc bench/phases.mjs BUNDLE SNAPSHOT FLOOR_JSON AS_OF RUNS
import { readFileSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundle, dir, floorDocument, asOf, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);
const product = await import(pathToFileURL(bundle).href);
const source = product.resolveSource({ snapshot: dir });
const now = new Date(asOf);

/** Median and minimum over `times` timed calls after one untimed call; `before` runs untimed before each. */
async function time(fn, before = () => {}, times = runs) {
  before();
  await fn();
  const samples = [];
  for (let run = 0; run < times; run++) {
    before();
    globalThis.gc?.();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0] };
}

/** New times on every file: a changed file identity, so the worker's cache reads it again. */
const touchAll = (folder) => {
  const now = new Date();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) touchAll(file);
    else utimesSync(file, now, now);
  }
};

const readAll = (folder) => {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) bytes += readAll(file);
    else if (entry.name !== 'manifest.json') bytes += readFileSync(file).length;
  }
  return bytes;
};

const config = await product.readApplicationHostConfig(source.config());
const { mappings } = await product.readSslMappings(source.httpSys());
const certificates = await product.readCertificates(source.certificates());
const { reservations } = await product.readUrlReservations(source.httpSys());
const joinInput = { sites: config.sites, mappings, certificates, reservations, configKind: config.configKind, now };
const httpsBindings = product.joinHttpsBindings(joinInput).bindings.length;
const dispatch = product.createDispatcher(product.implementations, { snapshot: dir });
const params = { asOf };
const result = await dispatch('bindings/https', params);

const figures = {
  httpsBindings,
  floorRead: await time(() => readAll(dir)),
  floorParse: await time(() => JSON.parse(readFileSync(floorDocument, 'utf8'))),
  readConfig: await time(() => product.readApplicationHostConfig(source.config())),
  readMappings: await time(() => product.readSslMappings(source.httpSys())),
  readReservations: await time(() => product.readUrlReservations(source.httpSys())),
  readCertificates: await time(() => product.readCertificates(source.certificates()), () => touchAll(path.join(dir, 'certs'))),
  // The join is cheap and its linearity is the point: more runs, so that the minimum is a clean figure.
  join: await time(() => product.joinHttpsBindings(joinInput), undefined, Math.max(runs, 11)),
  handler: await time(() => dispatch('bindings/https', params), () => touchAll(dir)),
  handlerUnchangedFiles: await time(() => dispatch('bindings/https', params)),
  stringify: await time(() => JSON.stringify(result, null, 2)),
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
