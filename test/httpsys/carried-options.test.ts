import { describe, expect, it } from 'vitest';
import { carriedOptions } from '../../src/httpsys/carried-options.js';
import { parseSslcertText } from '../../src/httpsys/parse-sslcert-text.js';
import { planReplacement } from '../../src/changes/replace-certificate.js';
import { readCapture } from './corpus.js';

const oldHash = '5226DC6C54559761CD471B86EB51C096252C90F2';
const newHash = 'AB'.repeat(20);

/**
 * Made up, like localized.test.ts (the corpus has no localized show sslcert): a German-style
 * mapping whose option labels the parser does not know, so it names them by position.
 */
const localized = [
  '',
  'SSL-Zertifikatbindungen:',
  '-------------------------',
  '',
  '    IP:Port                      : 0.0.0.0:443',
  `    Zertifikathash               : ${oldHash.toLowerCase()}`,
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
].join('\r\n');

describe('options carried over by an update', () => {
  it('refuses when option lines were not matched by their label, naming them, instead of dropping them', async () => {
    const { mappings } = parseSslcertText(localized);
    let error: unknown;
    try {
      planReplacement(mappings, { oldHash, newHash, whatIf: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ id: 'UNMATCHED_OPTIONS_NEED_ACK', message: expect.stringContaining('allowUnmatchedOptions') });
    expect((error as { data: { lines: string[] } }).data.lines).toEqual([
      'Clientzertifikatsperre überprüfen : Enabled',
      'Sperrüberprüfung nur mit zwischengespeichertem Clientzertifikat : Disabled',
      'Verwendungsüberprüfung : Enabled',
      'Aktualisierungszeit der Sperre : 0',
      'Zeitlimit für URL-Abruf : 0',
      'Ctl-Bezeichner : (null)',
      'Ctl-Speichername : (null)',
      'Verwendung der DS-Zuordnung : Disabled',
      'Clientzertifikat aushandeln : Enabled',
    ]);
  });

  it('updates without the unmatched options once the caller acknowledges that they are reset', async () => {
    const { mappings } = parseSslcertText(localized);
    const plan = planReplacement(mappings, { oldHash, newHash, whatIf: true, allowUnmatchedOptions: true });
    expect(plan.map((step) => step.argv)).toEqual([['http', 'update', 'sslcert', 'ipport=0.0.0.0:443', `certhash=${newHash}`, 'appid={4dc3e181-e14b-4a21-b022-59fc669b0914}', 'certstorename=My']]);
  });

  it('refuses one unknown line among English ones, and carries every English one of a real capture', () => {
    const capture = readCapture('sslcert-en-2025-01.txt');
    const [first] = parseSslcertText(capture).mappings;
    const carried = carriedOptions(first!);
    expect(Object.keys(carried).length).toBe(first!.options.filter((option) => option.parameter && option.value !== null).length);
    expect(Object.keys(carried)).toContain('clientcertnegotiation');
    const withNewLine = { ...first!, options: [...first!.options, { name: 'unknown', label: 'Disable Legacy TLS Versions', raw: 'Set', value: true, parameter: null }] };
    expect(() => carriedOptions(withNewLine)).toThrow(expect.objectContaining({ id: 'UNMATCHED_OPTIONS_NEED_ACK', data: expect.objectContaining({ lines: ['Disable Legacy TLS Versions : Set'] }) }));
    expect(carriedOptions(withNewLine, { allowUnmatchedOptions: true })).toEqual(carried);
  });
});
