// The suite's table: one row per figure with its baseline from the same run, their ratio
// (figure / baseline), and the target where the issue sets one.
import { median } from './process-timer.mjs';

const ms = (value) => (value === null || value === undefined ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
const bytes = (count) => (count === null || count === undefined ? 'n/a' : count >= 2 ** 20 ? `${(count / 2 ** 20).toFixed(1)} MB (${count.toLocaleString('en-US')} B)` : `${(count / 1024).toFixed(0)} KB (${count.toLocaleString('en-US')} B)`);
const mb = (kb) => (kb === null || kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const perSecond = (value) => `${Math.round(value).toLocaleString('en-US')}/s`;
const ratio = (figure, baseline) => (figure && baseline ? figure / baseline : null);

/** @returns {{ measurement: string, n: string, figure: string, baseline: string, ratio: number | null, target: string, met: boolean | null, value: number | null }[]} */
export function rowsFor(results) {
  const rows = [];
  const row = (measurement, n, value, figure, baselineText, baselineValue, target = '', met = null) =>
    rows.push({ measurement, n: String(n), value, figure, baseline: baselineText, ratio: ratio(value, baselineValue), target, met });
  const sizes = Object.keys(results.sizes).map(Number);
  const first = results.sizes[sizes[0]];
  // Fastest of the join runs: on a shared machine the minimum is the figure least touched by load.
  const perBinding = (entry) => (entry.phases.join.minMs * 1000) / entry.phases.httpsBindings;

  for (const sites of sizes) {
    const { product, floor, phases, admin, manifest } = results.sizes[sites];
    const wallTarget = sites === 10_000 ? '< 1 s (stretch 0.5 s)' : sites === 50_000 ? '< 4 s' : '';
    const wallMet = sites === 10_000 ? product.wallMs < 1000 : sites === 50_000 ? product.wallMs < 4000 : null;
    if (admin) {
      const adminWarm = Math.min(...admin.runsMs.slice(1));
      row('bindings --json, wall (vs admin script in pwsh)', sites, product.wallMs, ms(product.wallMs), `[xml]+netsh parse, warm session: ${ms(adminWarm)}`, adminWarm, sites === 10_000 ? '>= 10x faster (ratio <= 0.1)' : '', sites === 10_000 ? product.wallMs * 10 <= adminWarm : null);
    }
    const { python } = results.sizes[sites];
    if (python) {
      row('bindings --json, wall (vs plain Python script)', sites, product.wallMs, ms(product.wallMs), `xml.etree + regex + dict join: ${ms(python.wallMs)}`, python.wallMs, sites === 10_000 ? '<= 0.5x' : '', sites === 10_000 ? product.wallMs <= 0.5 * python.wallMs : null);
    }
    row('bindings --json, wall (vs floor)', sites, product.wallMs, ms(product.wallMs), `node: read same bytes + JSON.parse same size: ${ms(floor.wallMs)}`, floor.wallMs, wallTarget, wallMet);
    row('bindings --json, CPU user+sys', sites, product.cpuMs, ms(product.cpuMs), `floor: ${ms(floor.cpuMs)}`, floor.cpuMs);
    row('bindings --json, answer size', sites, product.stdoutBytes, bytes(product.stdoutBytes), `snapshot read: ${bytes(results.sizes[sites].inputBytes)}`, results.sizes[sites].inputBytes);
    if (results.sizes[sites].answerBytes) {
      row('bindings/https answer over JSON-RPC (compact)', sites, results.sizes[sites].answerBytes, bytes(results.sizes[sites].answerBytes), `--json, indented: ${bytes(product.stdoutBytes)}`, product.stdoutBytes);
    }
    const rssTarget = sites === 10_000 ? 200 : sites === 50_000 ? 300 : null;
    row('bindings --json, peak RSS', sites, product.maxRssKb, mb(product.maxRssKb), `floor: ${mb(floor.maxRssKb)}`, floor.maxRssKb, rssTarget ? `< ${rssTarget} MB` : '', rssTarget ? product.maxRssKb < rssTarget * 1024 : null);
    if (sites === 50_000 && results.sizes[10_000]) {
      const ten = results.sizes[10_000].product;
      row('bindings --json, wall at 50,000 against 10,000 sites', sites, product.wallMs, ms(product.wallMs), `at 10000 sites: ${ms(ten.wallMs)}`, ten.wallMs, '< 4x (linear)', product.wallMs < 4 * ten.wallMs);
    }
    row('join alone (in-process, median)', sites, phases.join.medianMs, ms(phases.join.medianMs), `JSON.parse same size: ${ms(phases.floorParse.medianMs)}`, phases.floorParse.medianMs);
    if (sites !== sizes[0]) {
      row('join, time per https binding (fastest run)', sites, perBinding(results.sizes[sites]), `${perBinding(results.sizes[sites]).toFixed(2)} us`, `at ${sizes[0]} sites: ${perBinding(first).toFixed(2)} us`, perBinding(first), 'linear (ratio ~ 1)', perBinding(results.sizes[sites]) < 1.5 * perBinding(first));
    }
    void manifest;
  }
  // End to end, linear means a fixed cost (start, the 1,000 certificates) plus the same cost
  // per added binding: compare the slope between the two largest sizes with the first one.
  if (sizes.length >= 3) {
    const slope = (from, to) => (results.sizes[to].product.wallMs - results.sizes[from].product.wallMs) * 1000 / (results.sizes[to].manifest.httpsBindings - results.sizes[from].manifest.httpsBindings);
    const [a, b, c] = sizes.slice(-3);
    const late = slope(b, c);
    const early = slope(a, b);
    row('bindings --json, wall per added https binding', `${b}->${c}`, late, `${late.toFixed(0)} us`, `${a}->${b}: ${early.toFixed(0)} us`, early, 'linear (ratio ~ 1)', late < 1.5 * early);
  }
  for (const [sites, entry] of Object.entries(results.shared ?? {})) {
    const capped = results.sizes[sites];
    if (!capped) continue;
    row(`bindings --json, 10% share 0.0.0.0:443`, sites, entry.product.wallMs, `${ms(entry.product.wallMs)}, ${(entry.product.stdoutBytes / 2 ** 20).toFixed(0)} MB out`, `50 share it: ${ms(capped.product.wallMs)}, ${(capped.product.stdoutBytes / 2 ** 20).toFixed(0)} MB out`, capped.product.wallMs);
    row(`bindings --json, 10% share 0.0.0.0:443, answer size`, sites, entry.product.stdoutBytes, bytes(entry.product.stdoutBytes), `50 share it: ${bytes(capped.product.stdoutBytes)}`, capped.product.stdoutBytes);
    if (entry.answerBytes && capped.answerBytes) {
      // The target is the answer bindings/https sends (compact JSON), not --json's indented print of it.
      const met = entry.answerBytes < 15e6 && entry.answerBytes <= 1.2 * capped.answerBytes;
      row(`bindings/https answer over JSON-RPC, 10% share 0.0.0.0:443`, sites, entry.answerBytes, bytes(entry.answerBytes), `50 share it: ${bytes(capped.answerBytes)}`, capped.answerBytes, Number(sites) === 10_000 ? '< 15 MB and <= 1.2x' : '', Number(sites) === 10_000 ? met : null);
    }
  }

  const rpc = results.rpc;
  row('JSON-RPC server/info round trip p50', '-', rpc.product.p50Ms, ms(rpc.product.p50Ms), `echo worker: ${ms(rpc.floor.p50Ms)}`, rpc.floor.p50Ms, '< 0.2 ms', rpc.product.p50Ms < 0.2);
  row('JSON-RPC server/info round trip p99', '-', rpc.product.p99Ms, ms(rpc.product.p99Ms), `echo worker: ${ms(rpc.floor.p99Ms)}`, rpc.floor.p99Ms, '< 1 ms', rpc.product.p99Ms < 1);
  row('JSON-RPC pipelined server/info', '-', rpc.product.requestsPerSecond, perSecond(rpc.product.requestsPerSecond), `echo worker: ${perSecond(rpc.floor.requestsPerSecond)}`, rpc.floor.requestsPerSecond, '>= 0.9x echo worker', rpc.product.requestsPerSecond >= 0.9 * rpc.floor.requestsPerSecond);
  row('worker cold start (spawn to first answer)', '-', rpc.product.coldStartMs, ms(rpc.product.coldStartMs), `echo worker: ${ms(rpc.floor.coldStartMs)}`, rpc.floor.coldStartMs, '<= 1.5x echo worker', rpc.product.coldStartMs <= 1.5 * rpc.floor.coldStartMs);
  if (rpc.snapshot) {
    row('  same, from its startup snapshot (the module\'s way)', '-', rpc.snapshot.coldStartMs, ms(rpc.snapshot.coldStartMs), `echo worker: ${ms(rpc.floor.coldStartMs)}`, rpc.floor.coldStartMs, '<= 1.5x echo worker', rpc.snapshot.coldStartMs <= 1.5 * rpc.floor.coldStartMs);
  }

  const ps = results.powershell;
  if (ps) {
    const adminRuns = ps.demo.admin.runsMs;
    const adminWarm = median(adminRuns.slice(1));
    const cmdlet = ps.demo.cmdlet;
    const warm = median(cmdlet.warmMs);
    row(`Get-IisHttpsBinding first call (import + worker${cmdlet.startupSnapshot ? ' from its startup snapshot' : ''})`, 'demo', cmdlet.firstMs, ms(cmdlet.firstMs), `admin script, first run: ${ms(adminRuns[0])}`, adminRuns[0], '<= 1.5x', cmdlet.firstMs <= 1.5 * adminRuns[0]);
    if (ps.demo.bundleStart) {
      row('  same, startup snapshot off', 'demo', ps.demo.bundleStart.firstMs, ms(ps.demo.bundleStart.firstMs), `from the startup snapshot: ${ms(cmdlet.firstMs)}`, cmdlet.firstMs);
    }
    if (ps.demo.sourceTreeCmdlet) {
      row('  same, module from the source tree (a file per function)', 'demo', ps.demo.sourceTreeCmdlet.firstMs, ms(ps.demo.sourceTreeCmdlet.firstMs), `packaged module: ${ms(cmdlet.firstMs)}`, cmdlet.firstMs);
    }
    row('Get-IisHttpsBinding warm call (median)', 'demo', warm, ms(warm), `admin script, warm: ${ms(adminWarm)}`, adminWarm, '< 20 ms', warm < 20);
    row('  of which the worker (bindings/https RPC)', 'demo', rpc.workerCalls.demo.medianMs, ms(rpc.workerCalls.demo.medianMs), `cmdlet warm call: ${ms(warm)}`, warm);
    row(`Get-IisHttpsBinding ${cmdlet.loopCalls}-call loop`, 'demo', cmdlet.loopMs, `${ms(cmdlet.loopMs)} (${ms(cmdlet.loopMs / cmdlet.loopCalls)}/call)`, `admin script x${cmdlet.loopCalls} (warm median): ${ms(adminWarm * cmdlet.loopCalls)}`, adminWarm * cmdlet.loopCalls);
    for (const sites of [1000, 10_000]) {
      const big = ps[sites]?.cmdlet;
      const adminBig = results.sizes[sites]?.admin;
      if (!big || !adminBig) continue;
      const bigWarm = median(big.warmMs);
      const adminWarmBig = median(adminBig.runsMs.slice(1));
      row('Get-IisHttpsBinding warm call (median)', sites, bigWarm, ms(bigWarm), `admin script, warm: ${ms(adminWarmBig)}`, adminWarmBig, '<= 0.5x', bigWarm <= 0.5 * adminWarmBig);
      if (rpc.workerCalls[sites]) row('  of which the worker (bindings/https RPC)', sites, rpc.workerCalls[sites].medianMs, ms(rpc.workerCalls[sites].medianMs), `cmdlet warm call: ${ms(bigWarm)}`, bigWarm);
    }
  }
  return rows;
}

export function printTable(results) {
  printRows(results);
  printPhases(results);
  printPowerShellParts(results);
}

function printPowerShellParts(results) {
  const ps = results.powershell;
  if (!ps) return;
  console.log('\nPowerShell side of a warm Get-IisHttpsBinding call, median ms (bench/powershell/measure-cmdlet-parts.ps1):');
  console.log('| snapshot | https bindings | whole call | same, progress off | Invoke-HttpApiRequest bindings/https | Invoke-HttpApiRequest server/info | ConvertFrom-HttpApiJson (System.Text.Json from 1 MB on pwsh 7) | plain ConvertFrom-Json | ConvertTo-HttpApiHttpsBinding | the default table (not part of the call) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, entry] of Object.entries(ps)) {
    const parts = entry.parts;
    if (!parts) continue;
    const cells = [parts.cmdletMs, parts.cmdletNoProgressMs, parts.requestMs, parts.serverInfoRequestMs, parts.convertFromHttpApiJsonMs, parts.convertFromJsonMs, parts.convertToBindingMs, parts.defaultTableMs].map((value) => value.toFixed(1));
    console.log(`| ${name} | ${parts.bindings} | ${cells.join(' | ')} |`);
  }
  const sessions = ps.demo?.firstCallParts;
  if (!sessions?.length) return;
  console.log('\nThe first Get-IisHttpsBinding of a fresh pwsh (demo, packaged module), step by step, ms: each session\'s first time / the same step again (bench/powershell/measure-first-call-parts.ps1):');
  const labels = {
    findNodeWorkerAndBlob: 'finding node, the worker, its blob',
    startWorker: 'starting the worker (and its server/info)',
    serverInfo: 'server/info',
    bindingsHttps: 'bindings/https round trip',
    conversion: 'ConvertTo-HttpApiHttpsBinding',
    defaultTable: 'the default table (not in the sum)',
  };
  const steps = Object.keys(sessions[0].firstMs);
  console.log(`| session | Import-Module | ${steps.map((step) => labels[step] ?? step).join(' | ')} | sum |`);
  console.log(`|---|---|${steps.map(() => '---|').join('')}---|`);
  sessions.forEach((session, index) => {
    const cells = steps.map((step) => (step in session.againMs ? `${session.firstMs[step].toFixed(0)} / ${session.againMs[step].toFixed(0)}` : session.firstMs[step].toFixed(0)));
    const sum = session.importMs + steps.filter((step) => step !== 'defaultTable').reduce((total, step) => total + session.firstMs[step], 0);
    console.log(`| ${index + 1}${session.startupSnapshot ? '' : ' (no startup snapshot)'} | ${session.importMs.toFixed(0)} | ${cells.join(' | ')} | ${sum.toFixed(0)} |`);
  });
}

function printRows(results) {
  const header = ['measurement', 'N', 'figure', 'baseline (same run, same data)', 'ratio', 'target'];
  const lines = results.rows.map((entry) => [
    entry.measurement,
    entry.n,
    entry.figure,
    entry.baseline,
    entry.ratio === null ? 'n/a' : entry.ratio >= 10 ? `${entry.ratio.toFixed(0)}x` : `${entry.ratio.toFixed(2)}x`,
    entry.target ? `${entry.target} ${entry.met === null ? '' : entry.met ? 'MET' : 'MISSED'}`.trim() : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (line) => `| ${line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

function printPhases(results) {
  console.log('\nIn-process phases of bindings/https, median ms (bench/phases.mjs):');
  console.log('| N | read config | read sslcert | read urlacl | read certs | join | whole handler | handler, files unchanged | JSON.stringify | floor: read bytes | floor: JSON.parse |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [sites, { phases }] of Object.entries(results.sizes)) {
    const cells = [phases.readConfig, phases.readMappings, phases.readReservations, phases.readCertificates, phases.join, phases.handler, phases.handlerUnchangedFiles, phases.stringify, phases.floorRead, phases.floorParse].map((figure) => figure.medianMs.toFixed(0));
    console.log(`| ${sites} | ${cells.join(' | ')} |`);
  }
}
