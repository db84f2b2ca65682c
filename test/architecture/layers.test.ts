import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FindingCodes } from '../../src/finding-codes.js';

/**
 * The layering the product owner insists on, checked on the source text: transport (src/rpc,
 * vscode-jsonrpc) -> handlers -> domain, never backwards; stdout belongs to the JSON-RPC framer.
 * The contract (src/protocol: schemas, method definitions, the implementation signature and
 * registry type) sits beneath both the runtime that runs it (src/rpc) and the handlers.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const src = path.join(root, 'src');

const domain = ['src/iis/', 'src/httpsys/', 'src/certs/', 'src/join/', 'src/source/', 'src/snapshot/', 'src/changes/', 'src/process/', 'src/text/', 'src/errors.ts', 'src/finding-codes.ts'];
/** Folders above the contract: src/protocol imports none of them. */
const aboveContract = ['src/rpc/', 'src/handlers/', 'src/cli/', 'src/dsc/'];
/** Where sources live and how they are read sits beneath the readers of what they hold. */
const aboveSources = ['src/iis/', 'src/httpsys/', 'src/certs/', 'src/join/', 'src/changes/', 'src/snapshot/'];
/** The one module that declares finding codes. */
const findingCatalog = 'src/finding-codes.ts';
/** The transport owns stdout: the one place outside src/cli allowed to name it (as the writer's stream). */
const stdoutOwners = new Set(['src/rpc/server.ts']);

interface SourceFile {
  file: string;
  text: string;
}

function sourceFiles(dir = src): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    if (!/\.(ts|mts|js|mjs)$/.test(entry.name)) return [];
    return [{ file: path.relative(root, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

/** Static imports, re-exports, dynamic import() and require() with a literal specifier. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
}

/** What an import points at: a repository path for a relative one, the package name otherwise. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

function layerViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    const isDomain = domain.some((prefix) => file === prefix || file.startsWith(prefix));
    const isHandler = file.startsWith('src/handlers/');
    for (const specifier of importsOf(text)) {
      const to = target(file, specifier);
      const jsonRpc = to === 'vscode-jsonrpc' || to.startsWith('vscode-jsonrpc/');
      if (isDomain && (jsonRpc || to.startsWith('src/rpc/') || to.startsWith('src/handlers/') || to.startsWith('src/cli/') || to.startsWith('src/protocol/'))) {
        problems.push(`${file} (domain) imports ${specifier}`);
      }
      if (isHandler && jsonRpc) problems.push(`${file} (handler) imports ${specifier}: handlers never see the transport`);
      if (isHandler && (to.startsWith('src/rpc/') || to.startsWith('src/cli/') || to.startsWith('src/dsc/'))) problems.push(`${file} (handler) imports ${specifier}: handlers know the contract, not what runs it`);
      if (file.startsWith('src/protocol/') && (jsonRpc || aboveContract.some((folder) => to.startsWith(folder)))) problems.push(`${file} (contract) imports ${specifier}: the contract sits beneath what runs it`);
      if (file.startsWith('src/source/') && aboveSources.some((folder) => to.startsWith(folder))) problems.push(`${file} (sources) imports ${specifier}: source resolution sits beneath the readers`);
      if (file.startsWith('src/rpc/') && to.startsWith('src/handlers/')) problems.push(`${file} (runtime) imports ${specifier}: the dispatcher is given the implementations`);
    }
  }
  return problems;
}

/**
 * Processes start in src/process only (argv, no shell, hidden window, time limit, tree kill):
 * no value import of child_process or execa elsewhere; a type-only import starts nothing.
 */
function processViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    if (file.startsWith('src/process/')) continue;
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      let specifier: ts.Expression | undefined;
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) specifier = node.moduleSpecifier;
      else if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
      else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) specifier = node.arguments[0];
      if (specifier && ts.isStringLiteral(specifier) && /^(node:)?child_process$|^execa(\/|$)/.test(specifier.text)) problems.push(`${file} imports ${specifier.text}: run processes through src/process/run-process.ts`);
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return problems;
}

