import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { applyNetshChange } from '../../src/httpsys/change-http-sys.js';
import { decodeConsoleOutput } from '../../src/httpsys/decode-console-output.js';
import { netshRunError } from '../../src/httpsys/netsh-error.js';
import { sslcertDeleteArgv, sslcertSetArgv, urlaclAddArgv, urlaclDeleteArgv } from '../../src/httpsys/netsh-commands.js';
import { parseNetshFailure } from '../../src/httpsys/parse-netsh-failure.js';
import { forgetSslcertFormats, readSslMappings, readUrlReservations } from '../../src/httpsys/read-http-sys.js';
import { runNetsh } from '../../src/httpsys/run-netsh.js';
import type { HttpSysSource } from '../../src/source/resolve-source.js';
import { netshDouble, useDouble } from '../httpsys/double.js';

const source: HttpSysSource = { kind: 'netsh', path: netshDouble, origin: 'explicit' };
const hashA = '5226DC6C54559761CD471B86EB51C096252C90F2';
const hashB = '61D34F532DA121BBAB64723C4871E72C92F03735';
const iis = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';

let double: ReturnType<typeof useDouble> | undefined;
afterEach(() => {
  double?.reset();
  // Each test puts another double behind the same netsh path.
  forgetSslcertFormats();
});

