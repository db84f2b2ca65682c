import { execFile, execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundle, repoRoot } from '../helpers/worker-client.js';
import { demo, httpapi } from './run-cli.js';

/**
 * The width rule, in a real pseudo-terminal: util-linux `script` gives the CLI a pty whose size
 * `stty` sets, so process.stdout.isTTY and .columns are what a console would give.
 */
function inTerminal(columns: number, args: readonly string[]): Promise<{ code: number; lines: string[] }> {
  const quoted = [process.execPath, bundle, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const command = `stty cols ${columns} rows 50; ${quoted}; echo "exit=$?"`;
  return new Promise((resolve, reject) => {
    execFile('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: repoRoot, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      const lines = stdout.replace(/\r/g, '').replace(/\n$/, '').split('\n');
      const status = /^exit=(\d+)$/.exec(lines.at(-1) ?? '');
      if (!status) return reject(new Error(`no exit status in: ${stdout.slice(-200)}`));
      resolve({ code: Number(status[1]), lines: lines.slice(0, -1) });
    });
  });
}

/** Characters, not UTF-16 units or bytes: an ellipsis is one column. */
const longest = (lines: readonly string[]) => Math.max(...lines.map((line) => [...line].length));

const reads: [string, string[]][] = [
  ['info', ['info', ...demo]],
  ['sites', ['sites', ...demo]],
  ['bindings', ['bindings', ...demo]],
  ['sslcert', ['sslcert', ...demo]],
  ['urlacl', ['urlacl', ...demo]],
  ['certificates', ['certificates', ...demo]],
  ['diagnose', ['diagnose', ...demo]],
  ['--help', ['--help']],
  ['binding add --help', ['binding', 'add', '--help']],
];

describe('in a terminal of 120 columns', () => {
  it('has script(1) to make the terminal', () => {
    expect(() => execFileSync('script', ['--version'])).not.toThrow();
  });

  it.each(reads)('%s prints no line wider than 120 columns', async (_name, args) => {
    const { lines } = await inTerminal(120, args);
    expect(lines.length).toBeGreaterThan(3);
    expect(longest(lines)).toBeLessThanOrEqual(120);
  });

  it('bindings cuts the widest cells with an ellipsis, keeps every row and the full finding text', async () => {
    const piped = await httpapi(['bindings', ...demo]);
    const { lines } = await inTerminal(120, ['bindings', ...demo]);
    const pipedLines = piped.stdout.trimEnd().split('\n');
    const tableRows = (all: readonly string[]) => all.slice(0, all.indexOf(''));
    expect(tableRows(lines)).toHaveLength(tableRows(pipedLines).length);
    expect(lines.some((line) => line.includes('…'))).toBe(true);
    // The finding text is wrapped, not cut: the same words in the same order.
    const words = (all: readonly string[]) => all.slice(all.indexOf('')).join(' ').split(/\s+/).filter(Boolean);
    expect(words(lines)).toEqual(words(pipedLines));
  });

  it('wraps finding text at word boundaries, continuation lines indented under the message', async () => {
    const { lines } = await inTerminal(80, ['diagnose', ...demo]);
    expect(longest(lines)).toBeLessThanOrEqual(80);
    const at = lines.findIndex((line) => line.startsWith('    Certificate CN=billing.contoso.com'));
    // the message (4 spaces), its continuation (6 spaces), then the fix (4 spaces)
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {6}\S/);
    const fix = lines.findIndex((line, index) => index > at && line.startsWith('    fix:'));
    const message = lines.slice(at, fix).map((line) => line.trim()).join(' ');
    expect(message).toBe('Certificate CN=billing.contoso.com, O=Contoso Ltd, C=US (494FF9277B05DE81AA69F67D1F65DD041AF732B8) has no private key in store MY; http.sys cannot use it (netsh reports error 1312).');
  });

  it('--wide prints the tables whole, as a pipe gets them', async () => {
    const wide = await inTerminal(120, ['bindings', ...demo, '--wide']);
    const piped = await httpapi(['bindings', ...demo]);
    expect(longest(wide.lines)).toBeGreaterThan(120);
    expect(wide.lines.join('\n')).toBe(piped.stdout.trimEnd());
  });

  it('the exit code is the same in a terminal', async () => {
    expect((await inTerminal(120, ['diagnose', ...demo])).code).toBe(2);
    expect((await inTerminal(120, ['info'])).code).toBe(0);
  });
});

describe('not a terminal', () => {
  it('a pipe gets full-width tables (nothing cut)', async () => {
    const run = await httpapi(['urlacl', ...demo]);
    expect(run.stdout).not.toContain('…');
    expect(run.stdout).toContain('D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)');
  });
});
