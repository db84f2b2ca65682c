import { afterEach, describe, expect, it } from 'vitest';
import { parseSslcertText } from '../../src/httpsys/parse-sslcert-text.js';
import { parseUrlaclText } from '../../src/httpsys/parse-urlacl-text.js';
import { runNetsh } from '../../src/httpsys/run-netsh.js';
import { readCapture } from './corpus.js';
import { netshDouble, useDouble, type DoubleState } from './double.js';

// The double's texts come from the real captures; these tests load the state a capture shows into
// the double, run `show`, and check that the parser reads both the same.

let double: ReturnType<typeof useDouble> | undefined;
afterEach(() => double?.reset());

async function show(object: 'sslcert' | 'urlacl', state: DoubleState, settings: Parameters<typeof useDouble>[1]) {
  double = useDouble(state, settings);
  const run = await runNetsh(netshDouble, ['http', 'show', object]);
  expect(run.exitCode).toBe(0);
  return run.output;
}

const iisExpress = { kind: 'ipport', key: '0.0.0.0:44307', certhash: '61d34f532da121bbab64723c4871e72c92f03735', appid: '{214124cd-d05b-4309-9af9-9caa44b2b74a}', certstorename: 'MY' };

describe('the parser reads the double and the real capture of the same state identically', () => {
  it('sslcert-en-win10-01 (win10 layout: 23 fields and extended properties)', async () => {
    const output = await show('sslcert', { sslcert: [{ ...iisExpress, options: {} }] }, { HTTPAPI_NETSH_LAYOUT: 'win10' });
    expect(parseSslcertText(output)).toEqual({ mappings: parseSslcertText(readCapture('sslcert-en-win10-01.txt')).mappings, unplaced: [] });
  });

  it('sslcert-en-win10-02 (hand-trimmed capture: each line it kept reads the same)', async () => {
    const output = await show('sslcert', { sslcert: [{ ...iisExpress, options: { verifyclientcertrevocation: 'disable' } }] }, { HTTPAPI_NETSH_LAYOUT: 'win10' });
    const [fromDouble] = parseSslcertText(output).mappings;
    const [fromCapture] = parseSslcertText(readCapture('sslcert-en-win10-02.txt')).mappings;
    const { options: doubleOptions, extendedProperties: _, ...doubleMain } = fromDouble!;
    const { options: captureOptions, extendedProperties: __, ...captureMain } = fromCapture!;
    expect(doubleMain).toEqual(captureMain);
    expect(doubleOptions).toEqual(expect.arrayContaining(captureOptions));
    expect(doubleOptions.filter((option) => !captureOptions.some((kept) => kept.name === option.name)).map((option) => option.name)).toEqual([
      'enableTokenBinding',
      'logExtendedEvents',
      'enableSessionTicket',
    ]);
  });

  it('sslcert-en-13field-01 (2012 layout, store name (null))', async () => {
    const state = { sslcert: [{ kind: 'ipport', key: '0.0.0.0:443', certhash: '5226dc6c54559761cd471b86eb51c096252c90f2', appid: '{4dc3e181-e14b-4a21-b022-59fc669b0914}', certstorename: null }] };
    const output = await show('sslcert', state, { HTTPAPI_NETSH_LAYOUT: '2012' });
    expect(parseSslcertText(output).mappings).toEqual(parseSslcertText(readCapture('sslcert-en-13field-01.txt')).mappings);
  });

  it('sslcert-en-2012r2-hostname-01 (Hostname:port, store my, CTL store name)', async () => {
    const state = {
      sslcert: [
        {
          kind: 'hostnameport',
          key: 'sts.margiestravel.com:443',
          certhash: '2d125f4d735def823178e8f17e6579d04fb97b7a',
          appid: '{5d89a20c-beab-4389-9447-324788eb944a}',
          certstorename: 'my',
          options: { sslctlstorename: 'adfstrusteddevices' },
        },
      ],
    };
    const output = await show('sslcert', state, { HTTPAPI_NETSH_LAYOUT: '2012' });
    expect(parseSslcertText(output).mappings).toEqual(parseSslcertText(readCapture('sslcert-en-2012r2-hostname-01.txt')).mappings);
  });

  it('sslcert-en-pre2012-02 (old padding, trailing spaces, non-default values)', async () => {
    const state = {
      sslcert: [
        {
          kind: 'ipport',
          key: '{0}',
          certhash: '{1}',
          appid: '{2}',
          certstorename: 'My',
          options: {
            verifyclientcertrevocation: 'disable',
            verifyrevocationwithcachedclientcertonly: 'enable',
            usagecheck: 'disable',
            revocationfreshnesstime: 60,
            urlretrievaltimeout: 5000,
            dsmapperusage: 'enable',
            clientcertnegotiation: 'enable',
          },
        },
      ],
    };
    const output = await show('sslcert', state, { HTTPAPI_NETSH_LAYOUT: 'pre2012' });
    expect(output).toContain('    Revocation Freshness Time : 60 \r\n');
    expect(parseSslcertText(output).mappings).toEqual(parseSslcertText(readCapture('sslcert-en-pre2012-02.txt')).mappings);
  });

  it('sslcert-en-2025-01 (newest layout with its placeholders)', async () => {
    const state = { sslcert: [{ kind: 'ipport', key: '<ip:port>', certhash: '<hash>', appid: '{<guid>}', certstorename: '<store-name>' }] };
    const output = await show('sslcert', state, { HTTPAPI_NETSH_LAYOUT: '2025' });
    expect(parseSslcertText(output).mappings).toEqual(parseSslcertText(readCapture('sslcert-en-2025-01.txt')).mappings);
  });

  it('urlacl-en-win10-01', async () => {
    const state = {
      urlacl: [
        { url: 'http://*:5357/', users: [user('BUILTIN\\Users'), user('NT AUTHORITY\\LOCAL SERVICE')], sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)' },
        { url: 'http://+:80/Temporary_Listen_Addresses/', users: [user('\\Everyone')], sddl: 'D:(A;;GX;;;WD)' },
        { url: 'https://*:5358/', users: [user('BUILTIN\\Users'), user('NT AUTHORITY\\LOCAL SERVICE')], sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)' },
        { url: 'http://+:10247/apps/', users: [user('NT AUTHORITY\\Authenticated Users')], sddl: 'D:(A;;GX;;;AU)' },
      ],
    };
    const output = await show('urlacl', state, { HTTPAPI_NETSH_LAYOUT: 'win10' });
    expect(parseUrlaclText(output)).toEqual({ reservations: parseUrlaclText(readCapture('urlacl-en-win10-01.txt')).reservations, unplaced: [] });
  });

  it('urlacl-en-server-01 (the capture\'s wrapped SDDL reads as the one line netsh prints)', async () => {
    const wecsvc = 'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)(A;;GX;;;S-1-5-80-4059739203-877974739-1245631912-527174227-2996563517)';
    const winrm = [user('NT SERVICE\\WinRM'), user('NT SERVICE\\Wecsvc')];
    const state = {
      urlacl: [
        { url: 'http://+:80/Temporary_Listen_Addresses/', users: [user('\\Everyone')], sddl: 'D:(A;;GX;;;WD)' },
        { url: 'http://+:5985/wsman/', users: winrm, sddl: wecsvc },
        { url: 'http://+:47001/wsman/', users: winrm, sddl: wecsvc },
      ],
    };
    const fromDouble = parseUrlaclText(await show('urlacl', state, { HTTPAPI_NETSH_LAYOUT: 'win10' })).reservations;
    const fromCapture = parseUrlaclText(readCapture('urlacl-en-server-01.txt')).reservations;
    // Only the capture carries the note about the console's wrapping.
    expect(fromDouble).toEqual(fromCapture.map((reservation) => ({ ...reservation, notes: [] })));
  });

  it('urlacl-en-2008r2-01 (2012 layout: trailing spaces)', async () => {
    const state = { urlacl: [{ url: 'http://+:80/Temporary_Listen_Addresses/', users: [user('\\Everyone')], sddl: 'D:(A;;GX;;;WD)' }] };
    const output = await show('urlacl', state, { HTTPAPI_NETSH_LAYOUT: '2012' });
    expect(output).toContain('D:(A;;GX;;;WD) \r\n');
    expect(parseUrlaclText(output).reservations).toEqual(parseUrlaclText(readCapture('urlacl-en-2008r2-01.txt')).reservations);
  });

  it('urlacl-it-01 (Italian labels)', async () => {
    const state = { urlacl: [{ url: 'http://*:8096/', users: [user('\\Everyone')], sddl: 'D:(A;;GX;;;WD)' }] };
    const output = await show('urlacl', state, { HTTPAPI_NETSH_LOCALE: 'it' });
    expect(output).toContain('In ascolto: Yes');
    expect(parseUrlaclText(output).reservations).toEqual(parseUrlaclText(readCapture('urlacl-it-01.txt')).reservations);
  });
});

