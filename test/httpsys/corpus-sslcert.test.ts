import { describe, expect, it } from 'vitest';
import { parseSslcertText } from '../../src/httpsys/parse-sslcert-text.js';
import type { SslMapping } from '../../src/httpsys/ssl-mapping.js';
import { readCapture, sourceLine } from './corpus.js';

// Every expectation below was written by reading the capture in fixtures/corpus/netsh, not by
// running the parser. Each test parses the whole file: only its `# source:` line is unplaced.

const parse = (name: string) => parseSslcertText(readCapture(name));

/** [name, raw, typed value] of each option line, in printed order. */
const options = (mapping: SslMapping) => mapping.options.map((option) => [option.name, option.raw, option.value]);

const classicDefaults = [
  ['verifyClientCertRevocation', 'Enabled', true],
  ['verifyRevocationWithCachedClientCertOnly', 'Disabled', false],
  ['usageCheck', 'Enabled', true],
  ['revocationFreshnessTime', '0', 0],
  ['urlRetrievalTimeout', '0', 0],
  ['sslCtlIdentifier', '(null)', null],
  ['sslCtlStoreName', '(null)', null],
  ['dsMapperUsage', 'Disabled', false],
  ['clientCertNegotiation', 'Disabled', false],
];
const win10NotSet = [
  ['reject', 'Disabled', false],
  ['disableHttp2', 'Not Set', false],
  ['disableQuic', 'Not Set', false],
  ['disableTls12', 'Not Set', false],
  ['disableTls13', 'Not Set', false],
  ['disableOcspStapling', 'Not Set', false],
  ['enableTokenBinding', 'Not Set', false],
  ['logExtendedEvents', 'Not Set', false],
  ['disableLegacyTls', 'Not Set', false],
  ['enableSessionTicket', 'Not Set', false],
];
const extendedBlocks = [
  {
    label: 'Extended Properties',
    propertyId: 0,
    fields: [
      { name: 'propertyId', label: 'PropertyId', raw: '0', value: 0, parameter: 'propertyid' },
      { name: 'receiveWindow', label: 'Receive Window', raw: '1048576', value: 1048576, parameter: 'receivewindow' },
    ],
  },
  {
    label: 'Extended Properties',
    propertyId: 1,
    fields: [
      { name: 'propertyId', label: 'PropertyId', raw: '1', value: 1, parameter: 'propertyid' },
      { name: 'maxSettingsPerFrame', label: 'Max Settings Per Frame', raw: '2796202', value: 2796202, parameter: 'maxsettingsperframe' },
      { name: 'maxSettingsPerMinute', label: 'Max Settings Per Minute', raw: '4294967295', value: 4294967295, parameter: 'maxsettingsperminute' },
    ],
  },
];

