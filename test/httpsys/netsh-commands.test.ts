import { describe, expect, it } from 'vitest';
import { checkUrlPrefix, sslcertDeleteArgv, sslcertSetArgv, urlaclAddArgv, urlaclDeleteArgv } from '../../src/httpsys/netsh-commands.js';

const hash = '5226dc6c54559761cd471b86eb51c096252c90f2';
const iis = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';

function rejects(build: () => unknown, field: string, pattern: RegExp) {
  try {
    build();
  } catch (error) {
    expect(error).toMatchObject({ id: 'INVALID_ARGUMENT', data: { field } });
    expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('sslcert argv', () => {
  it('builds the documented parameter list, hash upper-cased, app id braced lower-case, options in catalog order', () => {
    expect(
      sslcertSetArgv('add', {
        kind: 'ipport',
        key: '0.0.0.0:443',
        certificateHash: `  ${hash.slice(0, 20)} ${hash.slice(20)}`,
        appId: '4DC3E181-E14B-4A21-B022-59FC669B0914',
        certificateStoreName: 'WebHosting',
        options: { disablehttp2: true, clientCertNegotiation: 'enable', revocationfreshnesstime: 60, verifyclientcertrevocation: false, sslctlstorename: 'AdfsTrustedDevices' },
      }),
    ).toEqual([
      'http',
      'add',
      'sslcert',
      'ipport=0.0.0.0:443',
      `certhash=${hash.toUpperCase()}`,
      `appid=${iis}`,
      'certstorename=WebHosting',
      'verifyclientcertrevocation=disable',
      'revocationfreshnesstime=60',
      'sslctlstorename=AdfsTrustedDevices',
      'clientcertnegotiation=enable',
      'disablehttp2=enable',
    ]);
  });

  it('takes every key shape of docs/domain.md §5', () => {
    expect(sslcertSetArgv('update', { kind: 'ipport', key: '[::]:443', certificateHash: hash, appId: iis })[3]).toBe('ipport=[::]:443');
    expect(sslcertSetArgv('add', { kind: 'hostnameport', key: 'www.contoso.com:443', certificateHash: hash, appId: iis })[3]).toBe('hostnameport=www.contoso.com:443');
    expect(sslcertSetArgv('add', { kind: 'hostnameport', key: '*.contoso.com:443', certificateHash: hash, appId: iis })[3]).toBe('hostnameport=*.contoso.com:443');
    expect(sslcertSetArgv('add', { kind: 'ccs', key: '443', appId: iis })).toEqual(['http', 'add', 'sslcert', 'ccs=443', `appid=${iis}`]);
    expect(sslcertDeleteArgv('scopedccs', 'www.contoso.com:443')).toEqual(['http', 'delete', 'sslcert', 'scopedccs=www.contoso.com:443']);
  });

  it('refuses keys of the wrong shape for their kind', () => {
    rejects(() => sslcertDeleteArgv('ipport', 'www.contoso.com:443'), 'key', /not an IP:port key/);
    rejects(() => sslcertDeleteArgv('ipport', '300.0.0.1:443'), 'key', /not an IP:port key/);
    rejects(() => sslcertDeleteArgv('ipport', '0.0.0.0:0'), 'key', /outside 1-65535/);
    rejects(() => sslcertDeleteArgv('ipport', '0.0.0.0:70000'), 'key', /outside 1-65535/);
    rejects(() => sslcertDeleteArgv('ccs', '0.0.0.0:443'), 'key', /not a port number/);
    rejects(() => sslcertDeleteArgv('hostnameport', '443'), 'key', /not a hostname:port key/);
    rejects(() => sslcertDeleteArgv('hostnameport', 'bad_-.host..name:443'), 'key', /is not letters, digits, hyphens/);
  });

  it('refuses a missing or malformed hash, a hash or store for CCS, a bad app id, unknown options and bad values', () => {
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', appId: iis }), 'certificateHash', /needs the certificate's hash/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: '\u200e' + hash.slice(1) + 'X', appId: iis }), 'certificateHash', /not a SHA-1 thumbprint/);
    rejects(() => sslcertSetArgv('add', { kind: 'ccs', key: '443', certificateHash: hash, appId: iis }), 'certificateHash', /Central Certificate Store/);
    rejects(() => sslcertSetArgv('add', { kind: 'ccs', key: '443', certificateStoreName: 'MY', appId: iis }), 'certificateStoreName', /no certificate store/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: 'IIS' }), 'appId', /not a GUID/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, certificateStoreName: 'MY"' }), 'certificateStoreName', /holds '"'/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, options: { nosuch: true } }), 'options.nosuch', /known: verifyclientcertrevocation/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, options: { receivewindow: 1 } }), 'options.receivewindow', /not a netsh sslcert parameter/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, options: { disablehttp2: 'maybe' } }), 'options.disablehttp2', /enable\/disable/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, options: { urlretrievaltimeout: -1 } }), 'options.urlretrievaltimeout', /whole number/);
    rejects(() => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, options: { sslctlidentifier: 'a"b' } }), 'options.sslctlidentifier', /holds '"'/);
    rejects(
      () => sslcertSetArgv('add', { kind: 'ipport', key: '0.0.0.0:443', certificateHash: hash, appId: iis, options: { disablehttp2: true, disableHttp2: false } }),
      'options.disablehttp2',
      /given twice/,
    );
  });
});

