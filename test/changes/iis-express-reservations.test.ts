import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { netshDouble } from '../httpsys/double.js';
import { copyServer, DEV, IIS_EXPRESS, json, removeWrappers, type Server } from './demo-server.js';

// IIS Express URL reservations follow its bindings: a real Visual Studio IIS Express file (corpus
// 051) changed through the CLI and JSON-RPC with the netsh double, behind a netsh that logs every
// call (and fails the ones named), so the log proves what ran and what was undone.
const corpus051 = 'fixtures/corpus/applicationhost/051.config';
const EVERYONE = 'D:(A;;GX;;;WD)';

let server: Server;
let worker: WorkerClient | undefined;
beforeEach(() => {
  server = copyServer(corpus051, []);
});
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  server.dispose();
});
afterAll(removeWrappers);

type Reservation = { url: string; sddl: string };
const reservations = () => server.double.state().urlacl.map(({ url, sddl }) => ({ url, sddl }));
const reserve = (...urls: Reservation[]) => writeFileSync(server.double.statePath, JSON.stringify({ ...server.double.state(), urlacl: urls.map((reservation) => ({ ...reservation, users: [] })) }));

const site = ['--site', 'WebApplication1'];
const add = (args: string[], netsh?: string) => server.cli(['binding', 'add', ...site, ...args, '--json'], netsh);
const remove = (bindingInformation: string, protocol: string, netsh?: string) => server.cli(['binding', 'remove', ...site, '--protocol', protocol, '--binding-information', bindingInformation, '--json'], netsh);

describe('IIS Express: a binding beyond localhost brings its URL reservation', () => {
  it('a named host is reserved by SDDL before the file names it, and removing the binding removes the reservation', () => {
    const { netsh, changeCalls } = server.loggingNetsh();
    const added = json(add(['--protocol', 'http', '--port', '8080', '--host', 'devbox'], netsh));
    expect(added.steps.map((step) => step.kind)).toEqual(['netsh', 'config']);
    expect(changeCalls()).toEqual([`http add urlacl url=http://devbox:8080/ sddl=${EVERYONE}`]);
    expect(reservations()).toEqual([{ url: 'http://devbox:8080/', sddl: EVERYONE }]);

    const removed = json(remove('*:8080:devbox', 'http', netsh));
    expect(removed.steps.map((step) => step.kind)).toEqual(['config', 'netsh']);
    expect(changeCalls().at(-1)).toBe('http delete urlacl url=http://devbox:8080/');
    expect(reservations()).toEqual([]);
    expect(server.bytes().equals(server.original)).toBe(true);
  });

  it('an empty host listens on every name: http://*:PORT/ is reserved', () => {
    const added = json(add(['--protocol', 'http', '--port', '8081']));
    expect(added.steps[0]).toMatchObject({ kind: 'netsh', argv: ['http', 'add', 'urlacl', 'url=http://*:8081/', `sddl=${EVERYONE}`] });
    expect(reservations()).toEqual([{ url: 'http://*:8081/', sddl: EVERYONE }]);
  });

  it('localhost needs none, and an existing wildcard reservation is enough (no netsh step)', () => {
    reserve({ url: 'http://+:8082/', sddl: 'D:(A;;GX;;;BU)' });
    const { netsh, changeCalls } = server.loggingNetsh();
    expect(json(add(['--protocol', 'http', '--port', '8083', '--host', 'localhost'], netsh)).steps.map((step) => step.kind)).toEqual(['config']);
    const covered = json(add(['--protocol', 'http', '--port', '8082', '--host', 'devbox'], netsh));
    expect(covered.steps.map((step) => step.kind)).toEqual(['config']);
    expect(covered.messages).toContainEqual('URL reservation http://+:8082/ already lets IIS Express listen on http://devbox:8082/: no netsh step.');
    // Removing it leaves the wildcard: it was not made for this binding.
    json(remove('*:8082:devbox', 'http', netsh));
    expect(changeCalls()).toEqual([]);
    expect(reservations()).toEqual([{ url: 'http://+:8082/', sddl: 'D:(A;;GX;;;BU)' }]);
  });

  it('a reservation another binding still needs is kept until the last one goes', () => {
    json(add(['--protocol', 'http', '--port', '8084', '--host', 'devbox']));
    const second = json(add(['--protocol', 'http', '--address', '127.0.0.1', '--port', '8084', '--host', 'devbox']));
    expect(second.steps.map((step) => step.kind)).toEqual(['config']);
    expect(json(remove('*:8084:devbox', 'http')).steps.map((step) => step.kind)).toEqual(['config']);
    expect(reservations()).toEqual([{ url: 'http://devbox:8084/', sddl: EVERYONE }]);
    expect(json(remove('127.0.0.1:8084:devbox', 'http')).steps.map((step) => step.kind)).toEqual(['config', 'netsh']);
    expect(reservations()).toEqual([]);
  });

  it('a reservation of that URL with another access list is kept when the binding goes, and the answer says why', () => {
    reserve({ url: 'http://devbox:8086/', sddl: 'D:(A;;GX;;;BU)' });
    json(add(['--protocol', 'http', '--port', '8086', '--host', 'devbox']));
    const removed = json(remove('*:8086:devbox', 'http'));
    expect(removed.steps.map((step) => step.kind)).toEqual(['config']);
    expect(removed.messages).toContainEqual(expect.stringContaining('URL reservation http://devbox:8086/ is kept: no binding needs it any more, but its access list (D:(A;;GX;;;BU))'));
    expect(reservations()).toEqual([{ url: 'http://devbox:8086/', sddl: 'D:(A;;GX;;;BU)' }]);
  });
});

