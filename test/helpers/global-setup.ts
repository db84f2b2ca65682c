import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Tests drive the shipped bundle (dist/httpapi.js), so build it once before any test runs. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
