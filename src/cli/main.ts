import { createDispatcher } from '../rpc/dispatcher.js';
import { RpcError, invalidParams } from '../rpc/rpc-error.js';
import { SourceSchema } from '../rpc/protocol/index.js';
import { runWorker } from '../rpc/server.js';
import { implementations } from '../handlers/index.js';
import { isHttpApiError } from '../errors.js';
import type { SourceSpec } from '../source/source-spec.js';
import { runDscCommand } from '../dsc/dsc-command.js';
import { version } from '../version.js';
import { commands, findCommand, type Command } from './commands.js';
import { parseArgs, usage } from './parse-args.js';
import { kebab, optionsFromSchema, type CliOption } from './schema-options.js';

/** Source options as the CLI spells them: the SourceSchema fields, plus the contract's short names. */
const sourceOptions = optionsFromSchema(SourceSchema);
const sourceAliases: Record<string, string> = { config: 'config-path', netsh: 'netsh-path' };
const globalOptions: CliOption[] = [
  { field: 'json', flag: 'json', type: 'boolean', required: false, description: 'Print the method\'s result as JSON.' },
  { field: 'debug', flag: 'debug', type: 'boolean', required: false, description: 'Print stack traces on failure.' },
  { field: 'help', flag: 'help', type: 'boolean', required: false },
];
const notParams = new Set(['source', 'progressToken']);

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs one command line; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (argv[0] === '--version') {
      io.stdout(version);
      return 0;
    }
    if (argv[0] === 'dsc') return await runDscCommand(argv.slice(1), { ...io, readStdin });
    if (argv[0] === 'serve') {
      const { values } = parseArgs(argv.slice(1), [...sourceOptions, ...globalOptions], sourceAliases);
      await runWorker({ dispatch: createDispatcher(implementations, pickSource(values)) });
      return 0;
    }
    const found = findCommand(argv);
    if (!found) throw usage(`unknown command '${argv[0]}'`);
    const { command, rest } = found;
    const paramOptions = optionsFromSchema(command.definition.params, notParams);
    const { values, positionals } = parseArgs(rest, [...paramOptions, ...sourceOptions, ...globalOptions], sourceAliases);
    debug = values.debug === true;
    if (values.help) {
      io.stdout(commandHelp(command, paramOptions));
      return 0;
    }
    if (positionals.length > 0) throw usage(`unexpected argument '${positionals[0]}'`);
    const params = Object.fromEntries(paramOptions.filter((option) => option.field in values).map((option) => [option.field, values[option.field]]));
    const dispatch = createDispatcher(implementations, pickSource(values));
    const result = await dispatch(command.definition.method, params);
    io.stdout(values.json ? JSON.stringify(result, null, 2) : command.format(result as never));
    return command.exitCode?.(result as never) ?? 0;
  } catch (error) {
    io.stderr(`httpapi: ${describeError(error)}`);
    if (debug && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The source options, checked by the same schema as a request's `source`. */
function pickSource(values: Record<string, unknown>): SourceSpec {
  const picked = Object.fromEntries(sourceOptions.filter((option) => option.field in values).map((option) => [option.field, values[option.field]]));
  const parsed = SourceSchema.safeParse(picked);
  if (!parsed.success) throw invalidParams('source', parsed.error);
  return parsed.data;
}

function describeError(error: unknown): string {
  if (error instanceof RpcError) {
    const issues = (error.data?.issues as { path: string; message: string }[] | undefined) ?? [];
    // The CLI speaks in options, not params fields.
    if (issues.length > 0) return issues.map((issue) => `--${issue.path.split('.').map(kebab).join('.')}: ${issue.message}`).join('; ');
    return error.message;
  }
  if (isHttpApiError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function helpText(): string {
  const lines = [
    `httpapi ${version}: IIS HTTPS bindings joined with http.sys certificate mappings.`,
    '',
    'Usage: httpapi <command> [options] [--json]',
    '',
    'Commands:',
    '  serve                     JSON-RPC 2.0 over stdin/stdout (Content-Length framing)',
    '  dsc                       DSC v3 resources HttpsBinding, SslCertMapping, UrlReservation (httpapi dsc for usage)',
    ...commands.map((command) => `  ${command.words.join(' ').padEnd(26)}${command.definition.summary}`),
    '',
    'Source options (every command):',
    ...sourceOptions.map((option) => `  --${option.flag}${option.type === 'boolean' ? '' : ' VALUE'}`.padEnd(28) + (option.description ?? '')),
    '  --config FILE, --netsh PATH are short for --config-path and --netsh-path.',
    '',
    'Exit codes: 0 success, 2 diagnose found errors, 1 failure (one line on stderr; --debug adds the stack).',
    'httpapi <command> --help lists the command\'s options.',
  ];
  return lines.join('\n');
}

function commandHelp(command: Command, options: CliOption[]): string {
  const describeOption = (option: CliOption) =>
    (
      `  --${option.flag}${option.type === 'boolean' ? '' : ` ${option.choices ? option.choices.join('|') : option.type.toUpperCase()}`}${option.required ? ' (required)' : ''}`.padEnd(40) +
      (option.description ?? '')
    ).trimEnd();
  return [
    `httpapi ${command.words.join(' ')}: ${command.definition.summary}`,
    `JSON-RPC method: ${command.definition.method}`,
    '',
    'Options:',
    ...options.map(describeOption),
    ...globalOptions.filter((option) => option.field !== 'help').map(describeOption),
    '',
    'Source options:',
    ...sourceOptions.map(describeOption),
    '  (--config FILE and --netsh PATH are short for --config-path and --netsh-path.)',
  ].join('\n');
}
