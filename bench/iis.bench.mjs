// Reads a generated 10,000-site, 20,000-binding applicationHost.config with the product's
// reader and, in the same run, with a plain full-document fast-xml-parser parse (the
// baseline), and prints times, their ratio, where the reader's time goes, and memory.
// Every measurement runs in a fresh process, as the CLI does, alternating reader and
// baseline so both meet the same machine load (printed: on a busy machine the times grow,
// the ratio much less). Not a test.
//   node bench/iis.bench.mjs [sites=10000] [rounds=5]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateApplicationHostConfig } from './generate-config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sites = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);
const work = mkdtempSync(path.join(tmpdir(), 'httpapi-iis-bench-'));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const bundle = await bundleReader();
  const { xml, httpsBindings } = generateApplicationHostConfig({ sites, seed: 1 });
  const file = path.join(work, 'applicationHost.config');
  writeFileSync(file, xml);
  const child = path.join(work, 'measure.mjs');
  writeFileSync(child, childScript(pathToFileURL(bundle).href));
  const measure = (mode) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', child, mode, file, String(sites), String(httpsBindings.length)], { encoding: 'utf8' }));

  const load = loadavg()[0];
  const results = { baseline: [], reader: [], noAttributes: [] };
  for (let round = 0; round < rounds; round++) for (const mode of Object.keys(results)) results[mode].push(measure(mode));
  const phases = measure('phases');

  const summary = (mode) => {
    const cold = results[mode].map((run) => run.cold.wall);
    const warm = results[mode].flatMap((run) => run.warm.map((time) => time.wall));
    const cpu = results[mode].flatMap((run) => run.warm.map((time) => time.cpu));
    return { cold: median(cold), warm: median(warm), warmMin: Math.min(...warm), cpu: median(cpu), rss: median(results[mode].map((run) => run.maxRss)), kept: median(results[mode].map((run) => run.retained)) };
  };
  const base = summary('baseline');
  const reader = summary('reader');
  const bare = summary('noAttributes');
  const line = (label, s) => `${label} first read ${s.cold.toFixed(0)} ms, warm median ${s.warm.toFixed(0)} ms (min ${s.warmMin.toFixed(0)}), warm CPU ${s.cpu.toFixed(0)} ms; peak RSS of a process reading once ${mb(s.rss)}, result kept ${mb(s.kept)}`;
  console.log(`applicationHost.config: ${sites} sites, ${2 * sites} bindings (${httpsBindings.length} https), ${mb(Buffer.byteLength(xml))}; ${rounds} processes each, load average ${load.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(line('baseline, fast-xml-parser whole file:', base));
  console.log(line('readApplicationHostConfig:           ', reader));
  console.log(line('(parser defaults, attributes dropped:)', bare));
  console.log(`ratio reader / baseline: first read ${(reader.cold / base.cold).toFixed(2)}, warm ${(reader.warm / base.warm).toFixed(2)} (best ${(reader.warmMin / base.warmMin).toFixed(2)}), CPU ${(reader.cpu / base.cpu).toFixed(2)}`);
  console.log(`reader steps (warm medians): ${Object.entries(phases).map(([step, ms]) => `${step} ${ms.toFixed(0)} ms`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bundles the TypeScript reader and its steps (and the parser, for the baseline) as the product's build would. */
async function bundleReader() {
  const entry = path.join(work, 'entry.ts');
  const from = (name) => JSON.stringify(path.join(root, 'src/iis', `${name}.ts`));
  writeFileSync(
    entry,
    [
      `export { readApplicationHostConfig } from ${from('read-application-host-config')};`,
      `export { decodeConfigText } from ${from('decode-config-text')};`,
      `export { findConflictMarker } from ${from('conflict-markers')};`,
      `export { scanDocument } from ${from('scan-document')};`,
      `export { sitesChunks } from ${from('sites-chunks')};`,
      `export { parseSitesSection } from ${from('parse-sites-section')};`,
      `export { configFindings } from ${from('config-findings')};`,
      `export { linesAt } from ${from('config-error')};`,
      "export { XMLParser } from 'fast-xml-parser';",
    ].join('\n'),
  );
  const outfile = path.join(work, 'iis-reader.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    nodePaths: [path.join(root, 'node_modules')],
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  return outfile;
}

/** What one process measures: the first read, four warm ones, its peak RSS and what the result keeps alive. */
function childScript(bundleUrl) {
  return `
const product = await import(${JSON.stringify(bundleUrl)});
const { readFile } = await import('node:fs/promises');
const { readFileSync } = await import('node:fs');
const [mode, file, sites, https] = process.argv.slice(2);
const reads = {
  baseline: async () => new product.XMLParser({ ignoreAttributes: false }).parse(await readFile(file, 'utf8')),
  reader: () => product.readApplicationHostConfig({ path: file, origin: 'explicit' }),
  noAttributes: async () => new product.XMLParser().parse(await readFile(file, 'utf8')),
};
const timed = async (work) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wall, cpu: (used.user + used.system) / 1000 };
};
if (mode === 'phases') {
  const spent = {};
  const step = (name, work) => { const start = performance.now(); const result = work(); (spent[name] ??= []).push(performance.now() - start); return result; };
  for (let run = 0; run < 6; run++) {
    gc();
    const bytes = step('read file', () => readFileSync(file));
    const { text } = step('decode', () => product.decodeConfigText(bytes));
    step('conflict markers', () => product.findConflictMarker(text));
    const scan = step('scan', () => product.scanDocument(text));
    const parsed = step('parse <sites> and build the model', () => product.parseSitesSection(product.sitesChunks(text, scan.sites), () => 0));
    step('lines', () => [product.linesAt(text, scan.siteOffsets), product.linesAt(text, scan.bindingOffsets)]);
    step('findings', () => product.configFindings(parsed.sites, 'iis'));
  }
  const median = (values) => values.slice(2).sort((a, b) => a - b)[Math.floor((values.length - 2) / 2)];
  console.log(JSON.stringify(Object.fromEntries(Object.entries(spent).map(([name, values]) => [name, median(values)]))));
} else {
  gc();
  const before = process.memoryUsage().heapUsed;
  const cold = await timed(reads[mode]);
  // Peak so far: the runtime plus one read, before the warm reads add their own garbage.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  if (mode === 'reader') {
    // A fast wrong answer is no answer.
    const bindings = cold.result.sites.flatMap((site) => site.bindings);
    const found = [cold.result.sites.length, bindings.length, bindings.filter((binding) => binding.protocol === 'https').length].join();
    if (found !== [sites, 2 * sites, https].join()) throw new Error('read ' + found + ' sites, bindings, https bindings');
  }
  const keep = cold.result;
  const warm = [];
  for (let run = 0; run < 4; run++) {
    gc();
    const { wall, cpu } = await timed(reads[mode]);
    warm.push({ wall, cpu });
  }
  console.log(JSON.stringify({ cold: { wall: cold.wall, cpu: cold.cpu }, warm, retained, maxRss, kept: keep !== undefined }));
}
`;
}
