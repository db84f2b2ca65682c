// The main job on the bundled sample server: what IIS declares, what http.sys holds, the
// two joined, and what is wrong. Each step is the CLI a person would type.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const snapshot = process.argv[2] ?? 'fixtures/demo-server';
const steps = [
  ['Sites and bindings (applicationHost.config)', ['sites']],
  ['SSL certificate mappings (netsh http show sslcert)', ['sslcert']],
  ['URL reservations (netsh http show urlacl)', ['urlacl']],
  ['Certificates (LocalMachine stores)', ['certificates']],
  ['HTTPS bindings joined with their mappings and certificates', ['bindings']],
  ['Diagnosis', ['diagnose']],
];

let failed = false;
for (const [title, args] of steps) {
  process.stdout.write(`\n== ${title}\n$ httpapi ${args.join(' ')} --snapshot ${snapshot}\n\n`);
  const run = spawnSync(process.execPath, ['dist/httpapi.js', ...args, '--snapshot', snapshot], { cwd: root, stdio: 'inherit' });
  // Exit 2 is a command reporting error findings: showing them is the demo's point, not a failure.
  if (run.status !== 0 && run.status !== 2) failed = true;
}
process.exitCode = failed ? 1 : 0;