describe('urlacl argv', () => {
  it('one user with listen/delegate (listen defaults to yes, delegate to no), or an SDDL', () => {
    expect(urlaclAddArgv({ url: 'http://+:80/Temporary_Listen_Addresses/', users: [{ user: 'NT AUTHORITY\\LOCAL SERVICE' }] })).toEqual([
      'http',
      'add',
      'urlacl',
      'url=http://+:80/Temporary_Listen_Addresses/',
      'user=NT AUTHORITY\\LOCAL SERVICE',
      'listen=yes',
      'delegate=no',
    ]);
    expect(urlaclAddArgv({ url: 'https://*:5358/', users: [{ user: 'Jeder', listen: false, delegate: true }] }).slice(4)).toEqual(['user=Jeder', 'listen=no', 'delegate=yes']);
    expect(urlaclAddArgv({ url: 'http://[::1]:8080/', sddl: 'D:(A;;GX;;;BU)(A;;GX;;;LS)' })).toEqual(['http', 'add', 'urlacl', 'url=http://[::1]:8080/', 'sddl=D:(A;;GX;;;BU)(A;;GX;;;LS)']);
    expect(urlaclDeleteArgv('http://myhost:8080/app/')).toEqual(['http', 'delete', 'urlacl', 'url=http://myhost:8080/app/']);
  });

  it('a URL must be a full UrlPrefix: scheme, host, explicit port, trailing slash', () => {
    expect(checkUrlPrefix('https://www.contoso.com:443/')).toBe('https://www.contoso.com:443/');
    rejects(() => checkUrlPrefix('http://+/'), 'url', /no port/);
    rejects(() => checkUrlPrefix('http://+:80'), 'url', /must end with a slash/);
    rejects(() => checkUrlPrefix('http://+:0/'), 'url', /starts with zero/);
    rejects(() => checkUrlPrefix('http://+:65536/'), 'url', /outside 1-65535/);
    rejects(() => checkUrlPrefix('ftp://+:21/'), 'url', /not a URL prefix/);
    rejects(() => checkUrlPrefix('http://+:80/a b/'), 'url', /whitespace/);
  });

  it('users or SDDL, not both, not none, one user only', () => {
    rejects(() => urlaclAddArgv({ url: 'http://+:80/' }), 'users', /one user .* or an SDDL/);
    rejects(() => urlaclAddArgv({ url: 'http://+:80/', users: [{ user: 'a' }, { user: 'b' }] }), 'users', /takes one user/);
    rejects(() => urlaclAddArgv({ url: 'http://+:80/', users: [{ user: 'a' }], sddl: 'D:(A;;GX;;;WD)' }), 'sddl', /not both/);
    rejects(() => urlaclAddArgv({ url: 'http://+:80/', sddl: 'Everyone' }), 'sddl', /does not start with O:, G:, D: or S:/);
    rejects(() => urlaclAddArgv({ url: 'http://+:80/', users: [{ user: 'line\nbreak' }] }), 'users.0.user', /control or invisible character U\+000A/);
  });
});
