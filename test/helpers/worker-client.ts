import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node.js';

/** The repository root and the bundle the tests drive (built once by global-setup.ts). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const bundle = fileURLToPath(new URL('../../dist/httpapi.js', import.meta.url));

export interface WorkerClient {
  /** A real vscode-jsonrpc connection over the worker's stdout/stdin, already listening. */
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  /** Everything the worker has written to stderr so far (its log). */
  stderr(): string;
  /**
   * Closes the worker's stdin (the end-of-session signal) and resolves with its exit code;
   * a worker still running after `timeoutMs` is killed and the promise rejects.
   */
  close(timeoutMs?: number): Promise<number | null>;
}

/**
 * Starts `node dist/httpapi.js serve ...args` and connects a JSON-RPC client to it.
 * Requests go through `connection.sendRequest(method, params)`; a JSON-RPC error rejects
 * with a `ResponseError` carrying `code`, `message` and `data`.
 *
 *   const worker = await startWorker(['--snapshot', 'fixtures/demo-server']);
 *   const info = await worker.connection.sendRequest('server/info', {});
 *   await worker.close();
 */
export async function startWorker(args: readonly string[] = [], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: readonly string[] } = {}): Promise<WorkerClient> {
  // nodeArgs: what node runs instead of the bundle, such as a startup snapshot (--snapshot-blob FILE).
  const child = spawn(process.execPath, [...(options.nodeArgs ?? [bundle]), 'serve', ...args], { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();

  return {
    connection,
    child,
    stderr: () => stderr,
    close: async (timeoutMs = 10_000) => {
      connection.dispose();
      child.stdin.end();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          child.kill();
          reject(new Error(`worker did not exit within ${timeoutMs} ms of stdin closing; stderr:\n${stderr}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
