import { once } from 'node:events';
import { createDispatcher } from '../rpc/dispatcher.js';
import { RpcError, invalidParams } from '../rpc/rpc-error.js';
import { SourceSchema } from '../protocol/index.js';
import { pascalCaseResult } from '../rpc/pascal-case-keys.js';
import { runWorker } from '../rpc/server.js';
import { defaultFrameLimits } from '../rpc/frame-scanner.js';
import { implementations } from '../handlers/index.js';
import { isHttpApiError } from '../errors.js';
import type { SourceSpec } from '../source/source-spec.js';
import { runDscCommand } from '../dsc/dsc-command.js';
import { runStartupSnapshotCommand } from './startup-snapshot.js';
import { version } from '../version.js';
import { inCliWords } from './cli-words.js';
import { jsonChunks } from './json-chunks.js';
import { commands, findCommand, type Command } from './commands.js';
import { parseArgs, usage } from './parse-args.js';
import { kebab, optionsFromSchema, type CliOption } from './schema-options.js';
import type { View } from './view.js';
import { wrapText } from './wrap-text.js';

/** Source options as the CLI spells them: the SourceSchema fields, plus the contract's short names. */
const sourceOptions = optionsFromSchema(SourceSchema);
const sourceAliases: Record<string, string> = { config: 'config-path', netsh: 'netsh-path' };
const globalOptions: CliOption[] = [
  { field: 'json', flag: 'json', type: 'boolean', required: false, description: 'Print the method\'s result as JSON.' },
  { field: 'wide', flag: 'wide', type: 'boolean', required: false, description: 'Do not fit tables and text to the terminal\'s width.' },
  { field: 'debug', flag: 'debug', type: 'boolean', required: false, description: 'Print stack traces on failure.' },
  { field: 'help', flag: 'help', type: 'boolean', required: false, description: 'Show this help (also -h).' },
];
const serveOptions: CliOption[] = [
  {
    field: 'maxMessageBytes',
    flag: 'max-message-bytes',
    type: 'number',
    required: false,
    description: `The largest JSON-RPC message body accepted (default ${defaultFrameLimits.maxMessageBytes}).`,
  },
  { field: 'pascalCase', flag: 'pascal-case', type: 'boolean', required: false, description: 'Answer with PascalCase property names (the PowerShell module asks for them).' },
];
const notParams = new Set(['source', 'progressToken']);

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The terminal's width when stdout is one; undefined (no limit) for a pipe or a file. */
  columns?: number;
  /** Writes text as it is, resolving when the stream can take more; --json is written in pieces through it when given. */
  write?: (text: string) => Promise<void> | void;
  /** The bundle a startup snapshot is built from (startup-snapshot.ts); undefined in a process started from one. */
  startupScript?: string;
}

/** Runs one command line; resolves to the process exit code. */
export async function main(rawArgv: readonly string[], io: CliIo): Promise<number> {
  const argv = rawArgv.map((arg) => (arg === '-h' ? '--help' : arg));
  let debug = argv.includes('--debug');
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
      io.stdout(wrapText(helpText(), io.columns));
      return 0;
    }
    if (argv[0] === '--version') {
      io.stdout(version);
      return 0;
    }
    if (argv[0] === 'dsc') return await runDscCommand(argv.slice(1), { ...io, readStdin });
    if (argv[0] === 'startup-snapshot') return await runStartupSnapshotCommand(argv.slice(1), { stdout: io.stdout, startupScript: io.startupScript });
    if (argv[0] === 'serve') {
      const serveFlags = [...serveOptions, ...globalOptions.filter((option) => option.field === 'debug' || option.field === 'help')];
      const { values, positionals } = parseArgs(argv.slice(1), [...sourceOptions, ...serveFlags], sourceAliases);
      if (values.help) {
        io.stdout(wrapText(serveHelp(serveFlags), io.columns));
        return 0;
      }
      if (positionals.length > 0) throw usage(`unexpected argument '${positionals[0]}'`);
      const dispatch = createDispatcher(implementations, pickSource(values));
      // The transport ends on the input's 'close', which Node never emits for a stdin that is a
      // file (`serve < /dev/null`: fd 0 is not auto-closed); 'end' is the input closing either way.
      await Promise.race([
        runWorker({
          dispatch: values.pascalCase === true ? (method, params, options) => dispatch(method, params, options).then(pascalCaseResult) : dispatch,
          limits: frameLimits(values.maxMessageBytes as number | undefined),
        }),
        once(process.stdin, 'end'),
      ]);
      return 0;
    }
    const found = findCommand(argv);
    if (!found) throw usage(`unknown command '${argv[0]}'`);
    const { command, rest } = found;
    const paramOptions = optionsFromSchema(command.definition.params, notParams);
    const { values, positionals } = parseArgs(rest, [...paramOptions, ...sourceOptions, ...globalOptions], sourceAliases);
    debug = values.debug === true;
    if (values.help) {
      io.stdout(wrapText(commandHelp(command, paramOptions), io.columns));
      return 0;
    }
    if (positionals.length > 0) throw usage(`unexpected argument '${positionals[0]}'`);
    const params = Object.fromEntries(paramOptions.filter((option) => option.field in values).map((option) => [option.field, values[option.field]]));
    const dispatch = createDispatcher(implementations, pickSource(values));
    const result = await dispatch(command.definition.method, params);
    if (values.json) await printJson(io, result);
    else {
      const view: View = { width: values.wide ? undefined : io.columns, now: typeof params.asOf === 'string' ? new Date(params.asOf) : new Date() };
      const text = command.format(result as never, view);
      // A plan's diff and command lines are shown exactly; everything else fits the terminal.
      io.stdout(command.definition.changes ? text : wrapText(text, view.width));
    }
    // A script can tell "ran and found errors" (2) from "could not run" (1), with or without --json.
    return command.findings?.(result as never).some((finding) => finding.severity === 'error') ? 2 : 0;
  } catch (error) {
    io.stderr(`httpapi: ${describeError(error)}`);
    if (debug && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}

/** --json: in pieces of about 64 KB where the process can write them (a large answer is never one string), whole otherwise. */
async function printJson(io: CliIo, result: unknown): Promise<void> {
  if (!io.write) {
    io.stdout(JSON.stringify(result, null, 2));
    return;
  }
  let pending = '';
  for (const chunk of jsonChunks(result)) {
    pending += chunk;
    if (pending.length < 65_536) continue;
    await io.write(pending);
    pending = '';
  }
  await io.write(`${pending}\n`);
}

function frameLimits(maxMessageBytes: unknown) {
  if (maxMessageBytes === undefined) return defaultFrameLimits;
  if (typeof maxMessageBytes !== 'number' || !Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1) {
    throw usage(`--max-message-bytes must be a positive whole number of bytes, not '${String(maxMessageBytes)}'`);
  }
  return { ...defaultFrameLimits, maxMessageBytes };
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
    return inCliWords(error.message);
  }
  if (isHttpApiError(error)) return inCliWords(error.message);
  return error instanceof Error ? error.message : String(error);
}

