import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeCommand } from '../process/describe-command.js';
import { runProcess } from '../process/run-process.js';
import { version } from '../version.js';
import { parseArgs, usage } from './parse-args.js';
import type { CliOption } from './schema-options.js';

const startupSnapshotOptions: CliOption[] = [
  { field: 'out', flag: 'out', type: 'string', required: true, description: 'The blob to write (replaced atomically; its folder is created).' },
  { field: 'json', flag: 'json', type: 'boolean', required: false, description: 'Print what was written as JSON.' },
  { field: 'help', flag: 'help', type: 'boolean', required: false, description: 'Show this help (also -h).' },
];

export interface StartupSnapshotIo {
  stdout: (text: string) => void;
  /** The CommonJS bundle the blob is built from; undefined in a process that started from a blob. */
  startupScript: string | undefined;
}

/** What `httpapi startup-snapshot --json` prints. */
interface StartupSnapshotBuilt {
  path: string;
  bytes: number;
  node: string;
  milliseconds: number;
}

// Building evaluates the whole CLI once and serializes its heap: about a second here, far more on a busy machine.
const buildTimeoutMs = 180_000;

/**
 * `httpapi startup-snapshot --out FILE`: builds a V8 startup snapshot of the worker with the
 * running node, so that `node --snapshot-blob FILE serve` starts without compiling and evaluating
 * the bundle. A blob only runs on the node binary that built it, hence built where it runs.
 */
export async function runStartupSnapshotCommand(argv: readonly string[], io: StartupSnapshotIo): Promise<number> {
  const { values, positionals } = parseArgs(argv, startupSnapshotOptions, {});
  if (values.help) {
    io.stdout(startupSnapshotHelp());
    return 0;
  }
  if (positionals.length > 0) throw usage(`unexpected argument '${positionals[0]}'`);
  if (typeof values.out !== 'string' || values.out === '') throw usage('--out is required: the file to write the startup snapshot to');
  const built = await buildStartupSnapshot(path.resolve(values.out), io.startupScript);
  if (values.json) io.stdout(JSON.stringify(built, null, 2));
  else {
    io.stdout(`Wrote ${built.path} (${(built.bytes / 1e6).toFixed(1)} MB, node ${built.node}, ${(built.milliseconds / 1000).toFixed(1)} s).`);
    io.stdout(`Start the worker from it: ${describeCommand(process.execPath, ['--snapshot-blob', built.path, 'serve'])}`);
  }
  return 0;
}

async function buildStartupSnapshot(out: string, startupScript: string | undefined): Promise<StartupSnapshotBuilt> {
  if (startupScript === undefined) throw new Error('this process started from a startup snapshot and cannot build one; run node httpapi.js startup-snapshot');
  if (!existsSync(startupScript)) throw new Error(`${startupScript} is missing: the build (npm run build) writes it beside httpapi.js`);
  mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the blob and renamed over it: a worker starting now reads the old blob or the new one, never half of one.
  const partial = `${out}.${process.pid}.partial`;
  const started = performance.now();
  try {
    await mustSucceed(process.execPath, ['--snapshot-blob', partial, '--build-snapshot', startupScript]);
    // The blob must start and be this version of httpapi before anything is pointed at it.
    const help = await mustSucceed(process.execPath, ['--snapshot-blob', partial, 'help']);
    if (!help.startsWith(`httpapi ${version}:`)) throw new Error(`the startup snapshot built from ${startupScript} does not start as httpapi ${version}: it printed ${JSON.stringify(help.slice(0, 80))}`);
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
  return { path: out, bytes: statSync(out).size, node: process.version, milliseconds: Math.round(performance.now() - started) };
}

async function mustSucceed(file: string, argv: string[]): Promise<string> {
  const run = await runProcess(file, argv, { timeoutMs: buildTimeoutMs });
  if (run.exitCode === 0) return run.stdout.toString('utf8');
  const said = run.stderr.toString('utf8').trim().split(/\r?\n/).slice(-5).join(' | ');
  throw new Error(`${describeCommand(file, argv)} exited with ${run.exitCode}${said ? `: ${said}` : ''}`);
}

function startupSnapshotHelp(): string {
  return [
    'httpapi startup-snapshot: build a V8 startup snapshot of the worker with this node, for faster starts.',
    '',
    'A worker started with `node --snapshot-blob FILE serve` skips compiling and evaluating the bundle',
    '(BENCHMARKS.md: spawn to first answer about 2.5 times faster). The blob runs only on the node',
    'binary that built it: build it again after a node update. The PowerShell module builds and uses',
    'one by itself (README, "Starting faster" and PowerShell; about_HttpApi, STARTUP SNAPSHOT).',
    '',
    'Options:',
    ...startupSnapshotOptions.map((option) => `${`  --${option.flag}${option.type === 'boolean' ? '' : ' FILE'}${option.required ? ' (required)' : ''}`.padEnd(38)}  ${option.description}`),
    '',
    'Example:',
    '  httpapi startup-snapshot --out ~/.cache/httpapi/worker.blob',
  ].join('\n');
}
