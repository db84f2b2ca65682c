#!/usr/bin/env node
import { main } from './main.js';

// stdout belongs to the JSON-RPC framer under `serve`: anything a library logs goes to stderr.
console.log = console.info = console.debug = console.warn = (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`);

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
