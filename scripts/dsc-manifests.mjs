// Writes dsc/*.dsc.resource.json: each DSC v3 resource manifest exactly as the built CLI prints
// it (`httpapi dsc manifest <resource>`), instance schema derived from the zod schemas.
// test/dsc/manifests.test.ts fails when a committed manifest drifts from the CLI's.
//   node scripts/dsc-manifests.mjs          build the bundle, then write dsc/
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

mkdirSync(path.join(root, 'dsc'), { recursive: true });
for (const name of ['HttpsBinding', 'SslCertMapping', 'UrlReservation']) {
  const manifest = JSON.parse(execFileSync(process.execPath, ['dist/httpapi.js', 'dsc', 'manifest', name], { cwd: root, encoding: 'utf8' }));
  const file = path.join(root, 'dsc', `${manifest.type.replace('/', '.')}.dsc.resource.json`);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(`wrote ${path.relative(root, file)}\n`);
}
