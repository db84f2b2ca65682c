import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { netshDouble } from '../httpsys/double.js';
// @ts-expect-error: a plain JavaScript module beside the double
import { Layouts as layouts, SslOptions as sslOptions } from '../netsh-double/netsh-texts.mjs';
import { copyServer, demoRecords, IIS, json, MAIL, removeWrappers, WILDCARD, WWW, type DoubleRecord, type Server } from './demo-server.js';

// sslcert/add, update and delete end to end: the real CLI, the netsh double, the demo server's
// configuration and certificate stores. A logging netsh proves which refusals happen before any change.
let server: Server | undefined;
afterEach(() => server?.dispose());
afterAll(removeWrappers);

type Option = { parameter: string; type: string; default: string | number | null };
const Layouts = layouts as Record<'pre2012' | '2012' | 'win10' | '2022' | '2025', { options: string[]; parameters: string[] }>;
const SslOptions = sslOptions as Record<string, Option>;

/** Every option the layout's netsh takes, each set away from its default. */
function everyOptionSet(layout: keyof typeof Layouts): Record<string, string | number> {
  const options: Record<string, string | number> = {};
  for (const name of Layouts[layout].options) {
    const option = SslOptions[name]!;
    // Enable Caching Client Hello (2025) is shown but no netsh parameter sets it: it stays at its default.
    if (!Layouts[layout].parameters.includes(option.parameter)) continue;
    if (option.type === 'number') options[option.parameter] = option.parameter === 'urlretrievaltimeout' ? 15000 : 3600;
    else if (option.type === 'string') options[option.parameter] = option.parameter === 'sslctlidentifier' ? 'ContosoCtl' : 'CA';
    else options[option.parameter] = option.default === 'enable' ? 'disable' : 'enable';
  }
  return options;
}

/** `netsh http show sslcert KEY` as the double prints it in this layout. */
function show(key: string): string {
  const run = spawnSync(process.execPath, [netshDouble, 'http', 'show', 'sslcert', `ipport=${key}`], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout;
}

const stderrJson = (run: ReturnType<typeof spawnSync>) => String(run.stderr);

describe('sslcert update keeps what it is not told to change', () => {
  for (const layout of Object.keys(Layouts) as (keyof typeof Layouts)[]) {
    it(`a new thumbprint alone leaves the store, app id and every option byte for byte (layout ${layout})`, () => {
      const record: DoubleRecord = { kind: 'ipport', key: '10.0.0.7:443', certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'WebHosting', options: everyOptionSet(layout) };
      server = copyServer(undefined, [record], { HTTPAPI_NETSH_LAYOUT: layout });
      const before = show('10.0.0.7:443');
      const result = json(server.cli(['sslcert', 'update', '--kind', 'ipport', '--key', '10.0.0.7:443', '--certificate-hash', WILDCARD, '--json']));
      expect(result.applied).toBe(true);
      expect(show('10.0.0.7:443')).toBe(before.replace(WWW.toLowerCase(), WILDCARD.toLowerCase()));
      expect(server.record('10.0.0.7:443')).toEqual({ ...record, certhash: WILDCARD.toLowerCase() });
    });
  }

  it('a given option changes and only it', () => {
    const record: DoubleRecord = { kind: 'ipport', key: '10.0.0.7:443', certhash: WILDCARD.toLowerCase(), appid: IIS, certstorename: 'WebHosting', options: everyOptionSet('win10') };
    server = copyServer(undefined, [record]);
    json(server.cli(['sslcert', 'update', '--kind', 'ipport', '--key', '10.0.0.7:443', '--options', '{"clientcertnegotiation":false}', '--json']));
    expect(server.record('10.0.0.7:443')).toEqual({ ...record, options: { ...record.options, clientcertnegotiation: 'disable' } });
  });

  it('a missing key is NOT_FOUND before netsh, in a plan too', () => {
    server = copyServer();
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const whatIf of [[], ['--what-if']]) {
      const run = server.cli(['sslcert', 'update', '--kind', 'ipport', '--key', '10.0.0.77:443', '--certificate-hash', WWW, ...whatIf, '--json'], netsh);
      expect(run.status).not.toBe(0);
      expect(stderrJson(run)).toMatch(/There is no SSL certificate mapping ipport 10\.0\.0\.77:443/);
    }
    expect(changeCalls()).toEqual([]);
    expect(server.records()).toEqual(demoRecords());
  });
});

