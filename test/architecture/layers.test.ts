import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering the product owner insists on, checked on the source text: transport (src/rpc,
 * vscode-jsonrpc) -> handlers -> domain, never backwards; stdout belongs to the JSON-RPC framer.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const src = path.join(root, 'src');

const domain = ['src/iis/', 'src/httpsys/', 'src/certs/', 'src/join/', 'src/source/', 'src/snapshot/', 'src/changes/', 'src/process/', 'src/errors.ts'];
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
      if (isDomain && (jsonRpc || to.startsWith('src/rpc/') || to.startsWith('src/handlers/') || to.startsWith('src/cli/'))) {
        problems.push(`${file} (domain) imports ${specifier}`);
      }
      if (isHandler && jsonRpc) problems.push(`${file} (handler) imports ${specifier}: handlers never see the transport`);
    }
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

  it('domain code (iis, httpsys, certs, join, source, errors.ts) imports neither vscode-jsonrpc, src/rpc, src/handlers nor src/cli', () => {
    expect(layerViolations(files.filter((file) => !file.file.startsWith('src/handlers/')))).toEqual([]);
  });

  it('handlers never import vscode-jsonrpc', () => {
    expect(layerViolations(files.filter((file) => file.file.startsWith('src/handlers/')))).toEqual([]);
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
