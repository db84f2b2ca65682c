import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const schemaDir = path.join(root, 'fixtures/dsc-schemas');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { $defs?: Record<string, Record<string, unknown>> };

export const manifestSchema = readJson(path.join(schemaDir, 'resource-manifest.json'));
const stdoutSchemas = Object.fromEntries(['get', 'set', 'test', 'export'].map((operation) => [operation, readJson(path.join(schemaDir, `resource-stdout-${operation}.json`))]));

/** ajv with DSC's bundled definitions registered by their ids, so the canonical `_exist` references resolve. */
export function dscAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  for (const [id, schema] of Object.entries(manifestSchema.$defs ?? {})) if (!ajv.getSchema(id)) ajv.addSchema({ ...schema, $id: id });
  return ajv;
}

const ajv = dscAjv();
const validateStdout = Object.fromEntries(Object.entries(stdoutSchemas).map(([operation, schema]) => [operation, ajv.compile(schema)]));

type Manifest = Record<string, unknown> & { type: string; schema: { embedded: Record<string, unknown> } };
export const manifestFiles = readdirSync(path.join(root, 'dsc')).filter((name) => name.endsWith('.dsc.resource.json'));
export function manifest(type: string): Manifest {
  const file = manifestFiles.find((name) => name === `${type.replace('/', '.')}.dsc.resource.json`);
  if (!file) throw new Error(`no manifest for ${type} in dsc/`);
  return readJson(path.join(root, 'dsc', file)) as Manifest;
}

type Invocation = { executable: string; args?: (string | { jsonInputArg: string; mandatory?: boolean })[]; input?: 'stdin' | 'env' };

export interface ResourceRun {
  status: number | null;
  /** stdout, one parsed JSON Line each. */
  lines: unknown[];
  /** stderr trace lines, parsed. */
  traces: Record<string, string>[];
  stderr: string;
}

/**
 * Runs one operation of a resource exactly as DSC does: the manifest's executable (the CLI
 * `httpapi`, here the built bundle under node) with the manifest's args, the instance as JSON on
 * stdin or in the jsonInputArg the manifest names. Checks what DSC checks: stdout against the
 * operation's stdout schema, and every stderr line is a trace line.
 */
export function drive(type: string, operation: 'get' | 'test' | 'set' | 'whatIf' | 'delete' | 'export', instance?: unknown): ResourceRun {
  const invocation = manifest(type)[operation] as Invocation;
  expect(invocation.executable).toBe('httpapi');
  const json = instance === undefined ? '' : JSON.stringify(instance);
  const args = (invocation.args ?? []).flatMap((arg) => (typeof arg === 'string' ? [arg] : json || arg.mandatory ? [arg.jsonInputArg, json] : []));
  const run = spawnSync(process.execPath, [path.join(root, 'dist/httpapi.js'), ...args], { cwd: root, encoding: 'utf8', input: invocation.input === 'stdin' ? json : '' });
  const lines = run.stdout.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
  const traces = run.stderr.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, string>);
  for (const trace of traces) expect(Object.keys(trace).length === 1 && ['error', 'warn', 'info', 'debug', 'trace'].includes(Object.keys(trace)[0]!), run.stderr).toBe(true);
  if (run.status === 0) {
    const schema = operation === 'whatIf' ? 'set' : operation;
    if (operation === 'delete') expect(lines).toEqual([]);
    else for (const line of lines) expect(validateStdout[schema]!(line), `${operation} stdout ${JSON.stringify(line)}: ${ajv.errorsText(validateStdout[schema]!.errors)}`).toBe(true);
  }
  return { status: run.status, lines, traces, stderr: run.stderr };
}

/** The one state line of a successful get/test/set, and the diff line where there is one. */
export function ok(run: ResourceRun): { state: Record<string, unknown>; diff?: string[] } {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return { state: run.lines[0] as Record<string, unknown>, diff: run.lines[1] as string[] | undefined };
}
