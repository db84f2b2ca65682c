import { execFile } from 'node:child_process';
import { bundle, repoRoot } from '../helpers/worker-client.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/httpapi.js ...args` with stdout a pipe (not a terminal), as a script runs it. */
export function httpapi(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd: repoRoot, env, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

export const demo = ['--snapshot', 'fixtures/demo-server'] as const;
