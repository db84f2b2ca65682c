import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../helpers/worker-client.js';
import { ChoiceSet, writeChoiceStore, type ChoiceStore } from '../helpers/choice-certificates.mjs';
import { copyServer, demoRecords, IIS, json, removeWrappers, WWW, type DoubleRecord, type Server } from './demo-server.js';

// certificateSubject end to end: the real CLI and worker, the netsh double holding the demo
// server's mappings, and a certificate store made at test time (test/helpers/choice-certificates.ts)
// where the newest valid server certificate with a key for www.contoso.com is "chosen" and every
// other one loses for a documented reason. A logging netsh proves what reached netsh.
let store: ChoiceStore;
let server: Server | undefined;
beforeAll(() => {
  store = writeChoiceStore();
});
afterEach(() => server?.dispose());
afterAll(() => {
  removeWrappers();
  rmSync(path.dirname(store.certsDir), { recursive: true, force: true });
});

function setUp(records = demoRecords()): { cli: (args: string[]) => ReturnType<typeof spawnSync>; changeCalls: () => string[]; netsh: string } {
  server = copyServer(undefined, records);
  const { netsh, changeCalls } = server.loggingNetsh();
  const config = server.config;
  const cli = (args: string[]) => spawnSync(process.execPath, ['dist/httpapi.js', ...args, '--config', config, '--netsh', netsh, '--certs-dir', store.certsDir], { encoding: 'utf8' });
  return { cli, changeCalls, netsh };
}

const chosen = () => store.thumbprints.get('chosen')!;
const certhash = () => `certhash=${chosen()}`;

