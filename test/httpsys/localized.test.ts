import { describe, expect, it } from 'vitest';
import { parseSslcertText } from '../../src/httpsys/parse-sslcert-text.js';
import { parseUrlaclText } from '../../src/httpsys/parse-urlacl-text.js';

// The corpus has no localized `show sslcert` capture (docs/netsh.md §7, gap 4). These texts
// are made up to exercise the structural rules of docs/domain.md §7: labels the parser does not know,
// labels ending in ` :`, `label :value` without a space, English Enabled/Disabled and (null).
// Only `SSL-Zertifikatbindungen:`, `IP:Port` and `Zertifikathash` come from a (non-citable) German
// log the reference mentions; every other label here is invented.

const german = [
  '',
  'SSL-Zertifikatbindungen:',
  '-------------------------',
  '',
  '    IP:Port                      : 0.0.0.0:443',
  '    Zertifikathash               : 5226dc6c54559761cd471b86eb51c096252c90f2',
  '    Anwendungs-ID                : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
  '    Zertifikatspeichername       : My',
  '    Clientzertifikatsperre überprüfen : Enabled',
  '    Sperrüberprüfung nur mit zwischengespeichertem Clientzertifikat : Disabled',
  '    Verwendungsüberprüfung       : Enabled',
  '    Aktualisierungszeit der Sperre : 0',
  '    Zeitlimit für URL-Abruf      : 0',
  '    Ctl-Bezeichner               : (null)',
  '    Ctl-Speichername             : (null)',
  '    Verwendung der DS-Zuordnung  : Disabled',
  '    Clientzertifikat aushandeln  : Enabled',
  '',
  '    Hostname:Port                : www.contoso.com:443',
  '    Zertifikathash               : 2d125f4d735def823178e8f17e6579d04fb97b7a',
  '    Anwendungs-ID                : {4dc3e181-e14b-4a21-b022-59fc669b0914}',
  '    Zertifikatspeichername       : (null)',
  '',
].join('\r\n');

describe('localized show sslcert (made-up labels, real structure)', () => {
  it('reads keys by label or shape, the three main fields and the options by position', () => {
    const { mappings, unplaced } = parseSslcertText(german);
    expect(unplaced).toEqual([]);
    expect(mappings.map((mapping) => [mapping.kind, mapping.key, mapping.certificateHash, mapping.appId, mapping.certificateStoreName])).toEqual([
      ['ipport', '0.0.0.0:443', '5226DC6C54559761CD471B86EB51C096252C90F2', '{4dc3e181-e14b-4a21-b022-59fc669b0914}', 'My'],
      ['hostnameport', 'www.contoso.com:443', '2D125F4D735DEF823178E8F17E6579D04FB97B7A', '{4dc3e181-e14b-4a21-b022-59fc669b0914}', null],
    ]);
    const [first] = mappings;
    expect(first!.options.map((option) => [option.name, option.label, option.value])).toEqual([
      ['verifyClientCertRevocation', 'Clientzertifikatsperre überprüfen', true],
      ['verifyRevocationWithCachedClientCertOnly', 'Sperrüberprüfung nur mit zwischengespeichertem Clientzertifikat', false],
      ['usageCheck', 'Verwendungsüberprüfung', true],
      ['revocationFreshnessTime', 'Aktualisierungszeit der Sperre', 0],
      ['urlRetrievalTimeout', 'Zeitlimit für URL-Abruf', 0],
      ['sslCtlIdentifier', 'Ctl-Bezeichner', null],
      ['sslCtlStoreName', 'Ctl-Speichername', null],
      ['dsMapperUsage', 'Verwendung der DS-Zuordnung', false],
      ['clientCertNegotiation', 'Clientzertifikat aushandeln', true],
    ]);
    expect(first!.notes).toEqual([
      'certificate hash, application id and store name lines have labels not recognized; placed by their position',
      'option labels not recognized (localized output?); options named by their position in the 9-line layout',
    ]);
  });

  it('a key label it does not know is read by the key\'s shape; a value of the wrong shape stays unnamed', () => {
    const text = ['Liaisons de certificat SSL :', '', 'Adresse IP:port    :10.0.0.5:8443', 'Hachage du certificat : : abc', 'Autre :', '    Vérifier : Peut-être'].join('\n');
    const { mappings, unplaced } = parseSslcertText(text);
    expect(unplaced).toEqual([]);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ kind: 'ipport', key: '10.0.0.5:8443', address: '10.0.0.5', port: 8443, keyLabel: 'Adresse IP:port', certificateHashRaw: 'abc' });
    expect(mappings[0]!.notes[0]).toBe("key label 'Adresse IP:port' is not a known label; kind ipport taken from the key's shape");
  });
});

describe('localized show urlacl beyond the Italian capture', () => {
  it('reads users and rights by indentation and order when labels are unknown (German-style, invented labels)', () => {
    const text = [
      'URL-Reservierungen:',
      '-------------------',
      '',
      '    Reservierte URL         : http://+:8080/',
      '        Benutzer: \\Jeder',
      '            Abhören: Yes',
      '            Delegieren: No',
      '            SDDL: D:(A;;GX;;;WD)',
      '',
    ].join('\r\n');
    expect(parseUrlaclText(text)).toEqual({
      reservations: [{ url: 'http://+:8080/', users: [{ user: '\\Jeder', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)', notes: [] }],
      unplaced: [],
    });
  });
});
