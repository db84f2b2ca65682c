import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { main } from '../../src/cli/main.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import { optionsFromSchema } from '../../src/cli/schema-options.js';
import { SourceSchema } from '../../src/protocol/index.js';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += `${text}\n`), stderr: (text) => (stderr += `${text}\n`) });
  return { code, stdout, stderr };
}

/** The words of a shell command line as sh would split them (single and double quotes, no escapes needed here). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

describe.each(commands.map((command) => [command.words.join(' '), command] as const))('httpapi %s --help', (words, command) => {
  it('gives every option a one-line description', async () => {
    const { code, stdout } = await run(...words.split(' '), '--help');
    expect(code).toBe(0);
    const options = stdout.split('\n').filter((line) => /^ {2}--/.test(line));
    expect(options.length).toBeGreaterThan(0);
    for (const line of options) expect(line, line).toMatch(/^ {2}--\S+.*?\s{2,}\S.*$/);
  });

  it('-h is --help', async () => {
    expect(await run(...words.split(' '), '-h')).toEqual(await run(...words.split(' '), '--help'));
  });

  it('shows an example that its own schema accepts', async () => {
    const { stdout } = await run(...words.split(' '), '--help');
    expect(stdout).toContain(`Example:\n  ${command.example}\n`);
    const argv = shellWords(command.example);
    expect(argv.slice(0, command.words.length + 1)).toEqual(['httpapi', ...command.words]);
    const paramOptions = optionsFromSchema(command.definition.params, new Set(['source', 'progressToken']));
    const { values, positionals } = parseArgs(argv.slice(command.words.length + 1), [...paramOptions, ...optionsFromSchema(SourceSchema)]);
    expect(positionals).toEqual([]);
    const params = Object.fromEntries(paramOptions.filter((option) => option.field in values).map((option) => [option.field, values[option.field]]));
    const parsed = command.definition.params.safeParse(params);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});

describe('JSON options show their shape', () => {
  it('urlacl add --users', async () => {
    const { stdout } = await run('urlacl', 'add', '--help');
    expect(stdout).toContain('  --users JSON');
    expect(stdout).toContain('      shape: [{ "user": string, "listen"?: boolean, "delegate"?: boolean }, ...]');
  });

  it('sslcert add --options', async () => {
    const { stdout } = await run('sslcert', 'add', '--help');
    expect(stdout).toContain('      shape: { "<name>": string | number | boolean }');
  });
});

describe('the general help', () => {
  it('states the exit codes, --wide and the not-found rule', async () => {
    const { stdout } = await run('-h');
    expect(stdout).toContain('--wide');
    expect(stdout).toMatch(/Exit codes: 0 success; 2 the command ran and reports findings of severity error/);
    expect(stdout).toContain('fails with NOT_FOUND and the closest names');
  });
});

describe('httpapi startup-snapshot --help', () => {
  it('is listed in the general help, and its own help names --out, what the blob is for and an example', async () => {
    expect((await run('--help')).stdout).toMatch(/^ {2}startup-snapshot --out F {2}Build a startup snapshot for this node/m);
    const { code, stdout } = await run('startup-snapshot', '-h');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^httpapi startup-snapshot: build a V8 startup snapshot/);
    expect(stdout).toContain('  --out FILE (required)');
    expect(stdout).toContain('node --snapshot-blob FILE serve');
    expect(stdout).toMatch(/Example:\n {2}httpapi startup-snapshot --out /);
  });

  it('an unknown option or a stray word is a usage error', async () => {
    expect(await run('startup-snapshot', '--out', 'x.blob', 'extra')).toMatchObject({ code: 1, stderr: expect.stringContaining("unexpected argument 'extra'") });
    expect((await run('startup-snapshot', '--bogus')).code).toBe(1);
  });
});
