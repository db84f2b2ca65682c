#!/usr/bin/env node
import { main } from './main.js';

// stdout belongs to the JSON-RPC framer under `serve`: anything a library logs goes to stderr.
console.log = console.info = console.debug = console.warn = (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`);

// `httpapi sslcert --json | head -1`: whoever reads stdout has all it wanted, which is success,
// not a stack trace. Any other write failure still ends the process as an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
process.exitCode = code;
