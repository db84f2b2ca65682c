// Reads a generated 10,000-site, 20,000-binding applicationHost.config with the product's
// reader and, in the same run, with a plain full-document fast-xml-parser parse (the
// baseline), and prints both times, their ratio, and memory. Not a test: times follow the
// machine's load (printed), the ratio much less.
//   node bench/iis.bench.mjs [sites=10000] [runs=9]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateApplicationHostConfig } from './generate-config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sites = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 9);
const work = mkdtempSync(path.join(tmpdir(), 'httpapi-iis-bench-'));

try {
  const bundle = await bundleReader();
  const { readApplicationHostConfig, XMLParser } = await import(pathToFileURL(bundle).href);
  const { xml, httpsBindings } = generateApplicationHostConfig({ sites, seed: 1 });
  const file = path.join(work, 'applicationHost.config');
  writeFileSync(file, xml);
  const { readFile } = await import('node:fs/promises');
  const modes = {
    // What "a plain fast-xml-parser parse" means here: the file read, decoded, and parsed whole with attributes.
    baseline: async () => new XMLParser({ ignoreAttributes: false }).parse(await readFile(file, 'utf8')),
    reader: () => readApplicationHostConfig({ path: file, origin: 'explicit' }),
  };

  // Check before timing: a fast wrong answer is no answer.
  const config = await modes.reader();
  const bindings = config.sites.flatMap((site) => site.bindings);
  const https = bindings.filter((binding) => binding.protocol === 'https');
  if (config.sites.length !== sites || bindings.length !== 2 * sites || https.length !== httpsBindings.length) {
    throw new Error(`read ${config.sites.length} sites, ${bindings.length} bindings, ${https.length} https; expected ${sites}, ${2 * sites}, ${httpsBindings.length}`);
  }

  const times = { baseline: [], reader: [] };
  const load = loadavg()[0];
  for (let run = 0; run < runs + 2; run++) {
    // Alternate so that both meet the same machine load; the first two rounds warm the JIT.
    for (const [name, read] of Object.entries(modes)) {
      globalThis.gc?.();
      const cpu = process.cpuUsage();
      const start = performance.now();
      await read();
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      if (run >= 2) times[name].push({ wall, cpu: (used.user + used.system) / 1000 });
    }
  }

  const stats = (name, key) => {
    const values = times[name].map((time) => time[key]).sort((a, b) => a - b);
    return { median: values[Math.floor(values.length / 2)], min: values[0] };
  };
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const line = (label, name) => {
    const wall = stats(name, 'wall');
    const cpu = stats(name, 'cpu');
    return `${label} wall median ${wall.median.toFixed(0)} ms (min ${wall.min.toFixed(0)}), CPU median ${cpu.median.toFixed(0)} ms`;
  };
  console.log(`applicationHost.config: ${sites} sites, ${bindings.length} bindings (${https.length} https), ${mb(Buffer.byteLength(xml))}; ${runs} runs each, load average ${load.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`);
  console.log(line('baseline (fast-xml-parser, whole file):', 'baseline'));
  console.log(line('readApplicationHostConfig:              ', 'reader'));
  console.log(`ratio reader / baseline: wall ${(stats('reader', 'wall').median / stats('baseline', 'wall').median).toFixed(2)} (best runs ${(stats('reader', 'wall').min / stats('baseline', 'wall').min).toFixed(2)}), CPU ${(stats('reader', 'cpu').median / stats('baseline', 'cpu').median).toFixed(2)}`);
  for (const name of Object.keys(modes)) {
    const memory = measureMemory(bundle, file, name);
    console.log(`memory, ${name.padEnd(8)} (a fresh process reading once): peak RSS ${mb(memory.maxRss)}, result kept ${mb(memory.retained)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bundles the TypeScript reader (and the parser, for the baseline) as the product's build would. */
async function bundleReader() {
  const entry = path.join(work, 'entry.ts');
  writeFileSync(entry, `export { readApplicationHostConfig } from ${JSON.stringify(path.join(root, 'src/iis/read-application-host-config.ts'))};\nexport { XMLParser } from 'fast-xml-parser';\n`);
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

/** One read in a process of its own, so that peak memory belongs to it alone. */
function measureMemory(bundle, file, mode) {
  const script = `
    const { readApplicationHostConfig, XMLParser } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const { readFile } = await import('node:fs/promises');
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = ${mode === 'reader' ? `await readApplicationHostConfig({ path: ${JSON.stringify(file)}, origin: 'explicit' })` : `new XMLParser({ ignoreAttributes: false }).parse(await readFile(${JSON.stringify(file)}, 'utf8'))`};
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    console.log(JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024, retained, kept: kept !== undefined }));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }));
}
