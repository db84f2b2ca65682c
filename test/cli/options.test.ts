import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commands } from '../../src/cli/commands.js';
import { main } from '../../src/cli/main.js';
import { paramFields } from '../../src/protocol/param-fields.js';
import { Methods, SourceSchema } from '../../src/protocol/index.js';

/**
 * The CLI's options come from the params schemas: every field of every method must be
 * reachable from the command line, named in kebab-case. Run in-process (no spawn per case);
 * `--help` after the options makes main() parse them and stop before calling the method.
 */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += `${text}\n`), stderr: (text) => (stderr += `${text}\n`) });
  return { code, stdout, stderr };
}

const kebabCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => Object.fromEntries(paramFields(schema).map((field) => [field.name, field.schema]));
/** Fields that are not options: the source is spread into its own options; the progress token is JSON-RPC only. */
const notOptions = new Set(['source', 'progressToken']);
const sourceFlags = Object.keys(shapeOf(SourceSchema)).map(kebabCase);
/** A value the option parser takes for the field: `--flag=true` for a boolean, `--flag=1` otherwise (a string, a number and JSON all read "1"). */
const optionFor = (schema: z.ZodType, flag: string) => (schema.safeParse(true).success ? `--${flag}=true` : `--${flag}=1`);

const cliMethods = Methods.filter((definition) => definition.method !== 'rpc.discover');

describe('commands', () => {
  it('every method but rpc.discover has exactly one command', () => {
    for (const definition of cliMethods) {
      expect(commands.filter((command) => command.definition.method === definition.method).map((command) => command.words.join(' ')), definition.method).toHaveLength(1);
    }
    expect(commands).toHaveLength(cliMethods.length);
  });
});

describe.each(commands.map((command) => [command.words.join(' '), command] as const))('httpapi %s', (words, command) => {
  const argv = words.split(' ');
  const shape = shapeOf(command.definition.params);
  const fields = Object.keys(shape).filter((field) => !notOptions.has(field));

  it('accepts an option for every params field', async () => {
    for (const field of fields) {
      const result = await run(...argv, optionFor(shape[field]!, kebabCase(field)), '--help');
      expect(result.stderr, `--${kebabCase(field)}`).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it('accepts every source option (and --config, --netsh)', async () => {
    expect(Object.keys(shape)).toContain('source');
    for (const flag of sourceFlags) {
      const fieldSchema = shapeOf(SourceSchema)[flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())]!;
      expect((await run(...argv, optionFor(fieldSchema, flag), '--help')).code, `--${flag}`).toBe(0);
    }
    expect((await run(...argv, '--config', 'a.config', '--netsh', 'netsh.exe', '--help')).code).toBe(0);
  });

  it('lists exactly those options in its help, required ones marked', async () => {
    const { stdout } = await run(...argv, '--help');
    const listed = [...stdout.matchAll(/^ {2}--([a-z-]+)(.*)$/gm)].map(([, flag, rest]) => ({ flag: flag!, required: rest!.includes('(required)') }));
    const expected = fields.map((field) => ({ flag: kebabCase(field), required: !shape[field]!.safeParse(undefined).success }));
    expect(listed.filter((option) => !['json', 'wide', 'debug', ...sourceFlags].includes(option.flag))).toEqual(expected);
    for (const flag of [...sourceFlags, 'json', 'wide', 'debug']) expect(listed.map((option) => option.flag)).toContain(flag);
  });

  const required = fields.filter((field) => !shape[field]!.safeParse(undefined).success);
  if (required.length === 0) return;
  it('names every missing required param by its option', async () => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    for (const field of required) expect(stderr).toContain(`--${kebabCase(field)}: `);
  });
});

describe('option values', () => {
  it('refuses a value-taking option followed by another option instead of its value', async () => {
    const { code, stderr } = await run('sites', '--site', '--json');
    expect(code).toBe(1);
    expect(stderr).toBe('httpapi: --site needs a value; see httpapi --help\n');
  });

  it('validates source options like params, naming the option', async () => {
    const { code, stderr } = await run('info', '--snapshot', '');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^httpapi: --snapshot: /);
  });

  it('refuses a JSON option that is not JSON, naming it', async () => {
    const { code, stderr } = await run('urlacl', 'add', '--url', 'https://+:443/', '--users', '[{user:1}]');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^httpapi: --users takes JSON/);
  });
});