/**
 * A finding's code is declared once, in the catalog: an object literal with a `severity` and a
 * literal `code` (how every finding is built) must name a code the catalog has.
 */
function findingViolations(files: readonly SourceFile[], catalog: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    if (file === findingCatalog) continue;
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) => node.properties.find((member) => ts.isPropertyAssignment(member) && member.name.getText(tree) === name) as ts.PropertyAssignment | undefined;
        const code = property('code');
        let value = code?.initializer;
        while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value))) value = value.expression;
        if (property('severity') && value && ts.isStringLiteral(value) && !catalog.has(value.text)) {
          const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
          problems.push(`${file}:${line} raises finding code ${value.text}, which ${findingCatalog} does not declare`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return problems;
}

/** console.log/info/debug (they go to stdout) and any use of process.stdout, found in the syntax tree. */
function stdoutViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    if (file.startsWith('src/cli/') || stdoutOwners.has(file)) continue;
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const object = node.expression.getText(tree);
        const member = ts.isPropertyAccessExpression(node) ? node.name.text : node.argumentExpression.getText(tree).replace(/['"`]/g, '');
        const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
        if (object === 'console' && ['log', 'info', 'debug', 'dir', 'table', 'trace'].includes(member)) problems.push(`${file}:${line} calls console.${member} (stdout)`);
        if (/^(globalThis\.)?process$/.test(object) && member === 'stdout') problems.push(`${file}:${line} uses process.stdout`);
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return problems;
}

describe('layers', () => {
  const files = sourceFiles();

  it('finds the source tree', () => {
    expect(files.map((file) => file.file)).toEqual(expect.arrayContaining(['src/errors.ts', 'src/rpc/dispatcher.ts', 'src/handlers/server.ts']));
  });

  it('domain code (iis, httpsys, certs, join, source, changes, process, errors.ts, finding-codes.ts) imports neither vscode-jsonrpc, src/rpc, src/protocol, src/handlers nor src/cli', () => {
    expect(layerViolations(files.filter((file) => !file.file.startsWith('src/handlers/')))).toEqual([]);
  });

  it('handlers import neither vscode-jsonrpc nor the runtime (src/rpc), the CLI or DSC', () => {
    expect(layerViolations(files.filter((file) => file.file.startsWith('src/handlers/')))).toEqual([]);
  });

  it('the contract (src/protocol) imports neither the runtime, the handlers, the CLI nor vscode-jsonrpc; src/rpc is given the handlers', () => {
    expect(layerViolations(files.filter((file) => file.file.startsWith('src/protocol/') || file.file.startsWith('src/rpc/')))).toEqual([]);
  });

  it('source resolution (src/source) imports none of the readers above it', () => {
    expect(layerViolations(files.filter((file) => file.file.startsWith('src/source/')))).toEqual([]);
  });

  it('no module outside src/process starts a process itself', () => {
    expect(processViolations(files)).toEqual([]);
  });

  it('every finding raised names a code of the catalog', () => {
    expect(findingViolations(files, new Set(Object.keys(FindingCodes)))).toEqual([]);
  });

  it('nothing outside src/cli writes to stdout (the worker\'s stdout carries frames only)', () => {
    expect(stdoutViolations(files)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch every kind of import into a forbidden layer', () => {
    const planted: SourceFile[] = [
      { file: 'src/iis/a.ts', text: "import { RpcError } from '../rpc/rpc-error.js';" },
      { file: 'src/join/b.ts', text: "export { x } from '../handlers/index.js';" },
      { file: 'src/certs/c.ts', text: "const m = await import('vscode-jsonrpc/node.js');" },
      { file: 'src/errors.ts', text: "import type { Dispatch } from './rpc/dispatcher.js';" },
      { file: 'src/source/d.ts', text: "import './../cli/table.js';" },
      { file: 'src/handlers/e.ts', text: "import { ResponseError } from 'vscode-jsonrpc';" },
      { file: 'src/iis/fine.ts', text: "import { HttpApiError } from '../errors.js';\n// import from '../rpc/x.js' in a comment is fine" },
    ];
    expect(layerViolations(planted)).toHaveLength(6);
  });

  it('catch every upward import between the contract, the runtime, the handlers and the sources', () => {
    const planted: SourceFile[] = [
      { file: 'src/protocol/a.ts', text: "import type { Dispatch } from '../rpc/dispatcher.js';" },
      { file: 'src/protocol/b.ts', text: "import { implementations } from '../handlers/index.js';" },
      { file: 'src/protocol/c.ts', text: "import { ResponseError } from 'vscode-jsonrpc';" },
      { file: 'src/rpc/d.ts', text: "import { implementations } from '../handlers/index.js';" },
      { file: 'src/handlers/e.ts', text: "import { RpcError } from '../rpc/rpc-error.js';" },
      { file: 'src/join/f.ts', text: "import { FindingSchema } from '../protocol/common.js';" },
      { file: 'src/source/g.ts', text: "import { locateConfig } from '../iis/locate-config.js';" },
      { file: 'src/source/fine.ts', text: "import { runProcessSync } from '../process/run-process.js';" },
      { file: 'src/rpc/fine.ts', text: "import { Methods } from '../protocol/index.js';" },
      { file: 'src/handlers/fine.ts', text: "import { implement } from '../protocol/handler.js';" },
      { file: 'src/protocol/fine.ts', text: "import { FindingCodes } from '../finding-codes.js';" },
    ];
    expect(layerViolations(planted)).toHaveLength(7);
  });

  it('catch a process started outside src/process, but not a type or src/process itself', () => {
    const planted: SourceFile[] = [
      { file: 'src/httpsys/a.ts', text: "import { execa } from 'execa';" },
      { file: 'src/certs/b.ts', text: "import { spawn } from 'node:child_process';" },
      { file: 'src/iis/c.ts', text: "const { execFileSync } = require('child_process');" },
      { file: 'src/join/d.ts', text: "const m = await import('execa');" },
      { file: 'src/certs/fine.ts', text: "import type { ChildProcess } from 'node:child_process';" },
      { file: 'src/process/fine.ts', text: "import { spawn } from 'node:child_process';" },
    ];
    expect(processViolations(planted)).toHaveLength(4);
  });

  it('catch a finding code the catalog lacks, however it is written', () => {
    const catalog = new Set(['KNOWN']);
    const planted: SourceFile[] = [
      { file: 'src/iis/a.ts', text: "findings.push({ code: 'MADE_UP', severity: 'warning', message: '', fix: '' });" },
      { file: 'src/join/b.ts', text: "const f = { severity: 'info' as const, code: 'ALSO_MADE_UP' as const };" },
      { file: 'src/join/fine.ts', text: "findings.push({ code: 'KNOWN', severity: 'error' }); throw Object.assign(e, { code: 'EEXIST' });" },
      { file: 'src/finding-codes.ts', text: "const x = { code: 'DECLARED_HERE', severity: 'info' };" },
    ];
    expect(findingViolations(planted, catalog)).toHaveLength(2);
  });

  it('catch stdout writes but not comments, strings or stderr', () => {
    const planted: SourceFile[] = [
      { file: 'src/iis/a.ts', text: 'console.log("x");' },
      { file: 'src/join/b.ts', text: 'process.stdout.write("x");' },
      { file: 'src/httpsys/c.ts', text: 'const out = globalThis.process["stdout"];' },
      { file: 'src/handlers/d.ts', text: 'console.info("x");' },
      { file: 'src/iis/fine.ts', text: '// console.log("x")\nconst s = "process.stdout";\nconsole.error("x");\nprocess.stderr.write("x");' },
      { file: 'src/cli/main.ts', text: 'process.stdout.write("x");' },
    ];
    expect(stdoutViolations(planted)).toHaveLength(4);
  });
});
