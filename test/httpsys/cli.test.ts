import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { implementations } from '../../src/handlers/index.js';
import { createDispatcher } from '../../src/rpc/dispatcher.js';
import { bundle, repoRoot, startWorker } from '../helpers/worker-client.js';
import { corpusFile } from './corpus.js';
import { netshDouble, useDouble } from './double.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/httpapi.js ...args`, with the double's environment. */
function httpapi(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd: repoRoot, timeout: 30_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const hash = '5226DC6C54559761CD471B86EB51C096252C90F2';
const iis = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
let double: ReturnType<typeof useDouble> | undefined;
afterEach(() => double?.reset());

describe('httpapi sslcert / urlacl reading', () => {
  it('--sslcert-file FILE --json prints the list result', async () => {
    const run = await httpapi(['sslcert', '--sslcert-file', corpusFile('sslcert-en-13field-ipv6-01.txt'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe('text');
    expect(result.mappings.map((mapping: { key: string; certificateStoreName: string }) => [mapping.key, mapping.certificateStoreName])).toEqual([
      ['0.0.0.0:443', 'WebHosting'],
      ['[::]:443', 'MY'],
    ]);
    expect(result.unplaced).toHaveLength(1);
  });

  it('--kind and --key filter', async () => {
    const file = corpusFile('sslcert-en-13field-ipv6-01.txt');
    const byKey = JSON.parse((await httpapi(['sslcert', '--sslcert-file', file, '--key', '[::]:443', '--json'])).stdout);
    expect(byKey.mappings.map((mapping: { appId: string }) => mapping.appId)).toEqual(['{ba195980-cd49-458b-9e23-c84ee0adcd75}']);
    const byKind = JSON.parse((await httpapi(['sslcert', '--sslcert-file', file, '--kind', 'hostnameport', '--json'])).stdout);
    expect(byKind.mappings).toEqual([]);
  });

  it('--urlacl-file FILE --json, and --url filters', async () => {
    const run = await httpapi(['urlacl', '--urlacl-file', corpusFile('urlacl-en-server-01.txt'), '--url', 'http://+:5985/wsman/', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.reservations).toEqual([
      {
        url: 'http://+:5985/wsman/',
        users: [
          { user: 'NT SERVICE\\WinRM', listen: true, delegate: false },
          { user: 'NT SERVICE\\Wecsvc', listen: true, delegate: false },
        ],
        sddl: 'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)(A;;GX;;;S-1-5-80-4059739203-877974739-1245631912-527174227-2996563517)',
        notes: ['the SDDL was wrapped over 2 lines (console copy); joined back into one'],
      },
    ]);
  });

  it('--snapshot DIR reads DIR/sslcert.txt and DIR/urlacl.txt', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-snapshot-'));
    copyFileSync(corpusFile('sslcert-en-win10-01.txt'), path.join(dir, 'sslcert.txt'));
    copyFileSync(corpusFile('urlacl-it-01.txt'), path.join(dir, 'urlacl.txt'));
    const sslcert = JSON.parse((await httpapi(['sslcert', '--snapshot', dir, '--json'])).stdout);
    expect(sslcert.mappings[0]).toMatchObject({ key: '0.0.0.0:44307', appId: '{214124cd-d05b-4309-9af9-9caa44b2b74a}' });
    const urlacl = JSON.parse((await httpapi(['urlacl', '--snapshot', dir, '--json'])).stdout);
    expect(urlacl.reservations.map((reservation: { url: string }) => reservation.url)).toEqual(['http://*:8096/']);
  });

  it('readable tables without --json', async () => {
    const sslcert = await httpapi(['sslcert', '--sslcert-file', corpusFile('sslcert-en-win10-02.txt')]);
    expect(sslcert.code).toBe(0);
    const lines = sslcert.stdout.split('\n');
    expect(lines[0]).toMatch(/^Kind\s+Key\s+Owner\s+Status\s+Certificate hash\s+Store\s+Options set$/);
    // A capture alone has no certificates to check: the status says so.
    expect(lines[2]).toMatch(/^ipport\s+0\.0\.0\.0:44307\s+IIS Express\s+not checked\s+61D34F532DA121BBAB64723C4871E72C92F03735\s+MY\s+verifyClientCertRevocation=Disabled$/);
    const urlacl = await httpapi(['urlacl', '--urlacl-file', corpusFile('urlacl-en-win10-01.txt')]);
    expect(urlacl.stdout).toMatch(/\nhttp:\/\/\*:5357\/\s+BUILTIN\\Users \(listen\), NT AUTHORITY\\LOCAL SERVICE \(listen\)\s+D:\(A;;GX;;;BU\)\(A;;GX;;;LS\)\n/);
  });

  it('--netsh PATH runs that executable (json=enable refused, text read)', async () => {
    double = useDouble({ sslcert: [{ kind: 'ipport', key: '10.0.0.5:443', certhash: hash.toLowerCase(), appid: iis, certstorename: 'MY' }] }, { HTTPAPI_NETSH_LAYOUT: '2022' });
    const run = await httpapi(['sslcert', '--netsh', netshDouble, '--json'], double.env);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe('text');
    expect(result.notes).toEqual([
      'this netsh refused json=enable (exit code 1: The parameter is incorrect.); read the text form instead',
      `read with ${netshDouble} http show sslcert`,
      'certificate status skipped: No source for certificates: this is not Windows, so there is no live machine to read. Give --snapshot DIR or --certs-dir DIR.',
    ]);
    expect(result.mappings[0]).toMatchObject({ key: '10.0.0.5:443', address: '10.0.0.5', certificateHash: hash });
  });

  it('the missing half of a capture source is NO_SOURCE naming the option; an unreadable file is SOURCE_UNREADABLE', async () => {
    const missing = await httpapi(['sslcert', '--urlacl-file', corpusFile('urlacl-it-01.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^httpapi: No capture of `netsh http show sslcert` in this source: give --sslcert-file FILE .*\n$/);
    const unreadable = await httpapi(['urlacl', '--urlacl-file', '/nonexistent/urlacl.txt']);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toBe('httpapi: Cannot read the capture /nonexistent/urlacl.txt (--urlacl-file): no such file.\n');
  });
});

describe('httpapi sslcert / urlacl changes against the double', () => {
  const add = ['sslcert', 'add', '--kind', 'ipport', '--key', '0.0.0.0:443', '--certificate-hash', hash.toLowerCase(), '--app-id', iis.slice(1, -1)];

  it('--what-if prints the plan and runs nothing', async () => {
    double = useDouble();
    const run = await httpapi([...add, '--netsh', netshDouble, '--what-if', '--json'], double.env);
    expect(JSON.parse(run.stdout)).toEqual({
      applied: false,
      steps: [{ kind: 'netsh', argv: ['http', 'add', 'sslcert', 'ipport=0.0.0.0:443', `certhash=${hash}`, `appid=${iis}`], description: `add mapping ipport 0.0.0.0:443 for certificate ${hash} (store MY)` }],
      messages: [expect.stringMatching(new RegExp(`^Certificate ${hash} was not looked for in store MY: No source for certificates`))],
    });
    expect(double.state().sslcert).toEqual([]);
    const readable = await httpapi([...add, '--netsh', netshDouble, '--what-if'], double.env);
    expect(readable.stdout).toMatch(new RegExp(`^Plan \\(nothing changed\\):\n  netsh http add sslcert ipport=0\\.0\\.0\\.0:443 certhash=${hash} appid=\\{4dc3e181-e14b-4a21-b022-59fc669b0914\\}\n  Certificate ${hash} was not looked for`));
  });

  it('add applies; the same add again fails with already exists; delete; delete again fails with not found', async () => {
    double = useDouble();
    const first = await httpapi([...add, '--options', '{"clientcertnegotiation":true}', '--netsh', netshDouble], double.env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Applied:\n  netsh http add sslcert ipport=0\.0\.0\.0:443 certhash=\w+ appid=\S+ clientcertnegotiation=enable\n.*\n  The options given were not checked against this Windows' netsh: no mapping shows which options it knows\.\n  SSL Certificate successfully added\n$/);
    expect(double.state().sslcert).toEqual([expect.objectContaining({ key: '0.0.0.0:443', certhash: hash.toLowerCase(), options: { clientcertnegotiation: 'enable' } })]);

    const again = await httpapi([...add, '--netsh', netshDouble], double.env);
    expect(again.code).toBe(1);
    // Refused before netsh runs: the mappings are read first.
    expect(again.stderr).toMatch(/^httpapi: SSL certificate mapping ipport 0\.0\.0\.0:443 already exists .*netsh would fail with error 183.* Change it in place \(httpapi sslcert update\), or delete it first\.\n$/);

    const deleted = await httpapi(['sslcert', 'delete', '--kind', 'ipport', '--key', '0.0.0.0:443', '--netsh', netshDouble], double.env);
    expect(deleted.code).toBe(0);
    const gone = await httpapi(['sslcert', 'delete', '--kind', 'ipport', '--key', '0.0.0.0:443', '--netsh', netshDouble], double.env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('There is no SSL certificate mapping ipport 0.0.0.0:443 (netsh would fail with error 2)');
  });

  it('a capture source cannot be changed; a bad key is refused before netsh runs', async () => {
    // A key the capture does not hold, so the check before netsh passes and the change itself is refused.
    const capture = await httpapi([...add.map((arg) => (arg === '0.0.0.0:443' ? '0.0.0.0:8443' : arg)), '--sslcert-file', corpusFile('sslcert-en-13field-01.txt')]);
    expect(capture.code).toBe(1);
    expect(capture.stderr).toMatch(/^httpapi: Cannot run netsh http add sslcert .*: the http\.sys source is a capture \(.*\), which is read-only\. Give --netsh PATH/);
    const badKey = await httpapi(['sslcert', 'delete', '--kind', 'hostnameport', '--key', '0.0.0.0', '--netsh', '/nonexistent/netsh']);
    expect(badKey.stderr).toBe("httpapi: --key: '0.0.0.0' is not a hostname:port key (e.g. www.contoso.com:443)\n");
  });

  it('urlacl add and delete, not elevated (inferred Error: 5 wording)', async () => {
    double = useDouble();
    const added = await httpapi(['urlacl', 'add', '--url', 'http://+:8080/', '--users', '[{"user":"Everyone"}]', '--netsh', netshDouble], double.env);
    expect(added.stdout).toContain('URL reservation successfully added');
    expect(double.state().urlacl).toEqual([{ url: 'http://+:8080/', users: [{ user: '\\Everyone', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)' }]);
    // The advice points at the update command, which exists (and works: test/changes/update-reservation.test.ts).
    const again = await httpapi(['urlacl', 'add', '--url', 'http://+:8080/', '--users', '[{"user":"Everyone"}]', '--netsh', netshDouble], double.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Url reservation add failed, Error: 183 .* It already exists: change its access list in place \(httpapi urlacl update\), or delete it first \(httpapi urlacl delete\)\.\n$/);
    const denied = await httpapi(['urlacl', 'delete', '--url', 'http://+:8080/', '--netsh', netshDouble], { ...double.env, HTTPAPI_NETSH_ELEVATED: '0' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/URL reservation delete failed, Error: 5 \/ Access is denied\. Changing http\.sys needs an elevated \(administrator\) process\.\n$/);
  });
});

describe('the dispatcher and the worker', () => {
  it('maps netsh failures to error codes with the Win32 number and the argv', async () => {
    double = useDouble({ sslcert: [{ kind: 'hostnameport', key: 'www.contoso.com:443', certhash: hash.toLowerCase(), appid: iis, certstorename: 'MY' }] });
    const dispatch = createDispatcher(implementations, { netshPath: netshDouble });
    const failure = (method: string, params: unknown) => dispatch(method, params).then(() => expect.fail(`${method} should fail`), (error: { code: number; data: Record<string, unknown> }) => error);

    const exists = await failure('sslcert/add', { kind: 'hostnameport', key: 'www.contoso.com:443', certificateHash: hash, appId: iis });
    // The mappings are read first: an existing or missing key is refused before netsh runs.
    expect(exists).toMatchObject({ code: 1003, data: { id: 'ALREADY_EXISTS', kind: 'hostnameport', key: 'www.contoso.com:443' } });
    expect(await failure('sslcert/update', { kind: 'ipport', key: '0.0.0.0:8443', certificateHash: hash, appId: iis })).toMatchObject({ code: 1002, data: { id: 'NOT_FOUND', key: '0.0.0.0:8443' } });
    expect(await failure('urlacl/delete', { url: 'http://+:80/' })).toMatchObject({ code: 1002, data: { id: 'NOT_FOUND', win32Error: 2 } });
    expect(await failure('sslcert/delete', { kind: 'ccs', key: 'x' })).toMatchObject({ code: -32602, data: { issues: [{ path: 'key' }] } });
    expect(await failure('sslcert/add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: 'abc', appId: iis })).toMatchObject({ code: -32602 });

    double.set('HTTPAPI_NETSH_ELEVATED', '0');
    expect(await failure('sslcert/delete', { kind: 'hostnameport', key: 'www.contoso.com:443' })).toMatchObject({ code: 1004, data: { id: 'NOT_ELEVATED', win32Error: 5 } });
    double.set('HTTPAPI_NETSH_ELEVATED', undefined);

    const updated = await dispatch('sslcert/update', { kind: 'hostnameport', key: 'www.contoso.com:443', certificateHash: hash, appId: iis, certificateStoreName: 'WebHosting' });
    expect(updated).toMatchObject({ applied: true, messages: [expect.stringMatching(/was not looked for in store WebHosting/), 'SSL Certificate successfully updated'] });
    const listed = (await dispatch('sslcert/list', { kind: 'hostnameport', key: 'WWW.CONTOSO.COM:443' })) as { mappings: { certificateStoreName: string }[] };
    expect(listed.mappings.map((mapping) => mapping.certificateStoreName)).toEqual(['WebHosting']);
  });

  it('over JSON-RPC: list from the double, a change error with its data', async () => {
    double = useDouble({}, { HTTPAPI_NETSH_LAYOUT: 'pre2012' });
    writeFileSync(double.statePath, JSON.stringify({ sslcert: [{ kind: 'ipport', key: '0.0.0.0:443', certhash: hash.toLowerCase(), appid: iis, certstorename: 'My' }], urlacl: [] }));
    const worker = await startWorker(['--netsh', netshDouble], { env: { ...process.env, ...double.env } });
    try {
      const list = await worker.connection.sendRequest<{ mappings: { key: string; certificateStoreName: string }[]; format: string }>('sslcert/list', {});
      expect(list).toMatchObject({ format: 'text', mappings: [{ key: '0.0.0.0:443', certificateStoreName: 'My' }] });
      const error = await worker.connection.sendRequest('urlacl/add', { url: 'http://+/', users: [{ user: 'Everyone' }] }).catch((caught: { code: number; data: unknown }) => caught);
      expect(error).toMatchObject({ code: -32602, data: { issues: [{ path: 'url', message: expect.stringMatching(/no port/) }] } });
    } finally {
      await worker.close();
    }
  });
});
