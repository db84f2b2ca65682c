// JSON-RPC figures of `httpapi serve`, each beside the same figure for the echo floor
// (bench/echo-worker.mjs): cold start (spawn to first answer), sequential round-trip latency
// over `calls` server/info requests, and pipelined throughput.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from './rpc-client.mjs';
import { CacheDir } from './generate-server.mjs';
import { median, percentile } from './process-timer.mjs';
import { execFileSync } from 'node:child_process';

const worker = fileURLToPath(new URL('../dist/httpapi.js', import.meta.url));
const echo = fileURLToPath(new URL('./echo-worker.mjs', import.meta.url));

export async function measureRpc({ env, calls = 10_000, pipelined = 20_000, coldStarts = 10 }) {
  // The echo answers with the real server/info result, byte for byte.
  const probe = connect(process.execPath, [worker, 'serve'], { env });
  const info = await probe.request('server/info');
  await probe.close();
  const canned = path.join(CacheDir, 'server-info.json');
  writeFileSync(canned, JSON.stringify(info));

  const targets = { product: [worker, 'serve'], floor: [echo, canned] };
  // The worker from its startup snapshot, built by the shipped command (README, "Starting faster"):
  // its answer must be the bundle's.
  const blob = path.join(CacheDir, 'startup', 'worker.blob');
  execFileSync(process.execPath, [worker, 'startup-snapshot', '--out', blob], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const snapshot = ['--snapshot-blob', blob, 'serve'];
  const fromSnapshot = connect(process.execPath, snapshot, { env });
  if (JSON.stringify(await fromSnapshot.request('server/info')) !== JSON.stringify(info)) throw new Error('the startup snapshot answers server/info differently from the bundle');
  await fromSnapshot.close();
  // Cold starts alternate between the three, so that each meets the same machine load.
  const starts = await alternatedColdStarts({ product: targets.product, floor: targets.floor, snapshot }, env, coldStarts);
  const out = {};
  for (const [name, args] of Object.entries(targets)) {
    out[name] = {
      coldStartMs: starts[name],
      ...(await latency(args, env, calls)),
      ...(await throughput(args, env, pipelined)),
    };
  }
  out.snapshot = { coldStartMs: starts.snapshot };
  return out;
}

async function alternatedColdStarts(targets, env, times) {
  const samples = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let run = 0; run < times; run++) {
    for (const [name, args] of Object.entries(targets)) {
      const client = connect(process.execPath, args, { env });
      await client.request('server/info');
      samples[name].push(performance.now() - client.spawnedAt);
      await client.close();
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

async function latency(args, env, calls) {
  const client = connect(process.execPath, args, { env });
  for (let call = 0; call < 1000; call++) await client.request('server/info'); // JIT warm-up
  const samples = new Float64Array(calls);
  for (let call = 0; call < calls; call++) {
    const start = performance.now();
    await client.request('server/info');
    samples[call] = performance.now() - start;
  }
  await client.close();
  samples.sort();
  return { calls, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: samples[samples.length - 1] };
}

async function throughput(args, env, count) {
  const client = connect(process.execPath, args, { env });
  await client.pipeline('server/info', {}, 1000); // warm-up
  const start = performance.now();
  const answers = await client.pipeline('server/info', {}, count);
  const seconds = (performance.now() - start) / 1000;
  await client.close();
  if (answers.length !== count || !answers.every((answer) => answer.name === 'HttpApi')) throw new Error('pipelined answers are not all server/info results');
  return { pipelined: count, requestsPerSecond: count / seconds };
}

/**
 * The worker's share of a cmdlet call: warm `bindings/https` round trips on each snapshot,
 * over the same pipe the PowerShell module uses.
 */
export async function measureWorkerCalls({ env, snapshots, calls = 20 }) {
  const client = connect(process.execPath, [worker, 'serve'], { env });
  const out = {};
  for (const [name, snapshot] of Object.entries(snapshots)) {
    const params = { source: { snapshot }, asOf: '2026-06-01T00:00:00.000Z' };
    for (let call = 0; call < 3; call++) await client.request('bindings/https', params);
    const samples = [];
    for (let call = 0; call < calls; call++) {
      const start = performance.now();
      await client.request('bindings/https', params);
      samples.push(performance.now() - start);
    }
    out[name] = { calls, medianMs: median(samples), minMs: Math.min(...samples) };
  }
  await client.close();
  return out;
}
