import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../httpsys/corpus.js';
import { netshDouble } from '../httpsys/double.js';
// @ts-expect-error: a plain JavaScript module beside the double
import { entriesFor, patternOf, renderTable, texts } from './texts-list.mjs';

interface Entry {
  text: string;
  source: string;
  scopes?: string[];
  asCaptured?: string;
}
const list = texts as Entry[];

// A full cycle of every command and error the double answers, in every layout and locale, its
// output split into lines: each line must be one the list (texts-list.mjs) holds for that output.
const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-double-texts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hash = '5226dc6c54559761cd471b86eb51c096252c90f2';
const iis = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
// Every option the double knows, set to its non-default value, so each value form is printed.
const everyOptionSet = {
  verifyclientcertrevocation: 'disable', verifyrevocationwithcachedclientcertonly: 'enable', usagecheck: 'disable', revocationfreshnesstime: 60,
  urlretrievaltimeout: 5000, sslctlidentifier: 'ctl', sslctlstorename: 'CA', dsmapperusage: 'enable', clientcertnegotiation: 'enable', reject: 'enable',
  disablehttp2: 'enable', disablequic: 'enable', disabletls12: 'enable', disabletls13: 'enable', disableocspstapling: 'enable', enabletokenbinding: 'enable',
  logextendedevents: 'enable', disablelegacytls: 'enable', enablesessionticket: 'enable', disablesessionid: 'enable', enablecachingclienthello: 'enable',
};
const state = {
  sslcert: [
    { kind: 'ipport', key: '0.0.0.0:443', certhash: hash, appid: iis, certstorename: 'MY', options: {} },
    { kind: 'ipport', key: '[::]:443', certhash: hash, appid: iis, certstorename: null, options: everyOptionSet },
    { kind: 'hostnameport', key: 'www.contoso.com:443', certhash: hash, appid: iis, certstorename: 'WebHosting', options: {} },
    { kind: 'ccs', key: '443', certhash: null, appid: iis, certstorename: null, options: {} },
    { kind: 'scopedccs', key: 'scoped.contoso.com:443', certhash: null, appid: iis, certstorename: null, options: {} },
  ],
  urlacl: [
    { url: 'http://+:80/Temporary_Listen_Addresses/', users: [{ user: '\\Everyone', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)' },
    {
      url: 'http://+:8080/app/',
      users: [
        { user: 'CONTOSO\\front', listen: true, delegate: true },
        { user: 'CONTOSO\\relay', listen: false, delegate: true },
      ],
      sddl: 'D:(A;;GA;;;S-1-5-21-1-2-3-1105)(A;;GW;;;S-1-5-21-1-2-3-1106)',
    },
  ],
};

type Run = { scope: string; label: string; lines: string[] };
const runs: Run[] = [];

function run(scope: string, args: string[], env: Record<string, string> = {}, stateFile?: string): void {
  const file = stateFile ?? path.join(dir, `state-${runs.length}.json`);
  if (!stateFile) writeFileSync(file, JSON.stringify(state));
  const result = spawnSync(process.execPath, [netshDouble, ...args], { env: { PATH: process.env.PATH, HTTPAPI_NETSH_STATE: file, ...env } });
  const text = env.HTTPAPI_NETSH_CODEPAGE ? iconv.decode(result.stdout, `cp${env.HTTPAPI_NETSH_CODEPAGE}`) : result.stdout.toString('utf8');
  expect(result.stderr.toString(), args.join(' ')).toBe('');
  runs.push({ scope, label: `${JSON.stringify(env)} netsh ${args.join(' ')}`, lines: text.replace(/\r\n$/, '').split('\r\n') });
}

function changeCycle(layout: string): void {
  const env = { HTTPAPI_NETSH_LAYOUT: layout };
  const file = path.join(dir, `cycle-${layout}.json`);
  writeFileSync(file, JSON.stringify({ sslcert: [], urlacl: [] }));
  const change = `change:${layout}`;
  const key = ['ipport=10.1.1.1:443', `certhash=${hash}`, `appid=${iis}`];
  run(change, ['http', 'add', 'sslcert', ...key, 'certstorename=MY'], env, file);
  run(change, ['http', 'add', 'sslcert', ...key], env, file);
  run(change, ['http', 'update', 'sslcert', ...key, 'disablehttp2=enable'], env, file);
  run(change, ['http', 'update', 'sslcert', 'ipport=10.2.2.2:443', `certhash=${hash}`, `appid=${iis}`], env, file);
  run(`sslcert:${layout}`, ['http', 'show', 'sslcert', 'ipport=10.1.1.1:443'], env, file);
  run(change, ['http', 'delete', 'sslcert', 'ipport=10.1.1.1:443'], env, file);
  run(change, ['http', 'delete', 'sslcert', 'ipport=10.1.1.1:443'], env, file);
  run(change, ['http', 'add', 'sslcert', 'ccs=443', `appid=${iis}`], env, file);
  run(change, ['http', 'add', 'sslcert', 'ipport=10.1.1.1:443', `certhash=${hash}`], env, file);
  run(change, ['http', 'add', 'sslcert', 'ipport=10.1.1.1', `certhash=${hash}`, `appid=${iis}`], env, file);
  run(change, ['http', 'add', 'sslcert', ...key, 'nosuchoption=enable'], env, file);
  run(change, ['http', 'delete', 'sslcert'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+:8081/a/', 'user=Everyone'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+:8081/a/', 'user=Everyone'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+:8082/b/', 'user=CONTOSO\\svc', 'listen=no', 'delegate=yes'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+:8083/c/', 'sddl=D:(A;;GX;;;WD)'], env, file);
  run(`urlacl:${layout}`, ['http', 'show', 'urlacl'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+/'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+/', 'user=Everyone'], env, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+:8081/a/', 'user=Everyone', 'listen=maybe'], env, file);
  run(change, ['http', 'delete', 'urlacl', 'url=http://+:8081/a/'], env, file);
  run(change, ['http', 'delete', 'urlacl', 'url=http://+:8081/a/'], env, file);
  run(change, ['http', 'delete', 'urlacl', 'url=http://+/'], env, file);
  run(change, ['http', 'delete', 'urlacl'], env, file);
  const denied = { ...env, HTTPAPI_NETSH_ELEVATED: '0' };
  run(change, ['http', 'add', 'sslcert', ...key], denied, file);
  run(change, ['http', 'update', 'sslcert', ...key], denied, file);
  run(change, ['http', 'delete', 'sslcert', 'ipport=10.1.1.1:443'], denied, file);
  run(change, ['http', 'add', 'urlacl', 'url=http://+:8084/d/', 'user=Everyone'], denied, file);
  run(change, ['http', 'delete', 'urlacl', 'url=http://+:8082/b/'], denied, file);
}

for (const layout of ['pre2012', '2012', 'win10', '2022', '2025']) {
  run(`sslcert:${layout}`, ['http', 'show', 'sslcert'], { HTTPAPI_NETSH_LAYOUT: layout });
  run(`sslcert:${layout}`, ['http', 'show', 'sslcert', 'ipport=10.9.9.9:443'], { HTTPAPI_NETSH_LAYOUT: layout });
  run(`urlacl:${layout}`, ['http', 'show', 'urlacl'], { HTTPAPI_NETSH_LAYOUT: layout });
  run(`urlacl:${layout}`, ['http', 'show', 'urlacl', 'url=http://+:8080/app/'], { HTTPAPI_NETSH_LAYOUT: layout });
  changeCycle(layout);
}
run('urlacl:it', ['http', 'show', 'urlacl'], { HTTPAPI_NETSH_LOCALE: 'it' });
run('change:de', ['http', 'add', 'urlacl', 'url=http://+:80/Temporary_Listen_Addresses/', 'user=Everyone'], { HTTPAPI_NETSH_LOCALE: 'de' });
run('change:de', ['http', 'add', 'urlacl', 'url=http://+:80/Temporary_Listen_Addresses/', 'user=Everyone'], { HTTPAPI_NETSH_LOCALE: 'de', HTTPAPI_NETSH_CODEPAGE: '850' });
run('json', ['http', 'show', 'sslcert', 'json=enable'], { HTTPAPI_NETSH_JSON: '1' });
run('change:win10', ['http', 'show', 'sslcert', 'json=enable']);
run('change:win10', ['http', 'show', 'servicestate']);
run('change:win10', ['http', 'frob', 'sslcert', 'ipport=0.0.0.0:443']);
run('setting', ['http', 'show', 'sslcert'], { HTTPAPI_NETSH_LAYOUT: 'xp' });

describe('the netsh double prints only texts its list holds (test/netsh-double/texts-list.mjs)', () => {
  it('every line of every command and error, in every layout and locale, is in the list for that output', () => {
    const unlisted = runs.flatMap((one) => one.lines.filter((line) => entriesFor(line, one.scope).length === 0).map((line) => `${one.scope}: ${JSON.stringify(line)} (${one.label})`));
    expect(unlisted).toEqual([]);
  });

  it('the cycle reaches every text in the list (none is stale)', () => {
    const printed = new Set<Entry>();
    for (const one of runs) for (const line of one.lines) for (const entry of entriesFor(line, one.scope) as Entry[]) printed.add(entry);
    expect(list.filter((entry) => !printed.has(entry)).map((entry) => entry.text)).toEqual([]);
  });

  it('each text credited to a capture is a line of that capture (read from the corpus, not from the double)', () => {
    const missing = list
      .filter((entry) => entry.source.endsWith('.txt'))
      .filter((entry) => {
        const lines = readFileSync(corpusFile(entry.source), 'utf8').split(/\r?\n/).slice(1);
        const pattern = patternOf(entry.asCaptured ?? entry.text);
        return !lines.some((line) => pattern.test(line));
      })
      .map((entry) => `${entry.source}: ${JSON.stringify(entry.asCaptured ?? entry.text)}`);
    expect(missing).toEqual([]);
  });

  it('every source is a capture, a URL, or says it is inferred', () => {
    expect(list.filter((entry) => !/^(\S+\.txt$|https:\/\/|inferred: |a RestPS walkthrough |not netsh: )/.test(entry.source)).map((entry) => entry.text)).toEqual([]);
  });

  it('the README beside the double shows the list as it is', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const begin = '<!-- texts-list: begin -->\n';
    const end = '\n<!-- texts-list: end -->';
    expect(readme.slice(readme.indexOf(begin) + begin.length, readme.indexOf(end))).toBe(renderTable());
  });

  it('catches a text that is not in the list', () => {
    expect(entriesFor('SSL Certificate successfully frobbed', 'change:win10')).toEqual([]);
    expect(entriesFor('    Delegate: Maybe', 'urlacl:win10')).toEqual([]);
    // A line credited to one layout is not accepted in another.
    expect(entriesFor('    IP:port                 : 0.0.0.0:443 ', 'sslcert:win10')).toEqual([]);
  });
});
