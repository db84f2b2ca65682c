// `npm run test:powershell`: builds the worker bundle the module starts, then runs the Pester
// suite (test/powershell) in PowerShell 7 with Pester 5 from .tools/ (scripts/install-powershell.sh).
// Arguments are test files or folders to run instead of the whole suite. The suite's own last
// line is the summary "N passed, N failed[, N skipped]"; the exit code is non-zero on failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function findPwsh() {
  const candidates = [];
  if (process.env.HTTPAPI_PWSH) candidates.push(process.env.HTTPAPI_PWSH);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    candidates.push(path.join(dir, isWindows ? 'pwsh.exe' : 'pwsh'));
  }
  candidates.push(path.join(homedir(), '.dotnet', 'tools', isWindows ? 'pwsh.exe' : 'pwsh'));
  return candidates.find((candidate) => existsSync(candidate));
}

function findPester() {
  const base = path.join(root, '.tools', 'pester', 'pester');
  const preferred = path.join(base, '5.7.1', 'tools', 'Pester.psd1');
  if (existsSync(preferred)) return preferred;
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((name) => name.startsWith('5.')).sort().reverse();
  return versions.map((version) => path.join(base, version, 'tools', 'Pester.psd1')).find((file) => existsSync(file));
}

const pwsh = findPwsh();
if (!pwsh) {
  console.error('run-pester: PowerShell (pwsh) was not found in $HTTPAPI_PWSH, on PATH or in ~/.dotnet/tools; run `bash scripts/install-powershell.sh`.');
  process.exit(1);
}
const pester = findPester();
if (!pester) {
  console.error('run-pester: Pester 5 was not found under .tools/pester; run `bash scripts/install-powershell.sh`.');
  process.exit(1);
}

execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

const paths = process.argv.slice(2).map((file) => path.resolve(file));
const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', path.join(root, 'test', 'powershell', 'Invoke-PesterSuite.ps1'), '-PesterPath', pester];
if (paths.length > 0) args.push('-Path', paths.join(path.delimiter));
if (process.env.HTTPAPI_PESTER_VERBOSITY) args.push('-Verbosity', process.env.HTTPAPI_PESTER_VERBOSITY);

// Tests that need a second PowerShell (to read what the host prints) start the same one.
const run = spawnSync(pwsh, args, { cwd: root, stdio: 'inherit', env: { ...process.env, HTTPAPI_PWSH: pwsh } });
if (run.error) {
  console.error(`run-pester: could not start ${pwsh}: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
