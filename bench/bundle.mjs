// Bundles the product's domain functions from src/ for in-process timing, the way the
// product's build does (esbuild, one ESM file), into bench/.cache/product.mjs.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CacheDir } from './generate-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function bundleProduct() {
  const outfile = path.join(CacheDir, 'product.mjs');
  await build({
    stdin: {
      contents: [
        "export { readApplicationHostConfig } from './src/iis/read-application-host-config.ts';",
        "export { readSslMappings, readUrlReservations } from './src/httpsys/read-http-sys.ts';",
        "export { readCertificates } from './src/certs/read-certificates.ts';",
        "export { joinHttpsBindings } from './src/join/join-https-bindings.ts';",
        "export { resolveSource } from './src/source/resolve-source.ts';",
        "export { createDispatcher } from './src/rpc/dispatcher.ts';",
        "export { implementations } from './src/handlers/index.ts';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'bench-entry.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  return outfile;
}
