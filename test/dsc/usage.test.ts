import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from './drive-resource.js';

const dsc = (...args: string[]) => spawnSync(process.execPath, ['dist/httpapi.js', 'dsc', ...args], { cwd: root, encoding: 'utf8' });

describe('httpapi dsc asked by a person', () => {
  it('--help prints the usage as text on stdout, exit 0', () => {
    const run = dsc('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: httpapi dsc <HttpsBinding\|SslCertMapping\|UrlReservation> <get\|test\|set\|delete\|export>/);
    expect(run.stderr).toBe('');
  });

  it('without a resource prints the same usage, exit 2', () => {
    const run = dsc();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(dsc('-h').stdout);
  });

  it('an unknown resource is still a DSC trace line on stderr, as dsc reads it', () => {
    const run = dsc('Nope', 'get');
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr.trim().split('\n')[0]!).error).toMatch(/^unknown resource 'Nope'/);
  });
});
