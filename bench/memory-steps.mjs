// What each step of `bindings/https` keeps alive, in process, on one snapshot: the heap after a
// full garbage collection once the step's result is held, so a peak-memory figure that misses
// its target can say what fills it (BENCHMARKS.md, peak memory). Uses the bench's bundle of
// the product's functions (bench/bundle.mjs).
// Run: node --expose-gc bench/memory-steps.mjs SNAPSHOT [AS_OF]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleProduct } from './bundle.mjs';

const [dir, asOf = '2026-06-01T00:00:00.000Z'] = process.argv.slice(2);
if (!dir || typeof globalThis.gc !== 'function') {
  process.stderr.write('usage: node --expose-gc bench/memory-steps.mjs SNAPSHOT [AS_OF]\n');
  process.exit(1);
}
const product = await import(pathToFileURL(await bundleProduct()).href);
const source = product.resolveSource({ snapshot: path.resolve(dir) });
const MB = 1024 * 1024;

let previous;
const rows = [];
/**
 * The heap after two full collections (external strings are freed by the second), in a later task:
 * a result just awaited stays reachable from the current one.
 */
async function step(name) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, external, rss } = process.memoryUsage();
  rows.push({ name, heapMb: heapUsed / MB, addedMb: previous === undefined ? 0 : (heapUsed - previous) / MB, externalMb: external / MB, rssMb: rss / MB });
  previous = heapUsed;
}

await step('start (the bundle loaded)');
let config = await product.readApplicationHostConfig(source.config());
await step('configuration read (the model of <sites>)');
let { mappings } = await product.readSslMappings(source.httpSys());
await step('sslcert capture read (the mappings)');
let certificates = await product.readCertificates(source.certificates());
await step('certificates read');
let { reservations } = await product.readUrlReservations(source.httpSys());
await step('urlacl capture read');
let joined = product.joinHttpsBindings({ sites: config.sites, mappings, certificates, reservations, configKind: config.configKind, now: new Date(asOf) });
const httpsBindings = joined.bindings.length;
await step('join (bindings, mappings, findings)');
config = mappings = certificates = reservations = joined = undefined;
await step('all of it dropped');
const dispatch = product.createDispatcher(product.implementations, { snapshot: path.resolve(dir) });
const answer = await dispatch('bindings/https', { asOf });
await step('bindings/https answered by the handler (inputs, join and answer, kept for a repeated question)');
const compact = Buffer.byteLength(JSON.stringify(answer));

process.stdout.write(`| step | heap after (MB) | added (MB) | external (MB) | RSS (MB) |\n| --- | --- | --- | --- | --- |\n`);
for (const row of rows) {
  process.stdout.write(`| ${row.name} | ${row.heapMb.toFixed(0)} | ${row.addedMb.toFixed(0)} | ${row.externalMb.toFixed(0)} | ${row.rssMb.toFixed(0)} |\n`);
}
process.stdout.write(`\n${httpsBindings} https bindings; the answer is ${(compact / MB).toFixed(1)} MB as compact JSON.\n`);
