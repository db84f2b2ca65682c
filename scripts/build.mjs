// Bundles the worker and CLI into one file: fast start-up (one module to load) and a
// self-contained copy for the PowerShell module to ship.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/httpapi.ts'],
  outfile: 'dist/httpapi.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    // Bundled CommonJS dependencies (vscode-jsonrpc, iconv-lite) call require().
    js: "import { createRequire as __httpapiCreateRequire } from 'node:module'; const require = __httpapiCreateRequire(import.meta.url);",
  },
});
