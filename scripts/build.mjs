// Bundles the worker and CLI into one file: fast start-up (one module to load) and a
// self-contained copy for the PowerShell module to ship.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

// zod re-exports its 40 locales through z.locales; HttpApi speaks English only (zod's default,
// which its schemas import directly), so the index is replaced by English alone: a sixth less
// code for every start to parse.
const englishLocale = createRequire(import.meta.url).resolve('zod/v4/locales/en.js');
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined));
    builder.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: `export { default as en } from ${JSON.stringify(englishLocale)};`, resolveDir: path.dirname(englishLocale) }));
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Start-up is mostly V8 compiling the bundle: minified, a cold start runs about 30% fewer
  // instructions in it (BENCHMARKS.md). Identifiers keep their names, so stack traces (--debug)
  // name functions without esbuild's keepNames, which wraps every function and class in a
  // defineProperty call, at start and each time a closure is made: 10-20% of pipelined
  // throughput and 5% of a cold start (BENCHMARKS.md). The source map holds the rest.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodEnglishOnly],
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...shared,
  entryPoints: ['src/cli/httpapi.ts'],
  outfile: 'dist/httpapi.js',
  format: 'esm',
  sourcemap: 'linked',
  banner: {
    // Bundled CommonJS dependencies (vscode-jsonrpc, iconv-lite) call require().
    js: "import { createRequire as __httpapiCreateRequire } from 'node:module'; const require = __httpapiCreateRequire(import.meta.url);",
  },
});

// The same CLI as the one script `node --build-snapshot` accepts (CommonJS, built-in modules
// only): `httpapi startup-snapshot` builds a blob from it on the machine that will run it.
await build({
  ...shared,
  entryPoints: ['src/cli/startup-entry.ts'],
  outfile: 'dist/httpapi-startup.cjs',
  format: 'cjs',
  // Code started from a blob has no import(): modules loaded on first use (node:tls for live
  // checks) are required instead.
  supported: { 'dynamic-import': false },
});
