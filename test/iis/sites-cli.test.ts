import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResponseError } from 'vscode-jsonrpc';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, repoRoot, startWorker } from '../helpers/worker-client.js';

const corpus = (name: string) => path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/corpus/applicationhost', name);
const scratch = mkdtempSync(path.join(tmpdir(), 'httpapi-sites-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `node dist/httpapi.js ...args`, as a person types it. */
function httpapi(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd: repoRoot, env, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** A copy of a corpus file at a place the layout under test expects. */
function place(corpusName: string, ...where: string[]): string {
  const target = path.join(scratch, ...where);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(corpus(corpusName), target);
  return target;
}

describe('httpapi sites', () => {
  it('--config FILE --json prints the file and the sites with their bindings', async () => {
    const run = await httpapi(['sites', '--config', corpus('004.config'), '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.file).toBe(corpus('004.config'));
    expect(result.sites).toHaveLength(1);
    expect(result.sites[0]).toMatchObject({ name: 'Default Web Site', id: 1 });
    expect(result.sites[0].bindings).toEqual([
      { protocol: 'http', bindingInformation: '*:80:', sslFlags: 0, sslFlagNames: [], unknownSslFlags: 0, line: 182, addressKind: 'any', address: '*', port: 80, host: '', wildcardHost: false },
      { protocol: 'https', bindingInformation: '*:443:aldongrove.100mountain.net', sslFlags: 1, sslFlagNames: ['Sni'], unknownSslFlags: 0, line: 183, addressKind: 'any', address: '*', port: 443, host: 'aldongrove.100mountain.net', wildcardHost: false },
    ]);
    expect(result).toMatchObject({ origin: 'explicit', configKind: 'iis', findings: [] });
  });

  it('prints a table without --json', async () => {
    const run = await httpapi(['sites', '--config', corpus('051.config')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${corpus('051.config')} (IIS Express, explicit)`);
    expect(lines[2]).toMatch(/^Site\s+Id\s+Protocol\s+Binding\s+SSL flags\s+Path$/);
    expect(lines).toContainEqual(expect.stringMatching(/^WebApplication1\s+2\s+http\s+\*:34566:localhost\s+C:\\Users\\khaki\\OneDrive\\Рабочий стол/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+https\s+\*:44384:localhost\s+0$/));
  });

  it('reads a snapshot folder, the per-user IIS Express file and a solution', async () => {
    place('029.config', 'snapshot', 'applicationHost.config');
    const snapshot = JSON.parse((await httpapi(['sites', '--snapshot', path.join(scratch, 'snapshot'), '--json'])).stdout);
    expect(snapshot).toMatchObject({ file: path.join(scratch, 'snapshot', 'applicationHost.config'), origin: 'snapshot', sites: [{ name: 'Default Web Site', id: 1 }] });

    const home = path.join(scratch, 'home');
    const userFile = place('039.config', 'home', 'Documents', 'IISExpress', 'config', 'applicationhost.config');
    const express = JSON.parse((await httpapi(['sites', '--iis-express', '--json'], { ...process.env, HOME: home })).stdout);
    expect(express).toMatchObject({ file: userFile, origin: 'iis-express', configKind: 'iisexpress' });
    expect(express.sites.map((site: { name: string }) => site.name)).toContain('Genomgång');

    const solutionFile = place('061.config', 'solution', '.vs', 'Web', 'config', 'applicationhost.config');
    const solution = JSON.parse((await httpapi(['sites', '--solution', path.join(scratch, 'solution'), '--json'])).stdout);
    expect(solution).toMatchObject({ file: solutionFile, origin: 'solution' });
  });

  it('--site picks one site, and names the others when it is not there', async () => {
    const one = JSON.parse((await httpapi(['sites', '--config', corpus('039.config'), '--site', 'Genomgång', '--json'])).stdout);
    expect(one.sites.map((site: { name: string }) => site.name)).toEqual(['Genomgång']);
    const missing = await httpapi(['sites', '--config', corpus('039.config'), '--site', 'Nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`httpapi: No site named 'Nope' in ${corpus('039.config')}; none is close; there are 5: 'WebSite1', 'WebApplication1', 'Genomgång', 'BlogGenomgång', 'MyBlog'.\n`);
    const typo = await httpapi(['sites', '--config', corpus('039.config'), '--site', 'Genomgang']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(`httpapi: No site named 'Genomgang' in ${corpus('039.config')}; did you mean 'Genomgång'?\n`);
  });

  it('fails on a broken file with one line that names the file, the line and the reason', async () => {
    const run = await httpapi(['sites', '--config', corpus('069.config')]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `httpapi: ${corpus('069.config')} contains git merge-conflict markers (<<<<<<<) at line 166; resolve the merge (keep one side, delete the marker lines) and read it again.\n`,
    });
  });
});

describe('sites/list over JSON-RPC', () => {
  it('answers CONFIG_INVALID (1008) with file, line and reason, and keeps serving', async () => {
    const worker = await startWorker();
    try {
      const failure = await worker.connection.sendRequest('sites/list', { source: { configPath: corpus('073.config') } }).then(
        () => undefined,
        (error: ResponseError<Record<string, unknown>>) => error,
      );
      expect(failure?.code).toBe(1008);
      expect(failure?.data).toMatchObject({ id: 'CONFIG_INVALID', file: corpus('073.config'), line: 28, reason: 'is not well-formed XML at line 28: closing tag </configuration> has no matching start tag' });
      const next = await worker.connection.sendRequest<{ sites: unknown[] }>('sites/list', { source: { configPath: corpus('032.config') } });
      expect(next.sites).toHaveLength(73);
    } finally {
      await worker.close();
    }
  });
});
