// Reads a generated 10,000-site, 20,000-binding applicationHost.config with the product's
// reader and, in the same run, with a plain full-document fast-xml-parser parse (the
// baseline), and prints both times, their ratio, and memory. Not a test: numbers vary with
// the machine's load, the ratio much less. Run: node bench/iis.bench.mjs [sites] [runs]
import { build } from 'esbuild';
import { XMLParser } from 'fast-xml-parser';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateApplicationHostConfig } from './generate-config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sites = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 9);
const work = mkdtempSync(path.join(tmpdir(), 'httpapi-iis-bench-'));

try {
  const { readApplicationHostConfig } = await loadReader();
  const { xml, httpsBindings } = generateApplicationHostConfig({ sites, seed: 1 });
  const file = path.join(work, 'applicationHost.config');
  writeFileSync(file, xml);
  const location = { path: file, origin: 'explicit' };

  const baseline = () => new XMLParser({ ignoreAttributes: false }).parse(readFileSync(file, 'utf8'));
  const reader = () => readApplicationHostConfig(location);

  // Check before timing: a fast wrong answer is no answer.
  const config = await reader();
  const bindings = config.sites.flatMap((site) => site.bindings);
  const https = bindings.filter((binding) => binding.protocol === 'https');
  if (config.sites.length !== sites || bindings.length !== 2 * sites || https.length !== httpsBindings.length) {
    throw new Error(`read ${config.sites.length} sites, ${bindings.length} bindings, ${https.length} https; expected ${sites}, ${2 * sites}, ${httpsBindings.length}`);
  }

  const times = { baseline: [], reader: [] };
  for (let run = 0; run < runs + 2; run++) {
    // Alternate so that both meet the same machine load; the first two rounds warm the JIT.
    for (const [name, fn] of [['baseline', baseline], ['reader', reader]]) {
      globalThis.gc?.();
      const start = performance.now();
      await fn();
      if (run >= 2) times[name].push(performance.now() - start);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const retained = await retainedHeap(reader);

  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`applicationHost.config: ${sites} sites, ${bindings.length} bindings (${https.length} https), ${mb(Buffer.byteLength(xml))}`);
  console.log(`baseline, full-document fast-xml-parser parse: median ${median(times.baseline).toFixed(0)} ms (min ${Math.min(...times.baseline).toFixed(0)}) over ${runs} runs`);
  console.log(`readApplicationHostConfig:                     median ${median(times.reader).toFixed(0)} ms (min ${Math.min(...times.reader).toFixed(0)}) over ${runs} runs`);
  console.log(`ratio reader / baseline: ${(median(times.reader) / median(times.baseline)).toFixed(2)}`);
  console.log(`memory: result retains ${retained === undefined ? 'n/a (run with --expose-gc)' : mb(retained)}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bundles the TypeScript reader on the fly, as the product's build would. */
async function loadReader() {
  const bundle = path.join(work, 'iis-reader.mjs');
  await build({
    entryPoints: [path.join(root, 'src/iis/read-application-host-config.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  return import(pathToFileURL(bundle).href);
}

async function retainedHeap(read) {
  if (!globalThis.gc) return undefined;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const kept = await read();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  return kept.sites.length > 0 ? after - before : 0;
}
