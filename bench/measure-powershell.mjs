// PowerShell figures, each run in its own pwsh session: the administrator's baseline
// (bench/powershell/Get-AdminHttpsBinding.ps1) and the module's Get-IisHttpsBinding.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsOf } from './generate-server.mjs';
import { timeProcess } from './process-timer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scripts = fileURLToPath(new URL('./powershell/', import.meta.url));
/** The module as the repository holds it: Public/ and Private/ dot-sourced one file at a time. */
const sourceModule = path.join(root, 'powershell', 'HttpApi.psd1');

/**
 * The module as people install it (`npm run package`: one .psm1 with every function inlined,
 * the worker bundle beside it), written to bench/.cache/module/HttpApi; returns its manifest.
 */
export function packageModule(cacheDir) {
  const out = path.join(cacheDir, 'module', 'HttpApi');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(out, 'HttpApi.psd1');
}

/**
 * Has the module build its worker's startup snapshot (a session that starts the worker, then waits
 * for the background build); a no-op when the blob is already there.
 */
export function prepareStartupSnapshot(pwsh, { env, module = sourceModule }) {
  execFileSync(pwsh, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', path.join(scripts, 'prepare-startup-snapshot.ps1'), '-Module', module, '-Snapshot', path.join(root, 'fixtures', 'demo-server')], { env: pwshEnv(env), stdio: ['ignore', 'ignore', 'inherit'] });
}

/** pwsh from $PWSH, ~/.dotnet/tools, or PATH; null when there is none. */
export function findPwsh() {
  const candidates = [process.env.PWSH, path.join(homedir(), '.dotnet/tools/pwsh'), ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'pwsh'))];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

/** pwsh's own start-up environment: no update check or telemetry (no network here). */
export function pwshEnv(env) {
  return { ...env, POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };
}

async function runScript(pwsh, script, args, env) {
  const run = await timeProcess(pwsh, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', path.join(scripts, script), ...args], { env: pwshEnv(env), cwd: root, keepStdout: true });
  const line = run.stdout.trim().split('\n').pop();
  return { ...JSON.parse(line), processWallMs: run.wallMs, processMaxRssKb: run.maxRssKb };
}

/** The admin's script on a snapshot: first run and warm runs inside one session. */
export function measureAdmin(pwsh, snapshot, { env, runs }) {
  return runScript(pwsh, 'measure-admin.ps1', ['-Snapshot', snapshot, '-Runs', String(runs)], env);
}

/** Get-IisHttpsBinding on a snapshot: import, first call, warm calls, a loop of calls. */
export function measureCmdlet(pwsh, snapshot, { env, warmCalls, loopCalls, module = sourceModule }) {
  return runScript(pwsh, 'measure-cmdlet.ps1', ['-Module', module, '-Snapshot', snapshot, '-AsOf', AsOf, '-WarmCalls', String(warmCalls), '-LoopCalls', String(loopCalls)], env);
}

/** Inside the module: request round trip, JSON conversion, object conversion, progress on and off. */
export function measureCmdletParts(pwsh, snapshot, { env, calls, module = sourceModule }) {
  return runScript(pwsh, 'measure-cmdlet-parts.ps1', ['-Module', module, '-Snapshot', snapshot, '-AsOf', AsOf, '-Calls', String(calls)], env);
}

/** The first Get-IisHttpsBinding of a fresh pwsh, step by step from inside the module, each beside its warm cost. */
export function measureFirstCallParts(pwsh, snapshot, { env, module = sourceModule }) {
  return runScript(pwsh, 'measure-first-call-parts.ps1', ['-Module', module, '-Snapshot', snapshot], env);
}
