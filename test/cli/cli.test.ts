import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { version } from '../../src/version.js';
import { bundle, repoRoot, startWorker, type WorkerClient } from '../helpers/worker-client.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/httpapi.js ...args` as a person or a script would run it. */
function httpapi(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd: repoRoot, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function expectOneLineFailure(run: Run, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^httpapi: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

interface ServerInfoResult {
  methods: { name: string; implemented: boolean }[];
}

let worker: WorkerClient;
let info: ServerInfoResult;
beforeAll(async () => {
  worker = await startWorker();
  info = await worker.connection.sendRequest<ServerInfoResult>('server/info', {});
});
afterAll(async () => {
  await worker.close();
});

describe('help', () => {
  it('--help lists every command, the source options and the exit codes, on stdout', async () => {
    const run = await httpapi('--help');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const command of ['serve', ...commands.map((candidate) => candidate.words.join(' '))]) expect(run.stdout).toContain(`\n  ${command} `);
    expect(run.stdout).toContain('--snapshot');
    expect(run.stdout).toContain('Exit codes:');
  });

  it('<command> --help names the JSON-RPC method and its options', async () => {
    const run = await httpapi('sslcert', 'add', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('JSON-RPC method: sslcert/add');
    expect(run.stdout).toMatch(/--kind ipport\|hostnameport\|ccs\|scopedccs \(required\)/);
    expect(run.stdout).toMatch(/--app-id STRING \(required\)/);
    expect(run.stdout).toContain('--what-if');
  });

  it('--version prints the version', async () => {
    const run = await httpapi('--version');
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('failures: exit 1, one line on stderr, no stack', () => {
  it('an unknown command', async () => {
    expectOneLineFailure(await httpapi('sitez'), /unknown command 'sitez'; see httpapi --help/);
  });

  it('an unknown option', async () => {
    expectOneLineFailure(await httpapi('sites', '--verbose'), /unknown option --verbose/);
  });

  it('serve with an unknown option does not start a worker', async () => {
    expectOneLineFailure(await httpapi('serve', '--snapshoot', 'fixtures/demo-server'), /unknown option --snapshoot/);
  });

  it('an option without its value', async () => {
    expectOneLineFailure(await httpapi('sites', '--site'), /--site needs a value/);
  });

  it('a stray argument', async () => {
    expectOneLineFailure(await httpapi('sites', 'Default Web Site'), /unexpected argument 'Default Web Site'/);
  });

  it('a param that fails validation is named by its option', async () => {
    expectOneLineFailure(await httpapi('sites', '--site', ''), /^httpapi: --site: /);
  });

  it('every invalid param is named, by option, on the one line', async () => {
    const run = await httpapi('sslcert', 'add', '--kind', 'ipport', '--key', '0.0.0.0:443', '--certificate-hash', 'xyz', '--app-id', 'nope');
    expectOneLineFailure(run, /--certificate-hash: must be a SHA-1 thumbprint.*; --app-id: must be a GUID/);
  });

  it('a number option given a word', async () => {
    expectOneLineFailure(await httpapi('binding', 'add', '--site', 'a', '--protocol', 'https', '--port', 'https'), /--port: .*expected number/);
  });

  it('a method that cannot run says why (no source off Windows)', async () => {
    expectOneLineFailure(await httpapi('sites'), /No source for the IIS configuration/);
  });

  it('--debug adds the stack trace', async () => {
    const run = await httpapi('sitez', '--debug');
    expect(run.code).toBe(1);
    const [first, ...rest] = run.stderr.trimEnd().split('\n');
    expect(first).toBe("httpapi: unknown command 'sitez'; see httpapi --help");
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.slice(1).every((line) => /^\s+at /.test(line))).toBe(true);
  });

  it('--debug adds the stack for a validation failure too', async () => {
    const run = await httpapi('sites', '--site', '', '--debug');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^httpapi: --site: [^\n]+\n/);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('output', () => {
  it('--json prints exactly the method\'s result', async () => {
    const run = await httpapi('info', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(await worker.connection.sendRequest('server/info', {}));
    expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`);
  });

  it('--json with a source option prints the result for that source', async () => {
    const run = await httpapi('info', '--snapshot', '/tmp/snap', '--json');
    expect(JSON.parse(run.stdout)).toEqual(await worker.connection.sendRequest('server/info', { source: { snapshot: '/tmp/snap' } }));
  });

  it('--json prints exactly the result of each implemented reading method, for the demo server', async () => {
    const reads = commands.filter((command) => ['sites/list', 'sslcert/list', 'urlacl/list'].includes(command.definition.method));
    const implemented = reads.filter((command) => info.methods.some((method) => method.name === command.definition.method && method.implemented));
    await Promise.all(
      implemented.map(async (command) => {
        const run = await httpapi(...command.words, '--snapshot', 'fixtures/demo-server', '--json');
        expect(run.stderr, command.words.join(' ')).toBe('');
        expect(JSON.parse(run.stdout)).toEqual(await worker.connection.sendRequest(command.definition.method, { source: { snapshot: 'fixtures/demo-server' } }));
      }),
    );
  });

  it('info without --json says who answers (version, platform, Node.js), what it would read, then a table of the methods', async () => {
    const run = await httpapi('info', '--snapshot', 'fixtures/demo-server');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`HttpApi ${version} on ${process.platform} (Node.js ${process.version})`);
    expect(run.stdout).toMatch(/^ {2}configuration: +\S*fixtures\/demo-server\/applicationHost\.config \(snapshot\)$/m);
    expect(run.stdout).toMatch(/^ {2}http\.sys: +captures: \S*sslcert\.txt, \S*urlacl\.txt$/m);
    const header = lines.findIndex((line) => /^Method\s+Implemented\s+Changes\s+Summary$/.test(line));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^-+\s+-+/);
    expect(lines.slice(header + 2).map((line) => line.split(/\s+/)[0])).toEqual(info.methods.map((method) => method.name));
  });
});
