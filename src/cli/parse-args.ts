import { HttpApiError } from '../errors.js';
import type { CliOption } from './schema-options.js';

export interface ParsedArgs {
  values: Record<string, unknown>;
  positionals: string[];
}

/**
 * Parses `--flag value`, `--flag=value` and bare boolean flags against the derived options.
 * Values are converted to the option's type; validation proper is left to the zod schema,
 * so the CLI and JSON-RPC report the same errors.
 */
export function parseArgs(argv: readonly string[], options: readonly CliOption[], aliases: Record<string, string> = {}): ParsedArgs {
  const byFlag = new Map(options.map((option) => [option.flag, option]));
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [rawFlag = '', inline] = splitOnce(arg.slice(2), '=');
    const flag = aliases[rawFlag] ?? rawFlag;
    const option = byFlag.get(flag);
    if (!option) throw usage(`unknown option --${rawFlag}`);
    if (option.type === 'boolean') {
      values[option.field] = inline === undefined ? true : parseBoolean(option, inline);
      continue;
    }
    // `--site --json` means a forgotten value, not a site named "--json" (`--site=--json` still is one).
    const value = inline ?? (argv[index + 1]?.startsWith('--') ? undefined : argv[++index]);
    if (value === undefined) throw usage(`--${option.flag} needs a value`);
    values[option.field] = convert(option, value);
  }
  return { values, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function parseBoolean(option: CliOption, value: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw usage(`--${option.flag} takes true or false, not '${value}'`);
}

function convert(option: CliOption, value: string): unknown {
  if (option.type === 'number') {
    const number = Number(value);
    return Number.isFinite(number) && value.trim() !== '' ? number : value;
  }
  if (option.type === 'json') {
    try {
      return JSON.parse(value);
    } catch {
      throw usage(`--${option.flag} takes JSON, and '${value}' is not JSON`);
    }
  }
  return value;
}

export function usage(message: string): HttpApiError {
  return new HttpApiError('INVALID_ARGUMENT', `${message}; see httpapi --help`);
}