function user(name: string) {
  return { user: name, listen: true, delegate: false };
}

// The comparisons above read both sides with the same parser; these pin what that parser must
// read, written out by hand from the capture files, so a parser that misreads both alike fails.
describe('literal expectations for the captures the parity tests use', () => {
  it('sslcert-en-2012r2-hostname-01: key, hash, app id, store and the options as printed', () => {
    const [mapping, ...rest] = parseSslcertText(readCapture('sslcert-en-2012r2-hostname-01.txt')).mappings;
    expect(rest).toEqual([]);
    expect(mapping).toMatchObject({
      kind: 'hostnameport',
      key: 'sts.margiestravel.com:443',
      keyLabel: 'Hostname:port',
      address: null,
      host: 'sts.margiestravel.com',
      port: 443,
      certificateHash: '2D125F4D735DEF823178E8F17E6579D04FB97B7A',
      appId: '{5d89a20c-beab-4389-9447-324788eb944a}',
      certificateStoreName: 'my',
      notes: [],
    });
    expect(mapping!.options.map((option) => [option.label, option.raw, option.value])).toEqual([
      ['Verify Client Certificate Revocation', 'Enabled', true],
      ['Verify Revocation Using Cached Client Certificate Only', 'Disabled', false],
      ['Usage Check', 'Enabled', true],
      ['Revocation Freshness Time', '0', 0],
      ['URL Retrieval Timeout', '0', 0],
      ['Ctl Identifier', '(null)', null],
      ['Ctl Store Name', 'adfstrusteddevices', 'adfstrusteddevices'],
      ['DS Mapper Usage', 'Disabled', false],
      ['Negotiate Client Certificate', 'Disabled', false],
    ]);
  });

  it('urlacl-en-2008r2-01: the URL without its trailing space, the user, rights and SDDL', () => {
    expect(parseUrlaclText(readCapture('urlacl-en-2008r2-01.txt')).reservations).toEqual([
      { url: 'http://+:80/Temporary_Listen_Addresses/', users: [{ user: '\\Everyone', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)', notes: [] },
    ]);
  });
});
