import { describe, expect, it } from 'vitest';
import { parseNetshFailure } from '../../src/httpsys/parse-netsh-failure.js';
import { parseUrlaclText } from '../../src/httpsys/parse-urlacl-text.js';
import { readCapture, sourceLine } from './corpus.js';

// Expectations written by reading the captures in fixtures/corpus/netsh.

const parse = (name: string) => parseUrlaclText(readCapture(name));
const listenOnly = (user: string) => ({ user, listen: true, delegate: false });
const wecsvcSddl =
  'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)(A;;GX;;;S-1-5-80-4059739203-877974739-1245631912-527174227-2996563517)';

describe('show urlacl captures', () => {
  it('urlacl-en-server-01: WinRM reservations with two users each, SDDL wrapped by the console copy joined back', () => {
    const { reservations, unplaced } = parse('urlacl-en-server-01.txt');
    expect(unplaced).toEqual([sourceLine('urlacl-en-server-01.txt')]);
    expect(reservations.map((reservation) => [reservation.url, reservation.users, reservation.sddl])).toEqual([
      ['http://+:80/Temporary_Listen_Addresses/', [listenOnly('\\Everyone')], 'D:(A;;GX;;;WD)'],
      ['http://+:5985/wsman/', [listenOnly('NT SERVICE\\WinRM'), listenOnly('NT SERVICE\\Wecsvc')], wecsvcSddl],
      ['http://+:47001/wsman/', [listenOnly('NT SERVICE\\WinRM'), listenOnly('NT SERVICE\\Wecsvc')], wecsvcSddl],
    ]);
    expect(reservations[0]!.notes).toEqual([]);
    expect(reservations[1]!.notes).toEqual(['the SDDL was wrapped over 2 lines (console copy); joined back into one']);
  });

  it('urlacl-en-win10-01: four reservations, BUILTIN and NT AUTHORITY users', () => {
    const { reservations, unplaced } = parse('urlacl-en-win10-01.txt');
    expect(unplaced).toEqual([sourceLine('urlacl-en-win10-01.txt')]);
    expect(reservations.map((reservation) => [reservation.url, reservation.users, reservation.sddl])).toEqual([
      ['http://*:5357/', [listenOnly('BUILTIN\\Users'), listenOnly('NT AUTHORITY\\LOCAL SERVICE')], 'D:(A;;GX;;;BU)(A;;GX;;;LS)'],
      ['http://+:80/Temporary_Listen_Addresses/', [listenOnly('\\Everyone')], 'D:(A;;GX;;;WD)'],
      ['https://*:5358/', [listenOnly('BUILTIN\\Users'), listenOnly('NT AUTHORITY\\LOCAL SERVICE')], 'D:(A;;GX;;;BU)(A;;GX;;;LS)'],
      ['http://+:10247/apps/', [listenOnly('NT AUTHORITY\\Authenticated Users')], 'D:(A;;GX;;;AU)'],
    ]);
  });

  it('urlacl-en-2008r2-01: trailing spaces after the URL and the SDDL, reduced indentation, no dashes', () => {
    const { reservations, unplaced } = parse('urlacl-en-2008r2-01.txt');
    expect(unplaced).toEqual([sourceLine('urlacl-en-2008r2-01.txt')]);
    expect(reservations).toEqual([{ url: 'http://+:80/Temporary_Listen_Addresses/', users: [listenOnly('\\Everyone')], sddl: 'D:(A;;GX;;;WD)', notes: [] }]);
  });

  it('urlacl-it-01: Italian labels with English Yes/No', () => {
    const { reservations, unplaced } = parse('urlacl-it-01.txt');
    expect(unplaced).toEqual([sourceLine('urlacl-it-01.txt')]);
    expect(reservations).toEqual([{ url: 'http://*:8096/', users: [listenOnly('\\Everyone')], sddl: 'D:(A;;GX;;;WD)', notes: [] }]);
  });

  it('urlacl-en-error-6-01: header with trailing spaces, then the error text, which is unplaced', () => {
    const { reservations, unplaced } = parse('urlacl-en-error-6-01.txt');
    expect(reservations).toEqual([]);
    expect(unplaced).toEqual([sourceLine('urlacl-en-error-6-01.txt'), { line: 5, text: 'The handle is invalid.' }]);
    expect(parseNetshFailure(readCapture('urlacl-en-error-6-01.txt'))).toMatchObject({ win32Error: 6, message: 'The handle is invalid.' });
  });
});

describe('failure captures', () => {
  const cases: [string, number, string | null, string][] = [
    ['error-en-183-sslcert-add-01.txt', 183, 'SSL Certificate add failed, Error: 183', 'Cannot create a file when that file already exists.'],
    ['error-en-1312-sslcert-add-01.txt', 1312, 'SSL Certificate add failed, Error: 1312', 'A specified logon session does not exist. It may already have been terminated.'],
    ['error-en-5-sslcert-add-01.txt', 5, 'SSL Certificate add failed, Error: 5', 'SSL Certificate add failed, Error: 5'],
    ['error-en-6-urlacl-add-01.txt', 6, 'Url reservation add failed, Error: 6', 'The handle is invalid.'],
    ['error-en-87-urlacl-add-01.txt', 87, 'Url reservation add failed, Error: 87', 'The parameter is incorrect.'],
    ['error-en-87-urlacl-delete-01.txt', 87, 'URL reservation delete failed, Error: 87', 'The parameter is incorrect.'],
    [
      'error-de-183-urlacl-add-01.txt',
      183,
      'Die URL-Reservierung konnte nicht hinzugefgt werden. Fehler: 183',
      'Eine Datei kann nicht erstellt werden, wenn sie bereits vorhanden ist.',
    ],
    ['error-en-paramincorrect-sslcert-add-01.txt', 87, null, 'The parameter is incorrect.'],
  ];
  it.each(cases)('%s: Win32 error %i', (name, win32Error, headline, message) => {
    // The whole file: the `# source:` line must not be mistaken for the failure line.
    expect(parseNetshFailure(readCapture(name))).toEqual({ win32Error, kind: 'error', headline, message });
  });

  it('usage-en-2022-add-sslcert-01: the missing-parameter text and Usage block are a usage error (87)', () => {
    expect(parseNetshFailure(readCapture('usage-en-2022-add-sslcert-01.txt'))).toMatchObject({
      win32Error: 87,
      kind: 'usage',
      headline: null,
      message: expect.stringContaining('One or more essential parameters were not entered.'),
    });
  });

  it('success outputs name no error', () => {
    for (const name of ['success-en-sslcert-01.txt', 'success-en-urlacl-add-01.txt']) {
      expect(parseNetshFailure(readCapture(name))).toMatchObject({ win32Error: null, kind: 'unknown', headline: null });
    }
  });

  it('aligned show lines with numbers are not failure lines (the CCS key label is inferred)', () => {
    const show = ['    Revocation Freshness Time    : 0', '    Central Certificate Store    : 443', '    IP:port                      : 0.0.0.0:443'].join('\r\n');
    expect(parseNetshFailure(show).win32Error).toBeNull();
  });
});