describe('IIS Express: a failed last step undoes everything', () => {
  it('an https binding beyond localhost: mapping, reservation, then the file; the file write fails and the log shows both undone', () => {
    const touch = JSON.stringify(server.config);
    const { netsh, changeCalls } = server.loggingNetsh(`if (args[1] === 'add' && args[2] === 'urlacl') fs.appendFileSync(${touch}, '<!-- saved by someone else -->\\r\\n');`);
    const run = add(['--protocol', 'https', '--port', '44390', '--host', 'devbox', '--certificate-hash', DEV], netsh);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/changed on disk|changed since it was read/i);
    expect(changeCalls()).toEqual([
      `http add sslcert ipport=0.0.0.0:44390 certhash=${DEV} appid=${IIS_EXPRESS} certstorename=MY`,
      `http add urlacl url=https://devbox:44390/ sddl=${EVERYONE}`,
      'http delete urlacl url=https://devbox:44390/',
      'http delete sslcert ipport=0.0.0.0:44390',
    ]);
    expect(server.records()).toEqual([]);
    expect(reservations()).toEqual([]);
  });

  it('through JSON-RPC: removing the last binding that needed the reservation, whose deletion fails: the file is put back', async () => {
    json(add(['--protocol', 'http', '--port', '8085', '--host', 'devbox']));
    const before = server.bytes();
    const { netsh, changeCalls } = server.loggingNetsh(`if (args[1] === 'delete' && args[2] === 'urlacl') process.env.HTTPAPI_NETSH_ELEVATED = '0';`);
    worker = await startWorker([], { env: { ...process.env, ...server.double.env } });
    const source = { configPath: server.config, netshPath: netsh, certsDir: 'fixtures/demo-server/certs' };
    const error = await worker.connection.sendRequest('bindings/remove', { site: 'WebApplication1', protocol: 'http', bindingInformation: '*:8085:devbox', source }).then(
      () => undefined,
      (failure: unknown) => failure as ResponseError<Record<string, unknown>>,
    );
    expect(error?.data).toMatchObject({ id: 'CHANGE_ROLLED_BACK', rolledBack: true, failedStep: { index: 2, description: expect.stringContaining('URL reservation step') } });
    expect(changeCalls()).toEqual(['http delete urlacl url=http://devbox:8085/']);
    expect(server.bytes().equals(before)).toBe(true);
    expect(reservations()).toEqual([{ url: 'http://devbox:8085/', sddl: EVERYONE }]);
  });

  it('a refusal comes before any netsh change: a duplicate binding reserves nothing', () => {
    const { netsh, changeCalls } = server.loggingNetsh();
    const run = add(['--protocol', 'https', '--port', '44384', '--host', 'localhost'], netsh);
    expect(run.status).not.toBe(0);
    expect(changeCalls()).toEqual([]);
    expect(reservations()).toEqual([]);
  });
});

describe('IIS Express: a change killed after its reservation step is found and repaired by recovery', () => {
  for (const apply of ['undo', 'finish'] as const) {
    it(`recover sees the reservation done and the file not, and --apply ${apply} ${apply === 'undo' ? 'deletes the reservation' : 'writes the file'}`, () => {
      const args = ['binding', 'add', ...site, '--protocol', 'http', '--port', '8087', '--host', 'devbox', '--config', server.config, '--netsh', netshDouble];
      const killed = spawnSync(process.execPath, ['dist/httpapi.js', ...args], { encoding: 'utf8', env: { ...process.env, HTTPAPI_TEST_CRASH_AT: 'step-1' } });
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const seen = json(server.cli(['recover', '--json'])) as unknown as { interrupted: boolean; steps: { kind: string; state: string; detail: string }[] };
      expect(seen.interrupted).toBe(true);
      expect(seen.steps.map(({ kind, state, detail }) => ({ kind, state, detail }))).toEqual([
        { kind: 'netsh', state: 'done', detail: 'URL http://devbox:8087/ is reserved' },
        { kind: 'config', state: 'not done', detail: expect.stringContaining('holds the content from before the change') },
      ]);
      json(server.cli(['recover', '--apply', apply, '--json']));
      expect(existsSync(`${server.config}.httpapi-journal.json`)).toBe(false);
      if (apply === 'undo') {
        expect(reservations()).toEqual([]);
        expect(server.bytes().equals(server.original)).toBe(true);
      } else {
        expect(reservations()).toEqual([{ url: 'http://devbox:8087/', sddl: EVERYONE }]);
        expect(server.bytes().toString('utf8')).toContain('bindingInformation="*:8087:devbox"');
      }
    });
  }
});
