import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { netshDouble } from '../httpsys/double.js';
import { copyServer, demoRecords, EXPIRED, removeWrappers, withoutLine, WWW, type DoubleRecord, type Server } from './demo-server.js';

// Issue 20, first bullet: every step of every multi-step change is made to fail in turn, and
// separately its undo; each test asserts the file and the mappings left, the error id and the
// data saying what was done, undone and stuck. A step "fails" through the netsh double itself,
// run not elevated for that one command (its error 5 text comes from the captures), or because
// another program saved the configuration meanwhile (CONFIG_CHANGED_ON_DISK).

let server: Server;
let worker: WorkerClient | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  server.dispose();
});
afterAll(removeWrappers);

interface Rule {
  /** Every one of these must be in the argv. */
  args: string[];
  /** Refuse with error 5 (the double, not elevated). */
  refuse?: boolean;
  /** Append to the configuration first (another program saving it). */
  touch?: boolean;
}

/** A netsh that applies the rules to each command, then lets the double answer. */
function netshWith(name: string, rules: Rule[]): string {
  const touch = JSON.stringify(server.config);
  return server.wrapper(
    name,
    `const rules = ${JSON.stringify(rules)};
for (const rule of rules) {
  if (!rule.args.every((arg) => args.includes(arg))) continue;
  // Once: a command may run more than once (show tries json=enable first).
  if (rule.touch && !fs.readFileSync(${touch}, 'utf8').endsWith('<!-- saved by someone else -->\\r\\n')) fs.appendFileSync(${touch}, '<!-- saved by someone else -->\\r\\n');
  if (rule.refuse) process.env.HTTPAPI_NETSH_ELEVATED = '0';
}`,
  );
}

const TOUCHED = Buffer.from('<!-- saved by someone else -->\r\n');

async function call(method: string, params: Record<string, unknown>, netsh: string): Promise<{ result?: Record<string, unknown>; error?: ResponseError<Record<string, unknown>> }> {
  worker ??= await startWorker([], { env: { ...process.env, ...server.double.env } });
  const source = { configPath: server.config, netshPath: netsh, certsDir: 'fixtures/demo-server/certs' };
  try {
    return { result: (await worker.connection.sendRequest(method, { ...params, source })) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof ResponseError) return { error };
    throw error;
  }
}

const journal = () => `${server.config}.httpapi-journal.json`;
const errorData = (error: ResponseError<Record<string, unknown>> | undefined) => error!.data as Record<string, unknown> & { done: string[]; undone: string[]; stuck: { step: string }[]; manual?: string[]; rolledBack: boolean; id: string };