/** Each method that takes a thumbprint, given certificateSubject instead, and the mapping its change writes. */
const methods: { name: string; args: string[]; key: string; verb: 'add' | 'update' }[] = [
  { name: 'binding set-certificate', args: ['binding', 'set-certificate', '--site', 'Contoso WWW', '--binding-information', '*:443:www.contoso.com'], key: 'www.contoso.com:443', verb: 'update' },
  { name: 'binding add', args: ['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'https', '--port', '8444', '--host', 'www.contoso.com', '--ssl-flags', '1'], key: 'www.contoso.com:8444', verb: 'add' },
  { name: 'sslcert add', args: ['sslcert', 'add', '--kind', 'ipport', '--key', '10.0.0.8:443', '--app-id', IIS], key: '10.0.0.8:443', verb: 'add' },
  { name: 'sslcert update', args: ['sslcert', 'update', '--kind', 'ipport', '--key', '10.0.0.9:443'], key: '10.0.0.9:443', verb: 'update' },
];

describe('certificateSubject chooses the documented certificate, and netsh gets its thumbprint', () => {
  for (const method of methods) {
    it(`${method.name}: the plan names the choice and runs nothing; the run carries the chosen thumbprint`, () => {
      const { cli, changeCalls } = setUp();
      const plan = json(cli([...method.args, '--certificate-subject', 'www.contoso.com', '--what-if', '--json']));
      expect(plan.applied).toBe(false);
      expect(changeCalls()).toEqual([]);
      const choice = plan.certificateChoice as { chosen: string; store: string; candidates: { thumbprint: string; reasons: string[] }[] };
      expect(choice.chosen).toBe(chosen());
      expect(choice.store).toBe('MY');
      for (const spec of ChoiceSet.filter((candidate) => candidate.store === 'MY')) {
        expect(choice.candidates.find((candidate) => candidate.thumbprint === store.thumbprints.get(spec.name))?.reasons, spec.name).toEqual(spec.expected);
      }
      expect(plan.messages?.join('\n')).toMatch(new RegExp(`Chose certificate ${chosen()} .* Not chosen: .*expired`));

      const done = json(cli([...method.args, '--certificate-subject', 'www.contoso.com', '--json']));
      expect(done.applied).toBe(true);
      expect((done.certificateChoice as { chosen: string }).chosen).toBe(chosen());
      const calls = changeCalls();
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatch(new RegExp(`^http ${method.verb} sslcert (ipport|hostnameport)=${method.key.replace(/\./g, '\\.')} ${certhash()} `));
      expect(server!.record(method.key)?.certhash).toBe(chosen().toLowerCase());
    });
  }

  it('certificate replace: every mapping of the old certificate gets the chosen one', () => {
    const { cli, changeCalls } = setUp();
    const using = demoRecords().filter((record) => record.certhash === WWW.toLowerCase());
    const done = json(cli(['certificate', 'replace', '--old-hash', WWW, '--certificate-subject', 'www.contoso.com', '--json']));
    expect((done.certificateChoice as { chosen: string }).chosen).toBe(chosen());
    expect(changeCalls()).toHaveLength(using.length);
    expect(changeCalls().every((call) => call.startsWith('http update sslcert ') && call.includes(certhash()))).toBe(true);
    for (const record of using) expect(server!.record(record.key)?.certhash).toBe(chosen().toLowerCase());
  });
});

describe('refusals happen before any netsh change call', () => {
  for (const method of [...methods, { name: 'certificate replace', args: ['certificate', 'replace', '--old-hash', WWW], key: '', verb: 'update' as const }]) {
    it(`${method.name}: no certificate qualifies is CERTIFICATE_NOT_CHOSEN naming every candidate, in a plan too`, () => {
      const { cli, changeCalls } = setUp();
      for (const whatIf of [[], ['--what-if']]) {
        const run = cli([...method.args, '--certificate-subject', 'nothing.fabrikam.com', ...whatIf, '--json']);
        expect(run.status).toBe(1);
        expect(String(run.stderr)).toMatch(/certificateSubject: No certificate in store MY qualifies for nothing\.fabrikam\.com .* Not chosen: .*does not cover nothing\.fabrikam\.com/);
        expect(String(run.stderr)).toContain(store.thumbprints.get('key-less'));
      }
      expect(changeCalls()).toEqual([]);
      expect(server!.records()).toEqual(demoRecords());
    });
  }
});

describe('refusals that need the state', () => {
  const extra = (certhash: string, certstorename: string): DoubleRecord => ({ kind: 'ipport', key: '10.0.0.6:443', certhash: certhash.toLowerCase(), appid: IIS, certstorename, options: {} });

  it('certificate replace: mappings of the old certificate in two stores need certificateStoreName to choose from', () => {
    const records = [...demoRecords(), extra(WWW, 'WebHosting')];
    const { cli, changeCalls } = setUp(records);
    const run = cli(['certificate', 'replace', '--old-hash', WWW, '--certificate-subject', 'www.contoso.com', '--json']);
    expect(run.status).toBe(1);
    expect(String(run.stderr)).toMatch(/certificateStoreName: the mappings that use 8A79\w+ name the stores MY, WebHosting; give the store to choose the certificate for www\.contoso\.com from/);
    expect(changeCalls()).toEqual([]);
    const chosenInMy = json(cli(['certificate', 'replace', '--old-hash', WWW, '--certificate-subject', 'www.contoso.com', '--certificate-store-name', 'MY', '--what-if', '--json']));
    expect((chosenInMy.certificateChoice as { chosen: string }).chosen).toBe(chosen());
  });

  it('certificate replace: a choice that falls on the old certificate itself replaces nothing', () => {
    const { cli, changeCalls } = setUp([...demoRecords(), extra(chosen(), 'MY')]);
    const run = cli(['certificate', 'replace', '--old-hash', chosen(), '--certificate-subject', 'www.contoso.com', '--json']);
    expect(run.status).toBe(1);
    expect(String(run.stderr)).toContain(`the certificate chosen for www.contoso.com is ${chosen()}, the one being replaced: no newer certificate qualifies`);
    expect(changeCalls()).toEqual([]);
  });

  it('binding add: when the configuration step fails, the mapping added for the chosen certificate is deleted again', () => {
    setUp();
    const log = `${server!.dir}/touching.log`;
    const config = JSON.stringify(server!.config);
    const netsh = server!.wrapper(
      'touch',
      `fs.appendFileSync(${JSON.stringify(log)}, args.join(' ') + '\\n');
if (args[1] === 'add' && !fs.readFileSync(${config}, 'utf8').endsWith('<!-- saved by someone else -->\\r\\n')) fs.appendFileSync(${config}, '<!-- saved by someone else -->\\r\\n');`,
    );
    const run = spawnSync(process.execPath, ['dist/httpapi.js', ...methods[1]!.args, '--certificate-subject', 'www.contoso.com', '--json', '--config', server!.config, '--netsh', netsh, '--certs-dir', store.certsDir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/changed on disk/);
    const calls = readFileSync(log, 'utf8').split('\n').filter((call) => /^http (add|delete) /.test(call));
    expect(calls).toEqual([expect.stringMatching(new RegExp(`^http add sslcert hostnameport=www\\.contoso\\.com:8444 ${certhash()} `)), 'http delete sslcert hostnameport=www.contoso.com:8444']);
    expect(server!.record('www.contoso.com:8444')).toBeUndefined();
    expect(server!.records()).toEqual(demoRecords());
  });

  it('binding add: an http binding or a Central Certificate Store binding takes no certificateSubject', () => {
    const { cli, changeCalls } = setUp();
    const http = cli(['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'http', '--port', '8080', '--certificate-subject', 'www.contoso.com', '--json']);
    expect(String(http.stderr)).toMatch(/certificateSubject: an http binding has no certificate/);
    const ccs = cli(['binding', 'add', '--site', 'Contoso WWW', '--protocol', 'https', '--port', '443', '--host', 'img.contoso.com', '--ssl-flags', '3', '--certificate-subject', 'www.contoso.com', '--json']);
    expect(String(ccs.stderr)).toMatch(/Central Certificate Store binding .* give no certificateSubject/);
    expect(changeCalls()).toEqual([]);
    expect(server!.bytes().equals(server!.original)).toBe(true);
  });
});

describe('binding update moves the mapping to the certificate chosen for it', () => {
  const update = ['binding', 'update', '--site', 'Contoso WWW', '--binding-information', '*:443:www.contoso.com', '--port', '8445'];

  it('the plan names the choice and runs nothing; the run adds the moved mapping with the chosen thumbprint', () => {
    const { cli, changeCalls } = setUp();
    const plan = json(cli([...update, '--certificate-subject', 'www.contoso.com', '--what-if', '--json']));
    expect(plan.applied).toBe(false);
    expect((plan.certificateChoice as { chosen: string }).chosen).toBe(chosen());
    expect(changeCalls()).toEqual([]);
    expect(server!.bytes().equals(server!.original)).toBe(true);

    const done = json(cli([...update, '--certificate-subject', 'www.contoso.com', '--json']));
    expect(done.applied).toBe(true);
    expect(changeCalls()[0]).toMatch(new RegExp(`^http add sslcert hostnameport=www\\.contoso\\.com:8445 ${certhash()} `));
    expect(server!.record('www.contoso.com:8445')?.certhash).toBe(chosen().toLowerCase());
  });

  it('onto a mapping that exists in another store, the certificate is chosen from that store, the one the update names', () => {
    const target: DoubleRecord = { kind: 'hostnameport', key: 'www.contoso.com:8445', certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'WebHosting', options: {} };
    const { cli, changeCalls } = setUp([...demoRecords(), target]);
    const done = json(cli([...update, '--certificate-subject', 'www.contoso.com', '--json']));
    const fromWebHosting = store.thumbprints.get('other-store')!;
    expect(done.certificateChoice).toMatchObject({ chosen: fromWebHosting, store: 'WebHosting' });
    expect(changeCalls()[0]).toMatch(new RegExp(`^http update sslcert hostnameport=www\\.contoso\\.com:8445 certhash=${fromWebHosting} .*certstorename=WebHosting`));
    expect(server!.record('www.contoso.com:8445')).toMatchObject({ certhash: fromWebHosting.toLowerCase(), certstorename: 'WebHosting' });
  });

  it('no certificate qualifies: CERTIFICATE_NOT_CHOSEN before any netsh change or write', () => {
    const { cli, changeCalls } = setUp();
    const run = cli([...update, '--certificate-subject', 'nothing.fabrikam.com', '--json']);
    expect(run.status).toBe(1);
    expect(String(run.stderr)).toMatch(/certificateSubject: No certificate in store MY qualifies for nothing\.fabrikam\.com/);
    expect(changeCalls()).toEqual([]);
    expect(server!.bytes().equals(server!.original)).toBe(true);
  });

  it('a thumbprint and a name together are refused, naming certificateSubject', () => {
    const { cli, changeCalls } = setUp();
    const run = cli([...update, '--certificate-hash', chosen(), '--certificate-subject', 'www.contoso.com', '--json']);
    expect(run.status).not.toBe(0);
    expect(String(run.stderr)).toMatch(/certificateSubject/);
    expect(changeCalls()).toEqual([]);
  });
});

describe('over JSON-RPC', () => {
  async function call(method: string, params: Record<string, unknown>) {
    const { netsh } = setUp();
    const worker = await startWorker(['--config', server!.config, '--netsh', netsh, '--certs-dir', store.certsDir], { env: { ...process.env, ...server!.double.env } });
    try {
      return await worker.connection.sendRequest(method, params).then(
        (result) => ({ result: result as Record<string, unknown>, error: undefined }),
        (error: ResponseError<Record<string, unknown>>) => ({ result: undefined, error }),
      );
    } finally {
      await worker.close();
    }
  }

  it('CERTIFICATE_NOT_CHOSEN (1034) carries every candidate with its reasons', async () => {
    const { error } = await call('bindings/setCertificate', { site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', certificateSubject: 'www.contoso.net' });
    expect(error?.code).toBe(1034);
    expect(error?.data).toMatchObject({ id: 'CERTIFICATE_NOT_CHOSEN', field: 'certificateSubject', name: 'www.contoso.net', store: 'MY' });
    const candidates = (error?.data as { candidates: { thumbprint: string; reasons: string[] }[] }).candidates;
    expect(candidates.map((candidate) => candidate.thumbprint).sort()).toEqual(ChoiceSet.filter((spec) => spec.store === 'MY').map((spec) => store.thumbprints.get(spec.name)).sort());
    expect(candidates.find((candidate) => candidate.thumbprint === store.thumbprints.get('expired'))?.reasons).toEqual(['wrongName', 'expired']);
  });

  const both = { certificateHash: WWW, certificateSubject: 'www.contoso.com' };
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['bindings/setCertificate', { site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', ...both }, 'certificateSubject', /not both/],
    ['bindings/setCertificate', { site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com' }, 'certificateHash', /give certificateHash \(a thumbprint\) or certificateSubject/],
    ['bindings/add', { site: 'Contoso WWW', protocol: 'https', port: 8444, host: 'www.contoso.com', sslFlags: 1, ...both }, 'certificateSubject', /not both/],
    ['sslcert/add', { kind: 'ipport', key: '10.0.0.8:443', appId: IIS, ...both }, 'certificateSubject', /not both/],
    ['sslcert/add', { kind: 'hostnameport', key: 'a.contoso.com:443', appId: IIS }, 'certificateHash', /give certificateHash \(a thumbprint\) or certificateSubject/],
    ['sslcert/update', { kind: 'ipport', key: '10.0.0.9:443', ...both }, 'certificateSubject', /not both/],
    ['sslcert/add', { kind: 'ccs', key: '443', appId: IIS, certificateSubject: 'www.contoso.com' }, 'certificateSubject', /Central Certificate Store; give no certificateSubject/],
    ['certificates/replace', { oldHash: WWW, newHash: WWW, certificateSubject: 'www.contoso.com' }, 'certificateSubject', /give newHash or certificateSubject, not both/],
    ['certificates/replace', { oldHash: WWW }, 'newHash', /give newHash \(a thumbprint\) or certificateSubject/],
    ['bindings/setCertificate', { site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', certificateSubject: 'www .contoso.com' }, 'certificateSubject', /host name label/],
  ];
  for (const [method, params, field, message] of cases) {
    it(`${method} ${JSON.stringify(Object.keys(params))}: -32602 naming ${field}`, async () => {
      const { error } = await call(method, params);
      expect(error?.code).toBe(-32602);
      expect(error?.message).toContain(field);
      const issues = (error?.data as { issues: { path: string; message: string }[] }).issues;
      expect(issues.some((issue) => issue.path.includes(field) && message.test(issue.message))).toBe(true);
      expect(server!.records()).toEqual(demoRecords());
    });
  }
});
