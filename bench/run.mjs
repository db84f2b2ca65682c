// The performance suite (`npm run bench`, which builds dist/ first). Every figure is printed
// beside a baseline measured in the same run on the same data, with their ratio, and all of
// it is written to bench/results/latest.json. Options:
//   --full          also 50,000 sites, the 1,000-call PowerShell loop, and the shared
//                   0.0.0.0:443 scenario at 10,000 sites (slow: several minutes more)
//   --sizes A,B     site counts (default 1000,10000; with --full 1000,10000,50000)
//   --no-powershell skip everything that needs pwsh
//   --keep-env      keep NODE_EXTRA_CA_CERTS in the children's environment (see BENCHMARKS.md)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleProduct } from './bundle.mjs';
import { ensureFloorDocument, snapshotBytes } from './floor-document.mjs';
import { AsOf, CacheDir, ensureServer } from './generate-server.mjs';
import { findPwsh, measureAdmin, measureCmdlet, measureCmdletParts, measureFirstCallParts, packageModule, prepareStartupSnapshot } from './measure-powershell.mjs';
import { measureRpc, measureWorkerCalls } from './measure-rpc.mjs';
import { timeProcess, timeRuns } from './process-timer.mjs';
import { printTable, rowsFor } from './report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const full = argv.includes('--full');
const sizesArg = argv.indexOf('--sizes');
const sizes = sizesArg >= 0 ? argv[sizesArg + 1].split(',').map(Number) : full ? [1000, 10_000, 50_000] : [1000, 10_000];
const pwsh = argv.includes('--no-powershell') ? null : findPwsh();
// Baseline (c), bench/admin-python.py: python3 from PATH (stdlib only); its rows are left out without one.
const python3 = findOnPath('python3');
// NODE_EXTRA_CA_CERTS makes every Node process parse a CA bundle at start (about 100 ms here).
const env = { ...process.env };
if (!argv.includes('--keep-env')) delete env.NODE_EXTRA_CA_CERTS;
const cli = path.join(root, 'dist', 'httpapi.js');
const node = process.execPath;
// httpapi exits with 2 when the answer holds a finding of severity error (README, exit codes).
const FindingsExit = [0, 2];
const log = (line) => process.stderr.write(`${line}\n`);
const startedAt = Date.now();

const results = { date: new Date().toISOString(), machine: machine(), options: { full, sizes, powershell: pwsh !== null, keepEnv: argv.includes('--keep-env') }, sizes: {} };
const bundle = await bundleProduct();

for (const sites of sizes) {
  log(`[${sites} sites] snapshot`);
  const { dir, manifest } = ensureServer({ sites });
  const bytes = snapshotBytes(dir);
  const floorDocument = ensureFloorDocument(path.join(CacheDir, `floor-${sites}.json`), bytes);
  const runs = sites <= 1000 ? 5 : sites <= 10_000 ? 3 : 2;
  const args = [cli, 'bindings', '--json', '--snapshot', dir, '--as-of', AsOf];

  log(`[${sites} sites] check, then httpapi bindings --json x${runs}`);
  const checked = await timeProcess(node, args, { env, keepStdout: true, exitCodes: FindingsExit });
  const answer = JSON.parse(checked.stdout);
  verify(answer, manifest);
  // The answer as the worker sends it over JSON-RPC (compact); --json indents it for reading.
  const answerBytes = Buffer.byteLength(JSON.stringify(answer));
  const product = await timeRuns(runs, node, args, { env, exitCodes: FindingsExit });
  log(`[${sites} sites] floor x${runs}`);
  const floor = await timeRuns(runs, node, [path.join(root, 'bench', 'floor.mjs'), dir, floorDocument], { env });
  let python = null;
  if (python3) {
    log(`[${sites} sites] plain Python script x${runs}`);
    const script = [path.join(root, 'bench', 'admin-python.py'), dir];
    const listed = JSON.parse((await timeProcess(python3, script, { env, keepStdout: true })).stdout);
    const withHash = listed.filter((binding) => binding.certificateHash).length;
    if (listed.length !== manifest.httpsBindings || withHash !== manifest.declaredMappingsPresent) throw new Error(`the Python baseline found ${listed.length} bindings, ${withHash} with a hash; expected ${manifest.httpsBindings}, ${manifest.declaredMappingsPresent}`);
    python = await timeRuns(runs, python3, script, { env });
  }
  log(`[${sites} sites] in-process phases`);
  const phases = JSON.parse((await timeProcess(node, ['--expose-gc', path.join(root, 'bench', 'phases.mjs'), bundle, dir, floorDocument, AsOf, String(sites <= 10_000 ? 5 : 3)], { env, keepStdout: true })).stdout);
  let admin = null;
  if (pwsh) {
    log(`[${sites} sites] administrator's script in pwsh`);
    admin = await measureAdmin(pwsh, dir, { env, runs: sites <= 1000 ? 5 : 2 });
    if (admin.bindings !== manifest.httpsBindings || admin.withHash !== manifest.declaredMappingsPresent) throw new Error(`admin baseline found ${admin.bindings} bindings, ${admin.withHash} with a hash; expected ${manifest.httpsBindings}, ${manifest.declaredMappingsPresent}`);
  }
  results.sizes[sites] = { manifest, inputBytes: bytes, answerBytes, product, floor, python, phases, admin, loadAverage: os.loadavg() };
}

