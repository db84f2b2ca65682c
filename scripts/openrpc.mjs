// Writes docs/openrpc.json: the OpenRPC document exactly as the built worker answers
// rpc.discover, so clients in other languages can generate bindings without running it.
// test/rpc/openrpc.test.ts fails when the committed file drifts from the worker's answer.
//   node scripts/openrpc.mjs          build the bundle, then write docs/openrpc.json
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = fileURLToPath(new URL('../docs/openrpc.json', import.meta.url));

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const worker = spawn(process.execPath, ['dist/httpapi.js', 'serve'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(worker.stdout), new StreamMessageWriter(worker.stdin));
connection.listen();
const document = await connection.sendRequest('rpc.discover', {});
connection.dispose();
worker.stdin.end();

writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
process.stderr.write(`wrote ${target} (${document.methods.length} methods)\n`);
