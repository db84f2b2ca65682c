import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { netshDouble } from '../httpsys/double.js';
import { copyServer, json, removeWrappers, withLineAfter, withoutLine, WWW, type Server } from './demo-server.js';

// SIGKILL at every step of bindings/add and bindings/remove (issue 10): the worker is killed by
// HTTPAPI_TEST_CRASH_AT (the worker kills itself at that point, like a power cut) or by its own
// netsh child, which then completes its change after the worker is gone. What is left must hold
// no partial file under a real name, and `httpapi recover` must report it and repair it both ways.

type State = 'done' | 'not done';
interface Recovery {
  interrupted: boolean;
  steps: { kind: string; state: string; description: string }[];
  applied?: string;
  removed: string[];
  messages: string[];
  backup?: string;
}

let server: Server;
beforeEach(() => {
  server = copyServer();
});
afterEach(() => server.dispose());
afterAll(removeWrappers);

const ADD_HOST = 'crash.contoso.com';
const addArgs = ['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', ADD_HOST, '--ssl-flags', '1', '--certificate-hash', WWW];
const ADDED_LINE = '                    <binding protocol="https" bindingInformation="*:443:crash.contoso.com" sslFlags="1" />\r\n';
const removeArgs = ['binding', 'remove', '--site', 'Contoso API', '--protocol', 'https', '--binding-information', '*:443:api.contoso.com'];
const REMOVED = 'bindingInformation="*:443:api.contoso.com"';

/** A netsh that kills the worker (its parent) when asked to change something, then carries the change out anyway (or not). */
const killingNetsh = (carryOut: boolean) =>
  server.wrapper(
    carryOut ? 'kill-then-change' : 'kill-instead',
    `if (args[1] !== 'show') { process.kill(process.ppid, 'SIGKILL'); ${carryOut ? "await new Promise((resolve) => setTimeout(resolve, 300));" : 'process.exit(1);'} }`,
  );

function crash(args: string[], how: { at?: string; netsh?: string }) {
  const run = spawnSync(process.execPath, ['dist/httpapi.js', ...args, '--config', server.config, '--netsh', how.netsh ?? netshDouble, '--certs-dir', 'fixtures/demo-server/certs'], {
    encoding: 'utf8',
    env: { ...process.env, ...(how.at ? { HTTPAPI_TEST_CRASH_AT: how.at } : {}) },
  });
  expect(run.signal, run.stderr).toBe('SIGKILL');
  // A netsh child carrying its change out after the worker died: let it finish.
  if (how.netsh) spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 600)']);
}

const recover = (extra: string[] = []) => json(server.cli(['recover', '--json', ...extra])) as unknown as Recovery;

/** Nothing partial under a real name: the configuration is one whole version, every backup is the original, the journal is whole JSON. */
function assertNoPartialFile(allowed: Buffer[]) {
  expect(allowed.some((bytes) => bytes.equals(server.bytes())), 'the configuration is the original or the changed version').toBe(true);
  for (const name of server.others()) {
    const file = path.join(server.dir, name);
    if (name.endsWith('.bak')) expect(readFileSync(file).equals(server.original), `${name} is the whole original`).toBe(true);
    else if (name.endsWith('.httpapi-journal.json') || name.endsWith('.httpapi-lock')) expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    else expect(name, 'any other file carries a temporary name').toMatch(/^\.applicationHost\.config(\.httpapi-journal\.json)?\.httpapi-\d+-[0-9a-f]{8}\.tmp$/);
  }
}

function assertClean() {
  const again = recover();
  expect(again.interrupted).toBe(false);
  expect(server.others().every((name) => name.endsWith('.bak'))).toBe(true);
}

