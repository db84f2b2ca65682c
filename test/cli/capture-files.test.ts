import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { netshDouble } from '../httpsys/double.js';
import { demo, httpapi } from './run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-captures-'));
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

/** What the netsh double (texts from real captures) prints for `show` on a server with nothing configured. */
function emptyShow(what: 'sslcert' | 'urlacl', env: Record<string, string>): string {
  const state = file(`state-${what}-${Object.values(env).join('-')}.json`, JSON.stringify({ sslcert: [], urlacl: [] }));
  return execFileSync(process.execPath, [netshDouble, 'http', 'show', what], { env: { ...process.env, HTTPAPI_NETSH_STATE: state, ...env }, encoding: 'utf8' });
}

describe('a capture in which nothing is recognised is NETSH_OUTPUT_UNRECOGNIZED, naming the file and its first lines', () => {
  it('--sslcert-file of a file that is no netsh output', async () => {
    const garbage = file('hostname', 'web01\n');
    const run = await httpapi(['sslcert', '--sslcert-file', garbage]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`httpapi: Nothing in the capture ${garbage} (--sslcert-file) reads as \`netsh http show sslcert\` output; its first lines: "web01".\n`);
  });

  it('an sslcert capture given as --urlacl-file (and the other way round), its first lines cut', async () => {
    const asUrlacl = await httpapi(['urlacl', '--urlacl-file', 'fixtures/demo-server/sslcert.txt']);
    expect(asUrlacl.code).toBe(1);
    expect(asUrlacl.stderr).toMatch(/^httpapi: Nothing in the capture fixtures\/demo-server\/sslcert\.txt \(--urlacl-file\) reads as `netsh http show urlacl` output; its first lines: "    IP:port +: 0\.0\.0\.0:443", .* \(\d{2,} lines in all\)\.\n$/);
    const asSslcert = await httpapi(['sslcert', '--sslcert-file', 'fixtures/demo-server/urlacl.txt']);
    expect(asSslcert.code).toBe(1);
    expect(asSslcert.stderr).toMatch(/^httpapi: Nothing in the capture fixtures\/demo-server\/urlacl\.txt \(--sslcert-file\) reads as `netsh http show sslcert` output; its first lines: "    Reserved URL +: http:\/\/\+:80\/Temporary_Listen_A\.\.\.", "        User: \\\\Everyone"/);
  });

  it('a long first line is cut', async () => {
    const long = file('long.txt', `${'x'.repeat(200)}\n`);
    const run = await httpapi(['urlacl', '--urlacl-file', long]);
    expect(run.stderr).toContain(`its first lines: "${'x'.repeat(60)}...".`);
  });

  it('with --json the error is the same one line, naming the lines', async () => {
    const garbage = file('notes.txt', 'hello\nworld\n');
    const run = await httpapi(['sslcert', '--sslcert-file', garbage, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"hello", "world"');
  });
});

describe('an empty server still reads as empty (netsh prints the header only)', () => {
  it.each(['pre2012', '2012', 'win10', '2022', '2025'])('show sslcert, %s layout', async (layout) => {
    const capture = file(`sslcert-${layout}.txt`, emptyShow('sslcert', { HTTPAPI_NETSH_LAYOUT: layout }));
    const run = await httpapi(['sslcert', '--sslcert-file', capture, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ mappings: [], unplaced: [] });
  });

  it.each([
    ['en', 'win10'],
    ['en', 'pre2012'],
    ['it', 'win10'],
  ])('show urlacl, %s locale, %s layout', async (locale, layout) => {
    const capture = file(`urlacl-${locale}-${layout}.txt`, emptyShow('urlacl', { HTTPAPI_NETSH_LOCALE: locale, HTTPAPI_NETSH_LAYOUT: layout }));
    const run = await httpapi(['urlacl', '--urlacl-file', capture, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ reservations: [], unplaced: [] });
  });

  it('an empty file is an empty list too (nothing there to be wrong)', async () => {
    const empty = file('empty.txt', '');
    expect((await httpapi(['sslcert', '--sslcert-file', empty])).code).toBe(0);
  });

  it('the real demo captures still read', async () => {
    expect((await httpapi(['sslcert', ...demo])).code).toBe(0);
    expect((await httpapi(['urlacl', ...demo])).code).toBe(0);
  });
});
