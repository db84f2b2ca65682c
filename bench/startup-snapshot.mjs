// The startup-snapshot experiment of issue 12: the same CLI and worker (src/cli/main.ts),
// bundled as one CommonJS script and run once by `node --build-snapshot`, so that a start
// deserializes a heap in which the bundle is already compiled and evaluated instead of
// compiling 1.1 MB of JavaScript and building every zod schema again. The blob is written to
// bench/.cache/ and only fits the node binary that made it (same version and build), which is
// why the product does not ship one (BENCHMARKS.md, "Worker cold start").
// Run alone: node bench/startup-snapshot.mjs  (prints the blob's path)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CacheDir } from './generate-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds bench/.cache/snapshot/httpapi.blob with the running node; returns the arguments that start `httpapi` from it. */
export async function buildStartupSnapshot() {
  const dir = path.join(CacheDir, 'snapshot');
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.ts');
  // Under a snapshot, process.argv has no script path: the command's words start at argv[1].
  writeFileSync(
    entry,
    [
      "import v8 from 'node:v8';",
      `import { main } from ${JSON.stringify(path.join(root, 'src', 'cli', 'main.ts'))};`,
      'v8.startupSnapshot.setDeserializeMainFunction(async () => {',
      "  console.log = console.info = console.debug = console.warn = (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\\n`);",
      '  process.exitCode = await main(process.argv.slice(1), { stdout: (text) => process.stdout.write(`${text}\\n`), stderr: (text) => process.stderr.write(`${text}\\n`), columns: undefined });',
      '});',
    ].join('\n'),
  );
  const script = path.join(dir, 'httpapi.cjs');
  await build({ entryPoints: [entry], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, keepNames: true, logLevel: 'error' });
  const blob = path.join(dir, 'httpapi.blob');
  // Node warns that child_process (execa, for netsh) is not verified in snapshot builders; the
  // server/info and bindings answers from the blob are compared with the bundle's by the suite.
  execFileSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore'] });
  return ['--snapshot-blob', blob];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${(await buildStartupSnapshot()).join(' ')}\n`);
