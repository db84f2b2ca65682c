#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runCommandLine } from './run-command-line.js';

// The build writes the startup-snapshot bundle beside this one (dist/, or bin/ in the module).
await runCommandLine(process.argv.slice(2), fileURLToPath(new URL('./httpapi-startup.cjs', import.meta.url)));
