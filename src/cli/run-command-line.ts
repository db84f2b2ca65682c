import { once } from 'node:events';
import { main } from './main.js';

/**
 * Runs this process's command line as `httpapi` and sets its exit code: the one start of the
 * bundle (httpapi.ts) and of a worker deserialized from a startup snapshot (startup-entry.ts).
 * `startupScript` is the CommonJS bundle a startup snapshot is built from; a process that itself
 * started from a snapshot has none.
 */
export async function runCommandLine(argv: readonly string[], startupScript: string | undefined): Promise<void> {
  // stdout belongs to the JSON-RPC framer under `serve`: anything a library logs goes to stderr.
  console.log = console.info = console.debug = console.warn = (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`);

  // `httpapi sslcert --json | head -1`: whoever reads stdout has all it wanted, which is success,
  // not a stack trace. Any other write failure still ends the process as an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });

  process.exitCode = await main(argv, {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    write: (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    startupScript,
  });
}