describe('show sslcert captures', () => {
  it('sslcert-en-13field-01: aligned 13 fields, indented 4 extra, no blank line after the dashes, (null) store', () => {
    const { mappings, unplaced } = parse('sslcert-en-13field-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-13field-01.txt')]);
    expect(mappings).toHaveLength(1);
    const [mapping] = mappings;
    expect(mapping).toMatchObject({
      kind: 'ipport',
      key: '0.0.0.0:443',
      keyLabel: 'IP:port',
      address: '0.0.0.0',
      host: null,
      port: 443,
      certificateHash: '5226DC6C54559761CD471B86EB51C096252C90F2',
      certificateHashRaw: '5226dc6c54559761cd471b86eb51c096252c90f2',
      appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}',
      certificateStoreName: null,
      certificateStoreNameRaw: '(null)',
      extendedProperties: [],
      notes: [],
    });
    expect(options(mapping!)).toEqual(classicDefaults);
    expect(mapping!.options[0]).toEqual({
      name: 'verifyClientCertRevocation',
      label: 'Verify Client Certificate Revocation',
      raw: 'Enabled',
      value: true,
      parameter: 'verifyclientcertrevocation',
    });
  });

  it('sslcert-en-13field-ipv6-01: 0.0.0.0:443 and [::]:443, redacted hashes, WebHosting and MY, second entry cut', () => {
    const { mappings, unplaced } = parse('sslcert-en-13field-ipv6-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-13field-ipv6-01.txt')]);
    expect(mappings.map((mapping) => [mapping.key, mapping.address, mapping.port])).toEqual([
      ['0.0.0.0:443', '0.0.0.0', 443],
      ['[::]:443', '[::]', 443],
    ]);
    const [first, second] = mappings;
    expect(first).toMatchObject({ certificateHash: null, certificateHashRaw: 'redacted', appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}', certificateStoreName: 'WebHosting' });
    expect(first!.notes.join()).toContain("'redacted'");
    expect(options(first!)).toEqual(classicDefaults);
    expect(second).toMatchObject({ kind: 'ipport', certificateHashRaw: 'redacted', appId: '{ba195980-cd49-458b-9e23-c84ee0adcd75}', certificateStoreName: 'MY' });
    expect(options(second!)).toEqual(classicDefaults.slice(0, 3));
  });

  it('sslcert-en-2012r2-hostname-01: Hostname:port key, lower-case store my, a CTL store name', () => {
    const { mappings, unplaced } = parse('sslcert-en-2012r2-hostname-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-2012r2-hostname-01.txt')]);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({
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
    const expected = classicDefaults.map((option) => (option[0] === 'sslCtlStoreName' ? ['sslCtlStoreName', 'adfstrusteddevices', 'adfstrusteddevices'] : option));
    expect(options(mappings[0]!)).toEqual(expected);
  });

  it('sslcert-en-2019-01: one blank line after the dashes, cut after the key line', () => {
    const { mappings, unplaced } = parse('sslcert-en-2019-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-2019-01.txt')]);
    expect(mappings).toEqual([
      expect.objectContaining({ kind: 'ipport', key: '0.0.0.0:443', certificateHashRaw: null, appIdRaw: null, certificateStoreNameRaw: null, options: [], notes: [] }),
    ]);
  });

  it('sslcert-en-2022-01: three blank lines after the dashes, masked hash and app id kept raw', () => {
    const { mappings, unplaced } = parse('sslcert-en-2022-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-2022-01.txt')]);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({
      key: '0.0.0.0:443',
      certificateHash: null,
      certificateHashRaw: 'f7eaa06813007460b6fb5ea52696d6fec15afXXX',
      appId: null,
      appIdRaw: '{4dc3e181-e14b-4a21-b022-59fc669b0XXX}',
      certificateStoreName: 'WebHosting',
      options: [],
    });
    expect(mappings[0]!.notes).toHaveLength(2);
  });

  it('sslcert-en-2025-01: placeholders kept raw, Disable Session ID and Enable Caching Client Hello, two extended blocks', () => {
    const { mappings, unplaced } = parse('sslcert-en-2025-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-2025-01.txt')]);
    expect(mappings).toHaveLength(1);
    const [mapping] = mappings;
    expect(mapping).toMatchObject({
      kind: 'ipport',
      key: '<ip:port>',
      address: null,
      port: null,
      certificateHash: null,
      certificateHashRaw: '<hash>',
      appId: null,
      appIdRaw: '{<guid>}',
      certificateStoreName: '<store-name>',
    });
    expect(mapping!.notes).toHaveLength(3);
    expect(options(mapping!)).toEqual([...classicDefaults, ...win10NotSet, ['disableSessionId', 'Not Set', false], ['enableCachingClientHello', 'Not Set', false]]);
    expect(mapping!.extendedProperties).toEqual(extendedBlocks);
  });

  it('sslcert-en-pre2012-01: old padding with trailing spaces, test placeholders {0} {1} {2}, store My', () => {
    const { mappings, unplaced } = parse('sslcert-en-pre2012-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-pre2012-01.txt')]);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ key: '{0}', port: null, certificateHashRaw: '{1}', appIdRaw: '{2}', appId: null, certificateStoreName: 'My', certificateStoreNameRaw: 'My' });
    expect(options(mappings[0]!)).toEqual(classicDefaults);
  });

  it('sslcert-en-pre2012-02: the non-default values (Disabled/Enabled, 60, 5000)', () => {
    const { mappings } = parse('sslcert-en-pre2012-02.txt');
    expect(options(mappings[0]!)).toEqual([
      ['verifyClientCertRevocation', 'Disabled', false],
      ['verifyRevocationWithCachedClientCertOnly', 'Enabled', true],
      ['usageCheck', 'Disabled', false],
      ['revocationFreshnessTime', '60', 60],
      ['urlRetrievalTimeout', '5000', 5000],
      ['sslCtlIdentifier', '(null)', null],
      ['sslCtlStoreName', '(null)', null],
      ['dsMapperUsage', 'Enabled', true],
      ['clientCertNegotiation', 'Enabled', true],
    ]);
  });

  it('sslcert-en-pre2012-03: header without dashes, empty keys, empty and (null) CTL values, second entry cut', () => {
    const { mappings, unplaced } = parse('sslcert-en-pre2012-03.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-pre2012-03.txt')]);
    expect(mappings).toHaveLength(2);
    const [first, second] = mappings;
    expect(first).toMatchObject({
      kind: 'ipport',
      key: '',
      certificateHash: '00112233445566778899AABBCCDDEEFF00112233',
      appId: '{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}',
      certificateStoreName: 'MY',
    });
    expect(options(first!).slice(5, 7)).toEqual([
      ['sslCtlIdentifier', '', null],
      ['sslCtlStoreName', '', null],
    ]);
    expect(second).toMatchObject({
      key: '',
      certificateHash: '112233445566778899AABBCCDDEEFF0011223344',
      appId: '{00000000-1111-2222-3333-444444444444}',
      certificateStoreName: null,
      certificateStoreNameRaw: '(null)',
    });
    expect(options(second!)).toEqual(classicDefaults.slice(0, 8));
  });

  it('sslcert-en-win10-01: header cut, key at column 0, 23 fields and two extended blocks', () => {
    const { mappings, unplaced } = parse('sslcert-en-win10-01.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-win10-01.txt')]);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({
      kind: 'ipport',
      key: '0.0.0.0:44307',
      port: 44307,
      certificateHash: '61D34F532DA121BBAB64723C4871E72C92F03735',
      appId: '{214124cd-d05b-4309-9af9-9caa44b2b74a}',
      certificateStoreName: 'MY',
      notes: [],
    });
    expect(options(mappings[0]!)).toEqual([...classicDefaults, ...win10NotSet]);
    expect(mappings[0]!.extendedProperties).toEqual(extendedBlocks);
  });

  it('sslcert-en-win10-02: revocation checking disabled, hand-trimmed list of 20 fields', () => {
    const { mappings, unplaced } = parse('sslcert-en-win10-02.txt');
    expect(unplaced).toEqual([sourceLine('sslcert-en-win10-02.txt')]);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ key: '0.0.0.0:44307', certificateHash: '61D34F532DA121BBAB64723C4871E72C92F03735', certificateStoreName: 'MY', extendedProperties: [] });
    const expected = [['verifyClientCertRevocation', 'Disabled', false], ...classicDefaults.slice(1), ...win10NotSet.slice(0, 6), ['disableLegacyTls', 'Not Set', false]];
    expect(options(mappings[0]!)).toEqual(expected);
  });
});
