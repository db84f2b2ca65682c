// `npm run package`: the PowerShell module as a self-contained folder, ready for the PowerShell
// Gallery: dist/powershell/HttpApi/ with the manifest (version from package.json, URIs, tags),
// the .psm1 with Public/ and Private/ inlined (one file to load instead of thirty), the format
// file, the about topic, and the worker bundle as bin/httpapi.js. Needs only Node.js to run.
// Usage: node scripts/package.mjs [--out DIR]   (after scripts/build.mjs)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'powershell');
const outFlag = process.argv.indexOf('--out');
const out = path.resolve(outFlag >= 0 ? process.argv[outFlag + 1] : path.join(root, 'dist', 'powershell', 'HttpApi'));
const bundle = path.join(root, 'dist', 'httpapi.js');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

if (!existsSync(bundle)) fail(`${path.relative(root, bundle)} is missing; run 'npm run build' first.`);

/** Module versions are System.Version; a semver pre-release goes to PSData.Prerelease (letters and digits only). */
function splitVersion(version) {
  const match = /^(\d+\.\d+\.\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version);
  if (!match) fail(`package.json version '${version}' is not semver.`);
  return { moduleVersion: match[1], prerelease: match[2]?.replace(/[^0-9A-Za-z]/g, '') };
}

function repositoryUrl() {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = pkg.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '');
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

const psString = (value) => `'${String(value).replace(/'/g, "''")}'`;
const functionFiles = (folder) =>
  readdirSync(path.join(source, folder))
    .filter((name) => name.endsWith('.ps1'))
    .sort()
    .map((name) => ({ name: name.slice(0, -'.ps1'.length), text: readFileSync(path.join(source, folder, name), 'utf8').replace(/^\uFEFF/, '') }));

// The manifest: the development one, with the release's version and links.
const privateFunctions = functionFiles('Private');
const publicFunctions = functionFiles('Public');
const { moduleVersion, prerelease } = splitVersion(pkg.version);
let manifest = readFileSync(path.join(source, 'HttpApi.psd1'), 'utf8');
const exported = [...manifest.matchAll(/^\s+'([A-Za-z]+-[A-Za-z]+)'\s*$/gm)].map((match) => match[1]).sort();
const publicNames = publicFunctions.map((file) => file.name).sort();
if (exported.join() !== publicNames.join()) fail(`FunctionsToExport in HttpApi.psd1 (${exported.join(', ')}) differs from Public/ (${publicNames.join(', ')}).`);
manifest = manifest.replace(/ModuleVersion = '[^']*'/, `ModuleVersion = ${psString(moduleVersion)}`);
const links = [];
const projectUri = repositoryUrl();
if (projectUri) {
  links.push(`ProjectUri = ${psString(projectUri)}`);
  const licenseUri = existsSync(path.join(root, 'LICENSE')) ? `${projectUri.replace(/\/$/, '')}/blob/HEAD/LICENSE` : undefined;
  if (licenseUri) links.push(`LicenseUri = ${psString(licenseUri)}`);
  else console.warn('package: no LICENSE file in the repository; the manifest has no LicenseUri.');
} else {
  console.warn("package: package.json has no 'homepage' or 'repository' URL; the manifest has no ProjectUri or LicenseUri (the Gallery wants both).");
}
if (prerelease) links.push(`Prerelease = ${psString(prerelease)}`);
manifest = manifest.replace(/^(\s*)# ProjectUri and LicenseUri are written by scripts\/package\.mjs from package\.json\.\r?\n/m, (_, indent) =>
  links.map((line) => `${indent}${line}\n`).join(''),
);

// The .psm1: the dot-sourcing region replaced by the functions themselves.
const psm1 = readFileSync(path.join(source, 'HttpApi.psm1'), 'utf8');
const region = /#region functions\r?\n[\s\S]*?#endregion functions/;
if (!region.test(psm1)) fail('HttpApi.psm1 has no #region functions ... #endregion functions block to inline.');
const inlined = [
  '#region functions (inlined by scripts/package.mjs)',
  ...[...privateFunctions, ...publicFunctions].map((file) => `# ---- ${file.name}\n${file.text.trimEnd()}\n`),
  `$publicFunctions = @(${publicNames.map(psString).join(', ')})`,
  '#endregion functions',
].join('\n');

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'bin'), { recursive: true });
writeFileSync(path.join(out, 'HttpApi.psd1'), manifest);
writeFileSync(path.join(out, 'HttpApi.psm1'), psm1.replace(region, () => inlined));
cpSync(path.join(source, 'Formats'), path.join(out, 'Formats'), { recursive: true });
cpSync(path.join(source, 'en-US'), path.join(out, 'en-US'), { recursive: true });
cpSync(bundle, path.join(out, 'bin', 'httpapi.js'));
// What the module builds the worker's startup snapshot from (about_HttpApi, STARTUP SNAPSHOT).
cpSync(path.join(root, 'dist', 'httpapi-startup.cjs'), path.join(out, 'bin', 'httpapi-startup.cjs'));
// The DSC v3 resource manifests (README: DSC), for DSC_RESOURCE_PATH to find beside the module.
cpSync(path.join(root, 'dsc'), path.join(out, 'dsc'), { recursive: true });
// The bundle is an ES module; outside the repository no package.json says so.
writeFileSync(path.join(out, 'bin', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
if (existsSync(path.join(root, 'LICENSE'))) cpSync(path.join(root, 'LICENSE'), path.join(out, 'LICENSE'));

console.log(`package: ${path.relative(root, out) || out} (HttpApi ${pkg.version}, ${publicNames.length} cmdlets, worker ${Math.round(readFileSync(bundle).length / 1024)} KiB)`);