describe('bindings/add killed at each step (netsh add, then the configuration)', () => {
  const changed = () => withLineAfter(server.original, 'bindingInformation="*:443:www.contoso.com" sslFlags="1" />', ADDED_LINE);
  const cases: [name: string, how: () => { at?: string; netsh?: string }, states: [State, State]][] = [
    ['after the journal, before netsh', () => ({ at: 'journaled' }), ['not done', 'not done']],
    ['while netsh runs, which never changes anything', () => ({ netsh: killingNetsh(false) }), ['not done', 'not done']],
    ['while netsh runs, which outlives the worker and adds the mapping', () => ({ netsh: killingNetsh(true) }), ['done', 'not done']],
    ['after the netsh step', () => ({ at: 'step-1' }), ['done', 'not done']],
    ['after the configuration step, before the journal goes', () => ({ at: 'step-2' }), ['done', 'done']],
  ];

  for (const [name, how, states] of cases) {
    for (const apply of ['undo', 'finish'] as const) {
      it(`${name}: recover reports [${states.join(', ')}] and ${apply === 'undo' ? 'undoes' : 'finishes'} it`, () => {
        crash(addArgs, how());
        assertNoPartialFile([server.original, changed()]);
        expect(server.record(`${ADD_HOST}:443`) !== undefined).toBe(states[0] === 'done');

        const report = recover();
        expect(report.interrupted).toBe(true);
        expect(report.steps.map((step) => [step.kind, step.state])).toEqual([['netsh', states[0]], ['config', states[1]]]);
        expect(report.messages.join(' ')).toContain('step 1 (add mapping hostnameport crash.contoso.com:443');

        const repaired = recover(['--apply', apply]);
        expect(repaired.applied).toBe(apply);
        expect(repaired.steps.map((step) => step.state)).toEqual(apply === 'undo' ? ['not done', 'not done'] : ['done', 'done']);
        if (apply === 'undo') {
          expect(server.bytes().equals(server.original)).toBe(true);
          expect(server.record(`${ADD_HOST}:443`)).toBeUndefined();
        } else {
          expect(server.bytes().equals(changed())).toBe(true);
          expect(server.record(`${ADD_HOST}:443`)?.certhash).toBe(WWW.toLowerCase());
        }
        assertClean();
      });
    }
  }

  it('killed before the journal: no interrupted change, the backup whole, the temporary file removed and named', () => {
    crash(addArgs, { at: 'prepared' });
    assertNoPartialFile([server.original]);
    const temp = server.others().find((name) => name.endsWith('.tmp'));
    expect(temp).toBeDefined();
    const report = recover();
    expect(report.interrupted).toBe(false);
    expect(report.removed).toEqual([path.join(server.dir, temp!)]);
    assertClean();
  });

  it('until recovered, server/info says so and every change is refused with CHANGE_INTERRUPTED', () => {
    crash(addArgs, { at: 'step-1' });
    const info = json(server.cli(['info', '--json'])) as unknown as { source: { notes: string[] } };
    expect(info.source.notes.join(' ')).toMatch(/An earlier change of .*applicationHost\.config was interrupted .*httpapi recover/);
    const refused = server.cli(['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'http', '--port', '81']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/An earlier change of .* was interrupted \(add https binding \*:443:crash\.contoso\.com to site 'Contoso WWW'.*Run `httpapi recover`/);
    const readable = server.cli(['recover']);
    expect(readable.stdout).toMatch(/^Interrupted change: add https binding \*:443:crash\.contoso\.com to site 'Contoso WWW' \(process \d+, started .*\)$/m);
    expect(readable.stdout).toMatch(/^  1\. done     add mapping hostnameport crash\.contoso\.com:443 .*: mapping hostnameport crash\.contoso\.com:443 serves 8A797AEF/m);
    expect(readable.stdout).toMatch(/^  2\. not done add https binding .*: .*applicationHost\.config holds the content from before the change$/m);
    expect(readable.stdout).toContain('Run again with --apply finish (do the steps not done) or --apply undo (undo the steps done).');
    recover(['--apply', 'finish']);
    expect(json(server.cli(['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'http', '--port', '81', '--json'])).applied).toBe(true);
  });
});

describe('bindings/remove killed at each step (the configuration, then netsh delete)', () => {
  const changed = () => withoutLine(server.original, REMOVED);
  const cases: [name: string, how: () => { at?: string; netsh?: string }, states: [State, State]][] = [
    ['after the journal, before the configuration step', () => ({ at: 'journaled' }), ['not done', 'not done']],
    ['after the configuration step', () => ({ at: 'step-1' }), ['done', 'not done']],
    ['while netsh runs, which never changes anything', () => ({ netsh: killingNetsh(false) }), ['done', 'not done']],
    ['while netsh runs, which outlives the worker and deletes the mapping', () => ({ netsh: killingNetsh(true) }), ['done', 'done']],
    ['after the netsh step, before the journal goes', () => ({ at: 'step-2' }), ['done', 'done']],
  ];

  for (const [name, how, states] of cases) {
    for (const apply of ['undo', 'finish'] as const) {
      it(`${name}: recover reports [${states.join(', ')}] and ${apply === 'undo' ? 'undoes' : 'finishes'} it`, () => {
        const before = server.record('api.contoso.com:443');
        crash(removeArgs, how());
        assertNoPartialFile([server.original, changed()]);

        const report = recover();
        expect(report.interrupted).toBe(true);
        expect(report.steps.map((step) => [step.kind, step.state])).toEqual([['config', states[0]], ['netsh', states[1]]]);

        const repaired = recover(['--apply', apply]);
        expect(repaired.steps.map((step) => step.state)).toEqual(apply === 'undo' ? ['not done', 'not done'] : ['done', 'done']);
        if (apply === 'undo') {
          expect(server.bytes().equals(server.original)).toBe(true);
          // Put back as it was: certificate, store, app id.
          expect(server.record('api.contoso.com:443')).toMatchObject({ certhash: before!.certhash, appid: before!.appid, certstorename: before!.certstorename });
        } else {
          expect(server.bytes().equals(changed())).toBe(true);
          expect(server.record('api.contoso.com:443')).toBeUndefined();
        }
        assertClean();
      });
    }
  }
});
