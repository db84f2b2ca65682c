// Runs a command to its exit and measures it from outside: wall time from spawn to exit, and
// through /usr/bin/time (when present) its peak RSS and CPU time. stdout is drained (counted,
// kept only when asked), as a consumer of `--json` would read it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * @returns {Promise<{ wallMs: number, cpuMs: number | null, maxRssKb: number | null, stdoutBytes: number, stdout?: string, code: number }>}
 */
// `exitCodes`: the codes that mean it ran; `httpapi bindings` exits with 2 when it reports a
// finding of severity error, which the generated servers hold on purpose (missing certificates).
export async function timeProcess(command, args, { env = process.env, cwd, keepStdout = false, exitCodes = [0] } = {}) {
  const work = gnuTime ? mkdtempSync(path.join(tmpdir(), 'httpapi-bench-')) : null;
  const report = work ? path.join(work, 'time.txt') : null;
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = [];
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdoutBytes += chunk.length;
    if (keepStdout) chunks.push(chunk);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  let maxRssKb = null;
  let cpuMs = null;
  if (report) {
    const fields = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    [maxRssKb] = fields;
    cpuMs = (fields[1] + fields[2]) * 1000;
    rmSync(work, { recursive: true, force: true });
  }
  if (!exitCodes.includes(code)) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return { wallMs, cpuMs, maxRssKb, stdoutBytes, code, ...(keepStdout ? { stdout: Buffer.concat(chunks).toString('utf8') } : {}) };
}

/** `runs` runs of the same command; the median of each figure. */
export async function timeRuns(runs, command, args, options) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await timeProcess(command, args, options));
  return {
    runs,
    wallMs: median(samples.map((sample) => sample.wallMs)),
    minWallMs: Math.min(...samples.map((sample) => sample.wallMs)),
    cpuMs: samples[0].cpuMs === null ? null : median(samples.map((sample) => sample.cpuMs)),
    maxRssKb: samples[0].maxRssKb === null ? null : Math.max(...samples.map((sample) => sample.maxRssKb)),
    stdoutBytes: samples[0].stdoutBytes,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
