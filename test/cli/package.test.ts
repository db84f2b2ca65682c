import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, repoRoot } from '../helpers/worker-client.js';

const startupBundle = path.join(path.dirname(bundle), 'httpapi-startup.cjs');
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
const npm = (...args: string[]) => execFileSync('npm', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the published package', () => {
  it.each([bundle, startupBundle])('%s loads nothing but Node.js built-ins, so nothing is a runtime dependency', (file) => {
    const text = readFileSync(file, 'utf8');
    // require("x"), import("x") and `import {a as b} from "x"`, minified or not: only names, braces,
    // commas and `*` may stand between import and from, so the word "from" inside a string is no import.
    const specifiers = new Set([...text.matchAll(/\brequire\("([^"]+)"\)|\bimport\s*[\w${},*\s]*?\bfrom\s*"([^"]+)"|\bimport\("([^"]+)"\)/g)].map((match) => match[1] ?? match[2] ?? match[3]!));
    expect(specifiers.size).toBeGreaterThan(5);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    expect([...specifiers].filter((specifier) => !builtins.has(specifier))).toEqual([]);
    expect(pkg.dependencies).toBeUndefined();
  });

  it('ships the bundle and its startup-snapshot twin, the OpenRPC document and the PowerShell module; no source map, no packaged copy', () => {
    const [packed] = JSON.parse(npm('pack', '--dry-run', '--json')) as [{ files: { path: string; size: number }[] }];
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['dist/httpapi.js', 'docs/openrpc.json', 'powershell/HttpApi.psd1', 'powershell/HttpApi.psm1', 'package.json', 'README.md', 'LICENSE']));
    expect(files.filter((file) => file.endsWith('.map') || file.startsWith('dist/powershell/'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('dist/')).sort()).toEqual(['dist/httpapi-startup.cjs', 'dist/httpapi.js']);
  });

  it('every installed package with an install script is covered by allowScripts (npm ci stays quiet)', () => {
    expect(npm('install-scripts', 'ls')).toContain('No packages with unreviewed install scripts.');
    expect(pkg.allowScripts).toEqual({ esbuild: true });
  });
});