/** The HttpApiError a change fails with. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as { id: string; message: string; data: Record<string, unknown> },
  );
  expect(error, 'the change should have failed').toBeDefined();
  return error!;
}

describe('sslcert through the double', () => {
  it('add, show, update, show, delete, show', async () => {
    double = useDouble();
    const added = await applyNetshChange(source, sslcertSetArgv('add', { kind: 'hostnameport', key: 'www.contoso.com:443', certificateHash: hashA, appId: iis, certificateStoreName: 'WebHosting' }));
    expect(added).toEqual({
      applied: true,
      steps: [{ kind: 'netsh', argv: ['http', 'add', 'sslcert', 'hostnameport=www.contoso.com:443', `certhash=${hashA}`, `appid=${iis}`, 'certstorename=WebHosting'] }],
      messages: ['SSL Certificate successfully added'],
    });
    let read = await readSslMappings(source);
    expect(read.format).toBe('text');
    expect(read.notes[0]).toBe('this netsh refused json=enable (exit code 1: The parameter is incorrect.); read the text form instead');
    expect(read.mappings.map((mapping) => [mapping.kind, mapping.key, mapping.host, mapping.certificateHash, mapping.appId, mapping.certificateStoreName])).toEqual([
      ['hostnameport', 'www.contoso.com:443', 'www.contoso.com', hashA, iis, 'WebHosting'],
    ]);

    const updated = await applyNetshChange(
      source,
      sslcertSetArgv('update', { kind: 'hostnameport', key: 'www.contoso.com:443', certificateHash: hashB, appId: iis, options: { disablehttp2: true, revocationfreshnesstime: 60 } }),
    );
    expect(updated.messages).toEqual(['SSL Certificate successfully updated']);
    read = await readSslMappings(source);
    const [mapping] = read.mappings;
    expect(mapping).toMatchObject({ certificateHash: hashB, certificateStoreName: null });
    expect(mapping!.options.filter((option) => ['disableHttp2', 'revocationFreshnessTime'].includes(option.name)).map((option) => [option.raw, option.value])).toEqual([
      ['60', 60],
      ['Set', true],
    ]);

    expect((await applyNetshChange(source, sslcertDeleteArgv('hostnameport', 'www.contoso.com:443'))).messages).toEqual(['SSL Certificate successfully deleted']);
    expect((await readSslMappings(source)).mappings).toEqual([]);
  });

  it('json=enable (inferred JSON shape): used when it works; bindings without options (the known shape) are read again as text', async () => {
    double = useDouble({}, { HTTPAPI_NETSH_JSON: '1' });
    expect(await readSslMappings(source)).toEqual({ mappings: [], format: 'json', notes: [`read with ${netshDouble} http show sslcert json=enable`], unplaced: [], unplacedCount: 0 });

    double.reset();
    double = useDouble(
      { sslcert: [{ kind: 'ipport', key: '0.0.0.0:443', certhash: hashA.toLowerCase(), appid: iis, certstorename: 'MY', options: { clientcertnegotiation: 'enable' } }] },
      { HTTPAPI_NETSH_JSON: '1' },
    );
    const read = await readSslMappings(source);
    expect(read.format).toBe('text');
    expect(read.notes[0]).toBe(`${netshDouble} http show sslcert json=enable worked, but its bindings carry no options; read the text form instead`);
    expect(read.mappings[0]).toMatchObject({ key: '0.0.0.0:443', certificateHash: hashA, appId: iis, certificateStoreName: 'MY' });
    expect(read.mappings[0]!.options.find((option) => option.name === 'clientCertNegotiation')?.value).toBe(true);
  });

  it('183 on add of an existing key is ALREADY_EXISTS', async () => {
    double = useDouble({ sslcert: [{ kind: 'ipport', key: '0.0.0.0:443', certhash: hashA.toLowerCase(), appid: iis, certstorename: null }] });
    const argv = sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hashB, appId: iis });
    const error = await failure(applyNetshChange(source, argv));
    expect(error.id).toBe('ALREADY_EXISTS');
    expect(error.data).toMatchObject({ win32Error: 183, argv, exitCode: 1, netshMessage: 'Cannot create a file when that file already exists.' });
    expect(error.message).toBe(
      `Command failed (Win32 error 183, exit code 1): ${netshDouble} ${argv.join(' ')}: SSL Certificate add failed, Error: 183 / Cannot create a file when that file already exists. It already exists: change it in place (sslcert/update), or delete it first.`,
    );
  });

  it('2 on update or delete of a missing key is NOT_FOUND', async () => {
    double = useDouble();
    const update = await failure(applyNetshChange(source, sslcertSetArgv('update', { kind: 'ipport', key: '10.0.0.5:443', certificateHash: hashA, appId: iis })));
    expect(update).toMatchObject({ id: 'NOT_FOUND', data: { win32Error: 2 } });
    const deletion = await failure(applyNetshChange(source, sslcertDeleteArgv('ipport', '[::]:443')));
    expect(deletion).toMatchObject({ id: 'NOT_FOUND', data: { win32Error: 2, argv: ['http', 'delete', 'sslcert', 'ipport=[::]:443'] } });
    expect(deletion.message).toContain('SSL Certificate deletion failed, Error: 2 / The system cannot find the file specified.');
  });

  it('5 when not elevated is NOT_ELEVATED, and nothing changes (inferred text: Access is denied.)', async () => {
    double = useDouble({}, { HTTPAPI_NETSH_ELEVATED: '0' });
    const error = await failure(applyNetshChange(source, sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hashA, appId: iis })));
    expect(error).toMatchObject({ id: 'NOT_ELEVATED', data: { win32Error: 5, netshMessage: 'Access is denied.' } });
    expect(double.state().sslcert).toEqual([]);
  });

  it('87: a bad parameter (bare message) and a missing one (usage text) are NETSH_FAILED with the number', async () => {
    double = useDouble();
    const bad = await runNetsh(netshDouble, ['http', 'add', 'sslcert', 'ipport=0.0.0.0:443', 'certhash=not-a-hash', `appid=${iis}`]);
    expect(bad.exitCode).toBe(1);
    expect(netshRunError(bad)).toMatchObject({ id: 'NETSH_FAILED', data: { win32Error: 87, netshMessage: 'The parameter is incorrect.' } });

    const missing = await runNetsh(netshDouble, ['http', 'add', 'sslcert', 'ipport=0.0.0.0:443', `certhash=${hashA}`]);
    expect(parseNetshFailure(missing.output)).toMatchObject({ win32Error: 87, kind: 'usage' });
    expect(netshRunError(missing).message).toMatch(/Win32 error 87, usage text, exit code 1\): .*: One or more essential parameters were not entered\./);
  });

  it('show of a missing key prints the header, then the error text (inferred)', async () => {
    double = useDouble();
    const run = await runNetsh(netshDouble, ['http', 'show', 'sslcert', 'ipport=0.0.0.0:443']);
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain('SSL Certificate bindings:');
    expect(parseNetshFailure(run.output)).toMatchObject({ win32Error: 2, message: 'The system cannot find the file specified.' });
  });
});

describe('urlacl through the double', () => {
  it('add with a user, show, add again (183), delete, delete again (2)', async () => {
    double = useDouble();
    const added = await applyNetshChange(source, urlaclAddArgv({ url: 'http://+:8080/app/', users: [{ user: 'Everyone' }] }));
    expect(added.steps[0]!.argv).toEqual(['http', 'add', 'urlacl', 'url=http://+:8080/app/', 'user=Everyone', 'listen=yes', 'delegate=no']);
    expect(added.messages).toEqual(['URL reservation successfully added']);
    expect((await readUrlReservations(source)).reservations).toEqual([
      { url: 'http://+:8080/app/', users: [{ user: '\\Everyone', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)', notes: [] },
    ]);

    const again = await failure(applyNetshChange(source, urlaclAddArgv({ url: 'http://+:8080/app/', sddl: 'D:(A;;GX;;;BU)' })));
    expect(again).toMatchObject({ id: 'ALREADY_EXISTS', data: { win32Error: 183 } });
    expect(again.message).toContain('Url reservation add failed, Error: 183');

    expect((await applyNetshChange(source, urlaclDeleteArgv('http://+:8080/app/'))).messages).toEqual(['URL reservation successfully deleted']);
    const gone = await failure(applyNetshChange(source, urlaclDeleteArgv('http://+:8080/app/')));
    expect(gone).toMatchObject({ id: 'NOT_FOUND', data: { win32Error: 2 } });
  });

  it('add with an SDDL of several users', async () => {
    double = useDouble();
    await applyNetshChange(source, urlaclAddArgv({ url: 'https://*:5358/', sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)' }));
    expect((await readUrlReservations(source)).reservations[0]).toEqual({
      url: 'https://*:5358/',
      users: [
        { user: 'BUILTIN\\Users', listen: true, delegate: false },
        { user: 'NT AUTHORITY\\LOCAL SERVICE', listen: true, delegate: false },
      ],
      sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)',
      notes: [],
    });
  });

  it('87 for a URL without port or trailing slash, 5 when not elevated (inferred Error: 5 wording)', async () => {
    double = useDouble();
    const bad = await runNetsh(netshDouble, ['http', 'add', 'urlacl', 'url=http://+/', 'user=Everyone']);
    expect(netshRunError(bad)).toMatchObject({ id: 'NETSH_FAILED', data: { win32Error: 87 } });
    expect(bad.output).toContain('Url reservation add failed, Error: 87');
    double.set('HTTPAPI_NETSH_ELEVATED', '0');
    const denied = await failure(applyNetshChange(source, urlaclDeleteArgv('http://+:80/')));
    expect(denied).toMatchObject({ id: 'NOT_ELEVATED', data: { win32Error: 5 } });
    expect(denied.message).toContain('URL reservation delete failed, Error: 5');
  });

  it('German output: Fehler: 183 is ALREADY_EXISTS, and its bytes decode from code page 850', async () => {
    const reservation = { url: 'http://+:8080/', users: [{ user: '\\Everyone', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)' };
    double = useDouble({ urlacl: [reservation] }, { HTTPAPI_NETSH_LOCALE: 'de' });
    const error = await failure(applyNetshChange(source, urlaclAddArgv({ url: 'http://+:8080/', users: [{ user: 'Everyone' }] })));
    expect(error).toMatchObject({ id: 'ALREADY_EXISTS', data: { win32Error: 183, netshMessage: 'Eine Datei kann nicht erstellt werden, wenn sie bereits vorhanden ist.' } });

    double.set('HTTPAPI_NETSH_CODEPAGE', '850');
    const raw = await execa(netshDouble, ['http', 'add', 'urlacl', 'url=http://+:8080/', 'user=Everyone'], { encoding: 'buffer', reject: false });
    expect([...raw.stdout]).toContain(0x81); // ü in code page 850
    expect(decodeConsoleOutput(raw.stdout, 850)).toContain('Die URL-Reservierung konnte nicht hinzugefügt werden. Fehler: 183');
    expect(decodeConsoleOutput(raw.stdout, null)).not.toContain('hinzugefügt');
  });
});