function helpText(): string {
  const lines = [
    `httpapi ${version}: IIS HTTPS bindings joined with http.sys certificate mappings.`,
    '',
    'Usage: httpapi <command> [options] [--json] [--wide]',
    '',
    'Commands:',
    '  serve [--pascal-case]     JSON-RPC 2.0 over stdin/stdout (Content-Length framing); --pascal-case for PowerShell property names',
    '  dsc                       DSC v3 resources HttpsBinding, SslCertMapping, UrlReservation (httpapi dsc for usage)',
    '  startup-snapshot --out F  Build a startup snapshot for this node: `node --snapshot-blob F serve` starts faster',
    ...commands.map((command) => `  ${command.words.join(' ').padEnd(26)}${command.definition.summary}`),
    '',
    'Source options (every command):',
    ...sourceOptions.map((option) => `  --${option.flag}${option.type === 'boolean' ? '' : ' VALUE'}`.padEnd(28) + (option.description ?? '')),
    '  --config FILE, --netsh PATH are short for --config-path and --netsh-path.',
    '',
    'Tables and text fit the terminal\'s width; --wide (or a pipe) prints them whole.',
    'Exit codes: 0 success; 2 the command ran and reports findings of severity error (sites, bindings,',
    'diagnose); 1 failure, one line on stderr (--debug adds the stack). A name that does not exist',
    '(--site, --key, --url, --thumbprint) fails with NOT_FOUND and the closest names; a filter that',
    'matches nothing (--kind, --store) prints an empty list.',
    'httpapi <command> --help (or -h) lists the command\'s options, with an example.',
  ];
  return lines.join('\n');
}

function describeOption(option: CliOption): string[] {
  const value = option.type === 'boolean' ? '' : ` ${option.choices ? option.choices.join('|') : option.type.toUpperCase()}`;
  const line = `${`  --${option.flag}${value}${option.required ? ' (required)' : ''}`.padEnd(38)}  ${option.description ?? ''}`.trimEnd();
  return option.shape ? [line, `${' '.repeat(6)}shape: ${option.shape}`] : [line];
}

function commandHelp(command: Command, options: CliOption[]): string {
  return [
    `httpapi ${command.words.join(' ')}: ${command.definition.summary}`,
    `JSON-RPC method: ${command.definition.method}`,
    '',
    'Options:',
    ...options.flatMap(describeOption),
    ...globalOptions.filter((option) => option.field !== 'help').flatMap(describeOption),
    ...sourceOptionsHelp(),
    '',
    'Example:',
    `  ${command.example}`,
  ].join('\n');
}

/** Every command takes the source options; their help is the same everywhere. */
function sourceOptionsHelp(): string[] {
  return ['', 'Source options:', ...sourceOptions.flatMap(describeOption), '  (--config FILE and --netsh PATH are short for --config-path and --netsh-path.)'];
}

function serveHelp(options: CliOption[]): string {
  return [
    'httpapi serve: JSON-RPC 2.0 over stdin/stdout with Content-Length framing (as LSP and StreamJsonRpc).',
    'stdout carries frames only, logs go to stderr; the worker exits 0 when stdin closes. The source',
    'options set the default source of every request (a request\'s own `source` is laid over it).',
    '',
    'Options:',
    ...options.filter((option) => option.field !== 'help').flatMap(describeOption),
    ...sourceOptionsHelp(),
    '',
    'Example:',
    '  httpapi serve --snapshot fixtures/demo-server',
  ].join('\n');
}
