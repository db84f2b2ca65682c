// Splits a `node --cpu-prof` profile of dist/httpapi.js into the product's parts, by the
// source file each sample's code came from (read through the bundle's source map), so a
// figure that misses its target can say where its time goes (BENCHMARKS.md).
// A sample in native code (X509Certificate, JSON.parse, a regular expression) counts for the
// nearest caller that has a source file: the work was asked for there.
// Run: node bench/cpu-profile-parts.mjs PROFILE.cpuprofile [dist/httpapi.js.map]
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [profileFile, mapFile = path.join(root, 'dist', 'httpapi.js.map')] = process.argv.slice(2);
if (!profileFile) {
  process.stderr.write('usage: node bench/cpu-profile-parts.mjs PROFILE.cpuprofile [SOURCE_MAP]\n');
  process.exit(1);
}

/** The parts, first match wins, by the original source's path. */
const Parts = [
  ['certificates', /src\/certs\//],
  ['configuration', /src\/iis\/|fast-xml-parser|strnum/],
  ['sslcert and urlacl captures', /src\/httpsys\/|src\/text\//],
  ['join and findings', /src\/join\/|src\/finding-codes/],
  ['the answer (by reference, printed)', /src\/handlers\/|src\/cli\/|src\/protocol\//],
  ['reading files, caches', /src\/source\/|src\/snapshot\//],
  ['JSON-RPC and dispatch', /src\/rpc\/|vscode-jsonrpc/],
  ['zod', /node_modules\/zod\//],
];

const sourceMap = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
const bundleName = path.basename(mapFile, '.map');

/** The original source of a bundle position (0-based line and column), or undefined. */
const sourceAt = (line, column) => sourceMap.findEntry(line, column).originalSource;

const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

/** A node's own part: its source file's, or a name V8 gives code of its own. */
function ownPart(node) {
  const { url, functionName, lineNumber, columnNumber } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle (waiting for I/O)';
  if (functionName === '(program)') return 'V8 and Node (no JavaScript frame)';
  if (url.endsWith(bundleName)) {
    const source = sourceAt(lineNumber, columnNumber) ?? '';
    return Parts.find(([, pattern]) => pattern.test(source))?.[0] ?? 'the rest of the bundle';
  }
  if (url.startsWith('node:')) return 'Node (loaders, streams, fs)';
  return undefined;
}

const productParts = new Set([...Parts.map(([name]) => name), 'the rest of the bundle']);
const partOf = new Map();
/** A sample's part: its code's own, else (native code, Node's) that of the nearest caller in the bundle. */
function part(id) {
  if (partOf.has(id)) return partOf.get(id);
  const own = ownPart(nodes.get(id));
  const parent = parents.get(id);
  let result;
  if (own !== undefined && own !== 'Node (loaders, streams, fs)') result = own;
  else if (parent === undefined) result = own ?? 'other native code';
  else {
    const above = part(parent);
    result = productParts.has(above) ? above : (own ?? 'other native code');
  }
  partOf.set(id, result);
  return result;
}

const totals = new Map();
const deltas = profile.timeDeltas;
for (let index = 0; index < profile.samples.length; index++) {
  const name = part(profile.samples[index]);
  // A sample's time is the delta to the next one.
  const micros = index + 1 < deltas.length ? deltas[index + 1] : 0;
  totals.set(name, (totals.get(name) ?? 0) + micros);
}
const all = [...totals.values()].reduce((sum, value) => sum + value, 0);
const rows = [...totals].sort((a, b) => b[1] - a[1]);
process.stdout.write(`| part | ms | share |\n| --- | --- | --- |\n`);
for (const [name, micros] of rows) process.stdout.write(`| ${name} | ${Math.round(micros / 1000)} | ${Math.round((100 * micros) / all)}% |\n`);
process.stdout.write(`| all samples | ${Math.round(all / 1000)} | |\n`);
