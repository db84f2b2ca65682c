import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestFiles, root } from './drive-resource.js';

// The manifests travel with the package (package.json "files") and with the packaged module.
const out = mkdtempSync(path.join(tmpdir(), 'httpapi-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('shipping the DSC manifests', () => {
  it('package.json ships dsc/', () => {
    expect((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] }).files).toContain('dsc');
  });

  it('npm run package copies every manifest into the module folder, unchanged', () => {
    const run = spawnSync(process.execPath, ['scripts/package.mjs', '--out', path.join(out, 'HttpApi')], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(path.join(out, 'HttpApi', 'dsc')).sort()).toEqual([...manifestFiles].sort());
    for (const file of manifestFiles) expect(readFileSync(path.join(out, 'HttpApi', 'dsc', file), 'utf8')).toBe(readFileSync(path.join(root, 'dsc', file), 'utf8'));
  });
});