describe('sslcert add checks before netsh', () => {
  it('an existing key is ALREADY_EXISTS, in a plan too, before any change call', () => {
    server = copyServer();
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const whatIf of [[], ['--what-if']]) {
      const run = server.cli(['sslcert', 'add', '--kind', 'hostnameport', '--key', 'WWW.contoso.com:443', '--certificate-hash', WWW, '--app-id', IIS, ...whatIf, '--json'], netsh);
      expect(run.status).not.toBe(0);
      expect(stderrJson(run)).toMatch(/mapping hostnameport www\.contoso\.com:443 already exists .*Change it in place \(httpapi sslcert update\)/);
    }
    expect(changeCalls()).toEqual([]);
  });

  it('a certificate that is not in the named store is refused, naming the store searched and where it is', () => {
    server = copyServer();
    const { netsh, changeCalls } = server.loggingNetsh();
    const wrongStore = server.cli(['sslcert', 'add', '--kind', 'ipport', '--key', '10.0.0.7:443', '--certificate-hash', WILDCARD, '--app-id', IIS, '--json'], netsh);
    expect(stderrJson(wrongStore)).toMatch(new RegExp(`Certificate ${WILDCARD} is not in the LocalMachine store MY.*It is in store WebHosting`));
    const nowhere = server.cli(['sslcert', 'add', '--kind', 'ipport', '--key', '10.0.0.7:443', '--certificate-hash', MAIL, '--app-id', IIS, '--json'], netsh);
    expect(stderrJson(nowhere)).toMatch(new RegExp(`Certificate ${MAIL} is not in the LocalMachine store MY.*Import it there first`));
    expect(changeCalls()).toEqual([]);
    const right = json(server.cli(['sslcert', 'add', '--kind', 'ipport', '--key', '10.0.0.7:443', '--certificate-hash', WILDCARD, '--certificate-store-name', 'WebHosting', '--app-id', IIS, '--json'], netsh));
    expect(right.messages).toContain(`Certificate ${WILDCARD} is in store WebHosting.`);
    expect(server.record('10.0.0.7:443')).toMatchObject({ certhash: WILDCARD.toLowerCase(), certstorename: 'WebHosting' });
  });

  it('without a certificate source the answer says the certificate was not checked', () => {
    server = copyServer();
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'sslcert', 'add', '--kind', 'ipport', '--key', '10.0.0.7:443', '--certificate-hash', MAIL, '--app-id', IIS, '--netsh', netshDouble, '--json'], { encoding: 'utf8' });
    const result = json(run);
    expect(result.messages?.[0]).toMatch(new RegExp(`^Certificate ${MAIL} was not looked for in store MY`));
  });
});

describe('sslcert delete protects its users', () => {
  it('a mapping bindings use is deleted only with --allow-shared-mapping, and the answer lists them', () => {
    server = copyServer();
    const { netsh, changeCalls } = server.loggingNetsh();
    const refused = server.cli(['sslcert', 'delete', '--kind', 'ipport', '--key', '10.0.0.5:443', '--json'], netsh);
    expect(refused.status).not.toBe(0);
    expect(stderrJson(refused)).toMatch(/Mapping ipport 10\.0\.0\.5:443 serves 2 binding\(s\): .*Contoso Portal \(10\.0\.0\.5:443:portal\.contoso\.com\).*--allow-shared-mapping/);
    expect(changeCalls()).toEqual([]);
    const plan = json(server.cli(['sslcert', 'delete', '--kind', 'ipport', '--key', '10.0.0.5:443', '--allow-shared-mapping', '--what-if', '--json'], netsh));
    expect(plan.applied).toBe(false);
    expect(changeCalls()).toEqual([]);
    const done = json(server.cli(['sslcert', 'delete', '--kind', 'ipport', '--key', '10.0.0.5:443', '--allow-shared-mapping', '--json'], netsh));
    expect(done.affected).toEqual(expect.arrayContaining([{ site: 'Contoso Portal', bindingInformation: '10.0.0.5:443:portal.contoso.com' }, { site: 'Contoso Docs', bindingInformation: '10.0.0.5:443:docs.contoso.com' }]));
    expect(done.affected).toEqual(plan.affected);
    expect(changeCalls()).toEqual(['http delete sslcert ipport=10.0.0.5:443']);
    expect(server.record('10.0.0.5:443')).toBeUndefined();
  });

  it('a mapping no binding uses goes without acknowledgement, with an empty affected list', () => {
    server = copyServer();
    const done = json(server.cli(['sslcert', 'delete', '--kind', 'hostnameport', '--key', 'old.contoso.com:443', '--json']));
    expect(done.affected).toEqual([]);
    expect(server.record('old.contoso.com:443')).toBeUndefined();
  });

  it('a missing key is NOT_FOUND before netsh, in a plan too', () => {
    server = copyServer();
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const whatIf of [[], ['--what-if']]) {
      const run = server.cli(['sslcert', 'delete', '--kind', 'hostnameport', '--key', 'gone.contoso.com:443', ...whatIf, '--json'], netsh);
      expect(stderrJson(run)).toMatch(/There is no SSL certificate mapping hostnameport gone\.contoso\.com:443/);
    }
    expect(changeCalls()).toEqual([]);
  });
});

describe('scopedccs is show-only', () => {
  it('add, update and delete of a scopedccs mapping are refused naming kind, before netsh', () => {
    server = copyServer();
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const args of [
      ['add', '--kind', 'scopedccs', '--key', 'www.contoso.com:443', '--app-id', IIS],
      ['update', '--kind', 'scopedccs', '--key', 'www.contoso.com:443'],
      ['delete', '--kind', 'scopedccs', '--key', 'www.contoso.com:443'],
    ]) {
      const run = server.cli(['sslcert', ...args, '--json'], netsh);
      expect(run.status).not.toBe(0);
      expect(stderrJson(run)).toMatch(/kind: scopedccs mappings can only be shown/);
    }
    expect(changeCalls()).toEqual([]);
  });
});