if (sizes.includes(1000) || sizes.includes(10_000)) {
  // Sharing measured apart: 10% of the bindings are non-SNI on *:443 and share 0.0.0.0:443
  // (generate-config's 10%, uncapped); the answer lists them once, on the mapping.
  results.shared = {};
  for (const sites of [1000, 10_000].filter((size) => sizes.includes(size))) {
    log(`[${sites} sites, shared 0.0.0.0:443] httpapi bindings --json`);
    const { dir, manifest } = ensureServer({ sites, sharedNonSni: Infinity });
    const args = [cli, 'bindings', '--json', '--snapshot', dir, '--as-of', AsOf];
    const answerBytes = Buffer.byteLength(JSON.stringify(JSON.parse((await timeProcess(node, args, { env, keepStdout: true, exitCodes: FindingsExit })).stdout)));
    results.shared[sites] = { manifest, answerBytes, product: await timeRuns(sites <= 1000 ? 3 : 1, node, args, { env, exitCodes: FindingsExit }) };
  }
}

log('JSON-RPC: cold start, latency, pipelined throughput');
results.rpc = await measureRpc({ env });
results.rpc.workerCalls = await measureWorkerCalls({ env, snapshots: { demo: path.join(root, 'fixtures', 'demo-server'), 1000: ensureServer({ sites: 1000 }).dir } });

if (pwsh) {
  log(`PowerShell: Get-IisHttpsBinding (import, first call, warm calls, ${full ? 1000 : 100}-call loop) and the admin's script`);
  const demo = path.join(root, 'fixtures', 'demo-server');
  const loopCalls = full ? 1000 : 100;
  // The cmdlet timings use the packaged module, as installed; the part-by-part ones the source
  // tree's, whose private functions they call. The first call is timed on both.
  const module = packageModule(CacheDir);
  // The module starts its worker from a startup snapshot once one is built (README, PowerShell): each
  // module's blob is built before anything is timed, in the bench's own cache, so that no build runs beside a timing.
  env.HTTPAPI_CACHE_DIR = path.join(CacheDir, 'startup');
  for (const manifest of [module, undefined]) prepareStartupSnapshot(pwsh, { env, module: manifest });
  results.powershell = {
    demo: {
      cmdlet: await measureCmdlet(pwsh, demo, { env, warmCalls: 30, loopCalls, module }),
      bundleStart: await measureCmdlet(pwsh, demo, { env: { ...env, HTTPAPI_STARTUP_SNAPSHOT: 'off' }, warmCalls: 3, loopCalls: 0, module }),
      sourceTreeCmdlet: await measureCmdlet(pwsh, demo, { env, warmCalls: 3, loopCalls: 0 }),
      admin: await measureAdmin(pwsh, demo, { env, runs: 31 }),
    },
    1000: {
      cmdlet: await measureCmdlet(pwsh, ensureServer({ sites: 1000 }).dir, { env, warmCalls: 3, loopCalls: 0, module }),
    },
  };
  if (sizes.includes(10_000)) {
    log('PowerShell: Get-IisHttpsBinding at 10,000 sites');
    results.powershell[10_000] = { cmdlet: await measureCmdlet(pwsh, ensureServer({ sites: 10_000 }).dir, { env, warmCalls: 2, loopCalls: 0, module }) };
  }
  log('PowerShell: where a warm Get-IisHttpsBinding call spends its time');
  results.powershell.demo.parts = await measureCmdletParts(pwsh, demo, { env, calls: 15 });
  results.powershell[1000].parts = await measureCmdletParts(pwsh, ensureServer({ sites: 1000 }).dir, { env, calls: 3 });
  log('PowerShell: the first call of a fresh pwsh, step by step (3 sessions)');
  results.powershell.demo.firstCallParts = [];
  for (let session = 0; session < 3; session++) results.powershell.demo.firstCallParts.push(await measureFirstCallParts(pwsh, demo, { env, module }));
}

results.elapsedSeconds = (Date.now() - startedAt) / 1000;
results.rows = rowsFor(results);
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
log(`\nsuite took ${results.elapsedSeconds.toFixed(0)} s; results in bench/results/latest.json`);

/** A fast wrong answer is no answer: the CLI's output must be the generated server's. */
function verify(result, manifest) {
  const exists = new Map(result.mappings.map((mapping) => [mapping.id, mapping.exists]));
  const present = result.bindings.filter((binding) => binding.declaredMapping !== null && exists.get(binding.declaredMapping)).length;
  if (result.bindings.length !== manifest.httpsBindings || present !== manifest.declaredMappingsPresent) {
    throw new Error(`bindings --json gave ${result.bindings.length} https bindings, ${present} with their mapping; the generator made ${manifest.httpsBindings}, ${manifest.declaredMappingsPresent}`);
  }
  if (result.bindings.filter((binding) => binding.certificate).length < 0.9 * manifest.httpsBindings) throw new Error('fewer than 90% of the bindings found their certificate');
}

function findOnPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, command)).find((candidate) => existsSync(candidate)) ?? null;
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), cpu, node: process.version, platform: `${os.type()} ${os.release()}`, loadAverage: os.loadavg() };
}
