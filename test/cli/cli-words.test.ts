import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCliWords } from '../../src/cli/cli-words.js';
import { main } from '../../src/cli/main.js';
import { bundle, repoRoot } from '../helpers/worker-client.js';

function httpapi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd: repoRoot, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/**
 * How a Windows program started from cmd.exe receives a command line: cmd itself only acts on
 * & | < > ^ outside double quotes (none may appear: the fix would not paste as one command),
 * then the C runtime splits it (Microsoft Learn, "Parsing C command-line arguments": blanks
 * separate arguments, "..." groups, 2n backslashes before a quote give n backslashes).
 */
function cmdArgv(line: string): string[] {
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && '&|<>^'.includes(character)) throw new Error(`cmd would act on '${character}' in: ${line}`);
  }
  if (quoted) throw new Error(`unbalanced double quote in: ${line}`);
  const argv: string[] = [];
  let current = '';
  let started = false;
  quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (character === '\\') {
      let count = 0;
      while (line[index] === '\\') {
        count++;
        index++;
      }
      if (line[index] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else quoted = !quoted;
      } else {
        current += '\\'.repeat(count);
        index--;
      }
      started = true;
    } else if (character === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && (character === ' ' || character === '\t')) {
      if (started) argv.push(current);
      current = '';
      started = false;
    } else {
      current += character;
      started = true;
    }
  }
  if (started) argv.push(current);
  return argv;
}

/** The httpapi command a fix line holds, if any: from `httpapi` to the end, or to the ')' that closes it. */
function commandOf(fix: string): string | undefined {
  const at = fix.indexOf('httpapi ');
  if (at < 0) return undefined;
  const rest = fix.slice(at);
  const inParentheses = fix[at - 1] === '(';
  return inParentheses ? rest.slice(0, rest.indexOf(')')) : rest.replace(/\.$/, '');
}

describe('worker messages in the CLI\'s words', () => {
  it('names the CLI command for a method and the --option for a param, leaving other words alone', () => {
    expect(inCliWords('replace it everywhere (certificates/replace).')).toBe('replace it everywhere (httpapi certificate replace).');
    expect(inCliWords('point the mapping at another (bindings/setCertificate)')).toBe('point the mapping at another (httpapi binding set-certificate)');
    expect(inCliWords('Import it there first, or pass certificateStoreName.')).toBe('Import it there first, or pass --certificate-store-name.');
    expect(inCliWords('Pass allowSharedMapping (--allow-shared-mapping) to do it anyway')).toBe('Pass --allow-shared-mapping to do it anyway');
    expect(inCliWords('or pass whatIf to see the plan')).toBe('or pass --what-if to see the plan');
    expect(inCliWords('pass the test (no/method)')).toBe('pass the test (no/method)');
  });

  it('speaks them in the one-line error of a failed command', async () => {
    const run = await httpapi('sslcert', 'delete', '--snapshot', 'fixtures/demo-server', '--kind', 'hostnameport', '--key', 'old.contoso.com:443');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pass --what-if to see the plan');
    expect(run.stderr).not.toMatch(/whatIf/);
  });
});

describe('every fix the sample servers produce', () => {
  for (const sample of ['fixtures/demo-server', 'fixtures/iisexpress-demo']) {
    it(`${sample}: a fix holds at most one command, which pastes into cmd as one line that httpapi accepts`, async () => {
      const run = await httpapi('diagnose', '--snapshot', sample);
      const fixes = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('fix: ')).map((line) => line.trim().slice(5));
      expect(fixes.length).toBeGreaterThan(3);
      const commands = fixes.flatMap((fix) => {
        expect(fix.split('httpapi ').length, fix).toBeLessThanOrEqual(2);
        expect(fix, 'a fix names no bare netsh command: the CLI and the cmdlets do it').not.toMatch(/netsh http /);
        const command = commandOf(fix);
        return command ? [command] : [];
      });
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) {
        const argv = cmdArgv(command);
        expect(argv[0]).toBe('httpapi');
        // THUMBPRINT is the one word left to the admin; a certificate in the sample's MY store stands for it (a plan checks the store).
        const inMy = sample === 'fixtures/demo-server' ? '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5' : 'BB7C594209764AB9BDDC5E1CBB2EB8FFBAEC4895';
        const filled = argv.slice(1).map((word) => (word === 'THUMBPRINT' ? inMy : word));
        // A full command runs as a plan; a command only named ("(httpapi certificate replace)") must at least exist.
        const isChange = filled.some((word) => word.startsWith('--'));
        const out: string[] = [];
        const code = await main([...filled, '--snapshot', path.join(repoRoot, sample), ...(isChange ? ['--what-if'] : ['--help'])], { stdout: (text) => out.push(text), stderr: (text) => out.push(text) });
        expect(code, `${command}\n${out.join('\n')}`).toBe(0);
      }
    });
  }
});

describe('httpapi diagnose --site', () => {
  it('answers NOT_FOUND for a site that does not exist, instead of a clean report', async () => {
    const run = await httpapi('diagnose', '--snapshot', 'fixtures/demo-server', '--site', 'nosuch');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // The words of every other read that takes a site: the closest names, or how many there are.
    expect(run.stderr).toMatch(/^httpapi: No site named 'nosuch' in .*applicationHost\.config; none is close; there are 17: 'Default Web Site', /);
    expect(run.stderr).toBe((await httpapi('bindings', '--snapshot', 'fixtures/demo-server', '--site', 'nosuch')).stderr);
  });

  it('reports only the findings about that site, whatever the case of its name', async () => {
    const run = await httpapi('diagnose', '--snapshot', 'fixtures/demo-server', '--site', 'admin', '--json');
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout) as { findings: { code: string; site?: string }[]; summary: { error: number } };
    expect(result.findings.map((finding) => [finding.code, finding.site])).toEqual([['HTTPS_BINDING_NO_MAPPING', 'Admin']]);
    expect(result.summary.error).toBe(1);
    const plain = await httpapi('diagnose', '--snapshot', 'fixtures/demo-server', '--site', 'Contoso WWW');
    expect(plain.code).toBe(0);
  });
});
