import { implementations } from '../handlers/index.js';
import { createDispatcher } from '../rpc/dispatcher.js';
import { RpcError } from '../rpc/rpc-error.js';
import { dscExitCodeFor } from './dsc-exit-codes.js';
import { dscOperations, runDscOperation, type DscOperation, type DscOutput } from './dsc-operations.js';
import { dscResources } from './dsc-resources.js';
import { resourceManifest } from './resource-manifest.js';

export interface DscIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of stdin, where DSC writes the instance (`input: "stdin"`). */
  readStdin: () => Promise<string>;
}

const usage = `usage: httpapi dsc <${dscResources.map((resource) => resource.name).join('|')}> <${dscOperations.join('|')}> [--what-if] [--input JSON]
       httpapi dsc manifest <resource>     print the resource's DSC v3 manifest
The instance is JSON on stdin (or --input); state goes to stdout as JSON Lines, messages to stderr as DSC trace lines.`;

class UsageError extends Error {}

/**
 * `httpapi dsc ...`, the command DSC v3 runs for HttpApi's resources. stdout carries only the
 * JSON Lines DSC reads; every message is a trace line (`{"error":...}`, `{"info":...}`) on stderr.
 */
export async function runDscCommand(argv: readonly string[], io: DscIo): Promise<number> {
  const output: DscOutput = {
    line: (value) => io.stdout(JSON.stringify(value)),
    trace: (level, message) => io.stderr(JSON.stringify({ [level]: message })),
  };
  try {
    const [name, operation, ...rest] = argv;
    // A person asking (no resource, or --help) gets the usage as text; dsc itself always names one.
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(usage);
      return name === undefined ? 2 : 0;
    }
    if (name === 'manifest') {
      io.stdout(JSON.stringify(resourceManifest(findResource(operation)), null, 2));
      return 0;
    }
    const resource = findResource(name);
    if (!dscOperations.includes(operation as DscOperation)) throw new UsageError(`unknown operation '${operation ?? ''}'`);
    let whatIf = false;
    let inputText: string | undefined;
    for (let index = 0; index < rest.length; index++) {
      if (rest[index] === '--what-if') whatIf = true;
      else if (rest[index] === '--input' && index + 1 < rest.length) inputText = rest[++index];
      else throw new UsageError(`unexpected argument '${rest[index]}'`);
    }
    if (whatIf && operation !== 'set') throw new UsageError('--what-if applies to set only');
    inputText ??= await io.readStdin();
    const input: unknown = inputText.trim() === '' ? undefined : JSON.parse(inputText);
    if (input === undefined && operation !== 'export') throw new UsageError(`${operation} needs the instance as JSON on stdin or --input`);
    await runDscOperation(resource, operation as DscOperation, input, { whatIf, dispatch: createDispatcher(implementations, {}), output });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.trace('error', `${error.message}\n${usage}`);
      return 2;
    }
    output.trace('error', describe(error));
    return dscExitCodeFor(error);
  }
}

function findResource(name: string | undefined) {
  const resource = dscResources.find((candidate) => candidate.name === name || candidate.type === name);
  if (!resource) throw new UsageError(`unknown resource '${name ?? ''}'`);
  return resource;
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `The input is not JSON: ${error.message}`;
  if (error instanceof RpcError) {
    const issues = (error.data?.issues as { path: string; message: string }[] | undefined) ?? [];
    return issues.length > 0 ? `${error.message.split(':')[0]}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