describe('bindings/add (netsh add, then the configuration)', () => {
  beforeEach(() => {
    server = copyServer();
  });
  const params = { site: 'Contoso WWW', protocol: 'https', port: 443, host: 'shop.contoso.com', sslFlags: 1, certificateHash: WWW };
  const ADD = ['add', 'hostnameport=shop.contoso.com:443'];
  const UNDO = ['delete', 'hostnameport=shop.contoso.com:443'];

  it('step 1 (netsh) fails: its own error, nothing changed, nothing left beside the file', async () => {
    const { error } = await call('bindings/add', params, netshWith('add-fails', [{ args: ADD, refuse: true }]));
    expect(error?.data).toMatchObject({ id: 'NOT_ELEVATED' });
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.record('shop.contoso.com:443')).toBeUndefined();
    expect(server.others()).toEqual([]);
  });

  it('step 2 (the configuration) fails: the mapping is deleted again, and the data says done and undone', async () => {
    const { error } = await call('bindings/add', params, netshWith('config-fails', [{ args: ADD, touch: true }]));
    const data = errorData(error);
    expect(data.id).toBe('CONFIG_CHANGED_ON_DISK');
    expect(data).toMatchObject({ rolledBack: true, stuck: [], failedStep: { index: 2 } });
    expect(data.done).toEqual([expect.stringMatching(/^the mapping step \(add mapping hostnameport shop\.contoso\.com:443/)]);
    expect(data.undone).toEqual([expect.stringMatching(/^the mapping step \(add mapping hostnameport shop\.contoso\.com:443 .*\) was undone$/)]);
    expect(server.bytes().equals(Buffer.concat([server.original, TOUCHED]))).toBe(true);
    expect(server.record('shop.contoso.com:443')).toBeUndefined();
    expect(server.others()).toEqual([]);
  });

  it('step 2 fails and the undo of step 1 fails too: ROLLBACK_FAILED with the state left and the netsh command that finishes it', async () => {
    const { error } = await call('bindings/add', params, netshWith('undo-fails', [{ args: ADD, touch: true }, { args: UNDO, refuse: true }]));
    const data = errorData(error);
    expect(error?.code).toBe(1016);
    expect(data).toMatchObject({ id: 'ROLLBACK_FAILED', rolledBack: false, undone: [], failedStep: { index: 2 } });
    expect(data.stuck).toEqual([expect.objectContaining({ step: expect.stringMatching(/^the mapping step \(add mapping hostnameport shop\.contoso\.com:443/), error: expect.objectContaining({ id: 'NOT_ELEVATED' }) })]);
    expect(data.manual).toEqual(['netsh http delete sslcert hostnameport=shop.contoso.com:443']);
    expect(error?.message).toContain('undoing the steps already done FAILED too. State left: the mapping step (add mapping hostnameport shop.contoso.com:443');
    expect(error?.message).toContain('To finish by hand: netsh http delete sslcert hostnameport=shop.contoso.com:443');
    // Exactly the state the answer describes: the mapping is there, the file is the other program's.
    expect(server.record('shop.contoso.com:443')?.certhash).toBe(WWW.toLowerCase());
    expect(server.bytes().equals(Buffer.concat([server.original, TOUCHED]))).toBe(true);
    expect(existsSync(journal())).toBe(true);
    // The command given finishes it by hand.
    expect(spawnSync(process.execPath, [netshDouble, ...data.manual![0]!.split(' ').slice(1)], { env: { ...process.env, ...server.double.env } }).status).toBe(0);
    expect(server.record('shop.contoso.com:443')).toBeUndefined();
  });
});

describe('bindings/remove (the configuration, then netsh delete)', () => {
  beforeEach(() => {
    server = copyServer();
  });
  const params = { site: 'Contoso API', protocol: 'https', bindingInformation: '*:443:api.contoso.com' };
  const DELETE = ['delete', 'hostnameport=api.contoso.com:443'];
  const original = () => demoRecords().find((record) => record.key === 'api.contoso.com:443')!;

  it('step 1 (the configuration) fails: nothing changed', async () => {
    // Another program saves the file while the mappings are read, before anything is written.
    const { error } = await call('bindings/remove', params, netshWith('config-fails', [{ args: ['show', 'sslcert'], touch: true }]));
    expect(error?.data).toMatchObject({ id: 'CONFIG_CHANGED_ON_DISK' });
    expect(server.bytes().equals(Buffer.concat([server.original, TOUCHED]))).toBe(true);
    expect(server.record('api.contoso.com:443')).toMatchObject({ certhash: original().certhash });
    expect(server.others()).toEqual([]);
  });

  it('step 2 (netsh) fails: the file is put back byte for byte (CHANGE_ROLLED_BACK), the backup kept', async () => {
    const { error } = await call('bindings/remove', params, netshWith('delete-fails', [{ args: DELETE, refuse: true }]));
    const data = errorData(error);
    expect(data).toMatchObject({ id: 'CHANGE_ROLLED_BACK', rolledBack: true, stuck: [], failedStep: { index: 2, argv: ['http', 'delete', 'sslcert', 'hostnameport=api.contoso.com:443'] } });
    expect(data.done).toEqual([expect.stringMatching(/^the configuration step \(remove https binding \*:443:api\.contoso\.com/)]);
    expect(data.undone).toEqual([expect.stringMatching(/applicationHost\.config was put back as it was \(a copy is at .*\.bak\)$/)]);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.record('api.contoso.com:443')).toMatchObject({ certhash: original().certhash });
    expect(server.others()).toEqual([expect.stringMatching(/\.bak$/)]);
    expect(existsSync(journal())).toBe(false);
  });

  it('step 2 fails and putting the file back fails too: ROLLBACK_FAILED naming the backup to copy back', async () => {
    const { error } = await call('bindings/remove', params, netshWith('undo-fails', [{ args: DELETE, refuse: true, touch: true }]));
    const data = errorData(error);
    expect(data).toMatchObject({ id: 'ROLLBACK_FAILED', rolledBack: false, undone: [] });
    expect(data.stuck).toEqual([expect.objectContaining({ step: expect.stringMatching(/^the configuration step/), error: expect.objectContaining({ id: 'CONFIG_CHANGED_ON_DISK' }) })]);
    expect(data.manual).toEqual([`copy "${data.backup}" over "${server.config}"`]);
    // The file is ours (binding removed) plus the other program's line; the mapping is still there.
    expect(server.bytes().equals(Buffer.concat([withoutLine(server.original, 'bindingInformation="*:443:api.contoso.com"'), TOUCHED]))).toBe(true);
    expect(server.record('api.contoso.com:443')).toMatchObject({ certhash: original().certhash });
    expect(existsSync(journal())).toBe(true);
  });
});

describe('bindings/setCertificate (one netsh step)', () => {
  beforeEach(() => {
    server = copyServer();
  });
  it('the update fails: its own error, the mapping as it was; there is nothing to undo', async () => {
    const { error } = await call('bindings/setCertificate', { site: 'Contoso API', bindingInformation: '*:443:api.contoso.com', certificateHash: WWW }, netshWith('update-fails', [{ args: ['update', 'hostnameport=api.contoso.com:443'], refuse: true }]));
    expect(error?.data).toMatchObject({ id: 'NOT_ELEVATED' });
    expect(server.record('api.contoso.com:443')?.certhash).toBe(demoRecords().find((record) => record.key === 'api.contoso.com:443')!.certhash);
    expect(server.others()).toEqual([]);
  });
});

describe('certificates/replace with 1, 2 and 3 mappings', () => {
  const OLD = EXPIRED;
  // shop.fabrikam.com serves the expired certificate; api and billing are made to as well.
  const users = ['shop.fabrikam.com:443', 'api.contoso.com:443', 'billing.contoso.com:443'];
  const withUsers = (count: number): DoubleRecord[] => demoRecords().map((record) => (users.slice(0, count).includes(record.key) ? { ...record, certhash: OLD.toLowerCase() } : record));
  const hashes = (count: number) => users.slice(0, count).map((key) => server.record(key)?.certhash);
  const forward = (key: string) => ['update', `hostnameport=${key}`, `certhash=${WWW}`];
  const back = (key: string) => ['update', `hostnameport=${key}`, `certhash=${OLD}`];
  const replace = (netsh: string) => call('certificates/replace', { oldHash: OLD, newHash: WWW, certificateStoreName: 'MY' }, netsh);
  const old = OLD.toLowerCase();
  const renewed = WWW.toLowerCase();

  for (const count of [1, 2, 3]) {
    for (let failing = 1; failing <= count; failing++) {
      it(`${count} mapping(s), update ${failing} fails: every mapping already changed is put back`, async () => {
        server = copyServer(undefined, withUsers(count));
        const { error } = await replace(netshWith(`fail-${failing}`, [{ args: forward(users[failing - 1]!), refuse: true }]));
        expect(hashes(count)).toEqual(Array(count).fill(old));
        if (failing === 1) {
          expect(error?.data).toMatchObject({ id: 'NOT_ELEVATED' });
        } else {
          const data = errorData(error);
          expect(data).toMatchObject({ id: 'CHANGE_ROLLED_BACK', rolledBack: true, stuck: [], failedStep: { index: failing } });
          expect(data.done).toHaveLength(failing - 1);
          expect(data.undone).toEqual(users.slice(0, failing - 1).reverse().map((key) => expect.stringContaining(`hostnameport ${key}: ${OLD} -> ${WWW}) was undone`)));
        }
        expect(existsSync(journal())).toBe(false);
      });
    }
  }

  for (const count of [2, 3]) {
    it(`${count} mappings, the last update fails and putting the first back fails too: ROLLBACK_FAILED, the others put back`, async () => {
      server = copyServer(undefined, withUsers(count));
      const { error } = await replace(netshWith('undo-fails', [{ args: forward(users[count - 1]!), refuse: true }, { args: back(users[0]!), refuse: true }]));
      const data = errorData(error);
      expect(data).toMatchObject({ id: 'ROLLBACK_FAILED', rolledBack: false, failedStep: { index: count } });
      expect(data.stuck).toEqual([expect.objectContaining({ step: expect.stringContaining(`hostnameport ${users[0]}: `) })]);
      expect(data.undone).toEqual(users.slice(1, count - 1).reverse().map((key) => expect.stringContaining(`hostnameport ${key}: `)));
      expect(data.manual).toEqual([expect.stringMatching(new RegExp(`^netsh http update sslcert hostnameport=${users[0]!.replace(/\./g, '\\.')} certhash=${OLD} appid=\\{4dc3e181-e14b-4a21-b022-59fc669b0914\\} certstorename=MY`))]);
      // Exactly as described: the first serves the new certificate, every other the old one.
      expect(hashes(count)).toEqual([renewed, ...Array(count - 1).fill(old)]);
      expect(error?.message).toContain(`State left: the mapping step (hostnameport ${users[0]}: ${OLD} -> ${WWW}) is still done`);
      expect(existsSync(journal())).toBe(true);
    });
  }
});
