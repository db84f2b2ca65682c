import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCaptureFile, decodeConsoleOutput, parseChcpOutput } from '../../src/httpsys/decode-console-output.js';
import { parseSslcertJson } from '../../src/httpsys/parse-sslcert-json.js';
import { readSslMappings, readUrlReservations } from '../../src/httpsys/read-http-sys.js';
import { corpusFile, readCapture } from './corpus.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'httpapi-httpsys-'));

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as { id: string; message: string },
  );
  expect(error).toBeDefined();
  return error!;
}

describe('reading captures', () => {
  it('reads an sslcert capture as text and says so', async () => {
    const file = corpusFile('sslcert-en-2012r2-hostname-01.txt');
    const read = await readSslMappings({ kind: 'capture', sslcertFile: file });
    expect(read.format).toBe('text');
    expect(read.mappings.map((mapping) => mapping.key)).toEqual(['sts.margiestravel.com:443']);
    const firstLine = readCapture('sslcert-en-2012r2-hostname-01.txt').split('\n')[0]!;
    expect(read.notes).toEqual([`read the capture ${file} (UTF-8)`, `1 line(s) are not part of any mapping; it: 1: ${JSON.stringify(firstLine)}`]);
    expect(read.unplaced).toEqual([{ line: 1, text: firstLine }]);
    expect(read.unplacedCount).toBe(1);
  });

  it('counts the lines of a capture that is not netsh output and shows only the first five, cut', async () => {
    const file = path.join(scratch(), 'urlacl.txt');
    const lines = Array.from({ length: 1000 }, (_, index) => `${index}:${'x'.repeat(5000)}`);
    writeFileSync(file, `${readCapture('urlacl-en-win10-01.txt')}\n${lines.join('\n')}\n`);
    const read = await readUrlReservations({ kind: 'capture', urlaclFile: file });
    const alone = await readUrlReservations({ kind: 'capture', urlaclFile: corpusFile('urlacl-en-win10-01.txt') });
    expect(read.reservations).toEqual(alone.reservations);
    expect(read.unplacedCount).toBe(alone.unplacedCount + 1000);
    expect(read.unplaced).toHaveLength(5);
    const garbage = read.unplaced.filter((line) => line.text.includes('xxx'));
    expect(garbage.length).toBeGreaterThan(0);
    expect(garbage.every((line) => line.text.length < 300 && /\.\.\. \(500\d characters\)$/.test(line.text))).toBe(true);
    const note = read.notes.find((text) => text.includes('not part of any reservation'))!;
    expect(note).toMatch(new RegExp(`^${alone.unplacedCount + 1000} line\\(s\\) are not part of any reservation; the first 5: `));
    expect(note.length).toBeLessThan(1_500);
  });

  it('reads a capture PowerShell 5 wrote (UTF-16LE with BOM, CRLF)', async () => {
    const dir = scratch();
    const file = path.join(dir, 'urlacl.txt');
    const text = readCapture('urlacl-en-win10-01.txt').split('\n').slice(1).join('\r\n');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const read = await readUrlReservations({ kind: 'capture', urlaclFile: file });
    expect(read.notes).toEqual([`read the capture ${file} (UTF-16LE with BOM)`]);
    expect(read.reservations.map((reservation) => reservation.url)).toEqual(['http://*:5357/', 'http://+:80/Temporary_Listen_Addresses/', 'https://*:5358/', 'http://+:10247/apps/']);
    expect(read.unplaced).toEqual([]);
  });

  it('reads a captured `show sslcert json=enable` as JSON', async () => {
    const file = path.join(scratch(), 'sslcert.json');
    const json = {
      SslCertificateBindings: [
        { IpPort: 'www.contoso.com:443', ConfigType: 5, AppId: '4DC3E181-E14B-4A21-B022-59FC669B0914', SslHash: '5226dc6c54559761cd471b86eb51c096252c90f2', SslCertStoreName: 'WebHosting', DisableHttp2: true, Future: { a: 1 } },
      ],
      message: 'The operation completed successfully.',
      status: 0,
    };
    writeFileSync(file, JSON.stringify(json));
    const read = await readSslMappings({ kind: 'capture', sslcertFile: file });
    expect(read.format).toBe('json');
    expect(read.mappings[0]).toMatchObject({
      kind: 'hostnameport',
      host: 'www.contoso.com',
      port: 443,
      certificateHash: '5226DC6C54559761CD471B86EB51C096252C90F2',
      appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}',
      certificateStoreName: 'WebHosting',
      options: [
        { name: 'disableHttp2', label: 'DisableHttp2', raw: 'true', value: true, parameter: 'disablehttp2' },
        { name: 'unknown', label: 'Future', raw: '{"a":1}', value: '{"a":1}', parameter: null },
      ],
    });
  });

  it('a JSON capture of the known shape says its bindings carry no options', async () => {
    const file = path.join(scratch(), 'sslcert.json');
    writeFileSync(file, JSON.stringify({ SslCertificateBindings: [{ IpPort: '0.0.0.0:44300', ConfigType: 1, AppId: '214124cd-d05b-4309-9af9-9caa44b2b74a', SslHash: 'UibcbFRVl2HNRxuG61HAliUskPI=', SslCertStoreName: 'MY' }], message: '', status: 0 }));
    const read = await readSslMappings({ kind: 'capture', sslcertFile: file });
    expect(read.notes).toEqual([
      `read the capture ${file} (UTF-8)`,
      'the capture is `show sslcert json=enable` output',
      'its bindings carry no options: only key, hash, app id and store are known',
    ]);
    expect(read.mappings[0]).toMatchObject({ key: '0.0.0.0:44300', certificateHash: '5226DC6C54559761CD471B86EB51C096252C90F2', appId: '{214124cd-d05b-4309-9af9-9caa44b2b74a}' });
  });

  it('a capture that starts like JSON but is not falls back to text, saying why', async () => {
    const file = path.join(scratch(), 'sslcert.txt');
    writeFileSync(file, `{ not json\r\n${readFileSync(corpusFile('sslcert-en-2019-01.txt'), 'utf8')}`);
    const read = await readSslMappings({ kind: 'capture', sslcertFile: file });
    expect(read.format).toBe('text');
    expect(read.mappings.map((mapping) => mapping.key)).toEqual(['0.0.0.0:443']);
    expect(read.notes[1]).toMatch(/^the capture starts like JSON but the output is not JSON .*; read as text$/);
  });

  it('NO_SOURCE names the option to give when the needed capture is missing', async () => {
    const sslcert = await rejection(readSslMappings({ kind: 'capture', urlaclFile: corpusFile('urlacl-it-01.txt') }));
    expect(sslcert).toMatchObject({ id: 'NO_SOURCE' });
    expect(sslcert.message).toContain('--sslcert-file FILE');
    const urlacl = await rejection(readUrlReservations({ kind: 'capture', sslcertFile: corpusFile('sslcert-en-2019-01.txt') }));
    expect(urlacl.message).toContain('--urlacl-file FILE');
  });

  it('SOURCE_UNREADABLE says which file and why', async () => {
    const dir = scratch();
    const missing = await rejection(readSslMappings({ kind: 'capture', sslcertFile: path.join(dir, 'sslcert.txt') }));
    expect(missing).toMatchObject({ id: 'SOURCE_UNREADABLE' });
    expect(missing.message).toBe(`Cannot read the capture ${path.join(dir, 'sslcert.txt')} (--sslcert-file): no such file.`);
    const folder = await rejection(readUrlReservations({ kind: 'capture', urlaclFile: dir }));
    expect(folder.message).toContain('it is a folder, not a file');
  });

  it('NETSH_UNAVAILABLE when the netsh executable cannot be started', async () => {
    const error = await rejection(readSslMappings({ kind: 'netsh', path: '/nonexistent/netsh.exe', origin: 'explicit' }));
    expect(error).toMatchObject({ id: 'NETSH_UNAVAILABLE' });
    expect(error.message).toBe('Command failed to start: /nonexistent/netsh.exe http show sslcert json=enable: /nonexistent/netsh.exe does not exist');
  });
});

describe('decoding', () => {
  it('console output in the OEM code page', () => {
    const german = 'Die URL-Reservierung konnte nicht hinzugefügt werden. Fehler: 183';
    expect(decodeConsoleOutput(iconv.encode(german, 'cp850'), 850)).toBe(german);
    expect(decodeConsoleOutput(iconv.encode('É', 'cp437'), 437)).toBe('É');
    expect(decodeConsoleOutput(Buffer.from('ü', 'utf8'), 65001)).toBe('ü');
    expect(decodeConsoleOutput(iconv.encode('活动代码页', 'cp936'), 936)).toBe('活动代码页');
  });

  it('the code page from chcp, in English or localized', () => {
    expect(parseChcpOutput('Active code page: 850\r\n')).toBe(850);
    expect(parseChcpOutput('活动代码页: 936')).toBe(936);
    expect(parseChcpOutput('Page de codes active : 850.')).toBe(850);
    expect(parseChcpOutput('')).toBeNull();
  });

  it('capture files: BOMs decide, else UTF-8 when valid, else code page 850', () => {
    expect(decodeCaptureFile(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'UTF-8 with BOM' });
    expect(decodeCaptureFile(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toEqual({ text: 'A', encoding: 'UTF-16BE with BOM' });
    expect(decodeCaptureFile(iconv.encode('hinzugefügt', 'cp850'))).toEqual({ text: 'hinzugefügt', encoding: 'code page 850 (not valid UTF-8, no BOM)' });
  });
});

describe('show sslcert json=enable shapes', () => {
  it('SslHash as base64 of the 20 bytes or a byte list; AppId with or without braces; ConfigType decides the kind', () => {
    const bytes = [...Buffer.from('5226dc6c54559761cd471b86eb51c096252c90f2', 'hex')];
    const parsed = parseSslcertJson(
      JSON.stringify({
        SslCertificateBindings: [
          { IpPort: '[::]:443', ConfigType: 1, AppId: '{BA195980-CD49-458B-9E23-C84EE0ADCD75}', SslHash: Buffer.from(bytes).toString('base64'), SslCertStoreName: null },
          { IpPort: '443', ConfigType: 6, AppId: '4dc3e181-e14b-4a21-b022-59fc669b0914', SslHash: null },
          { HostnamePort: 'a.example:8443', SslHash: bytes },
        ],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.mappings.map((mapping) => [mapping.kind, mapping.key, mapping.address, mapping.host, mapping.port, mapping.certificateHash, mapping.appId])).toEqual([
      ['ipport', '[::]:443', '[::]', null, 443, '5226DC6C54559761CD471B86EB51C096252C90F2', '{ba195980-cd49-458b-9e23-c84ee0adcd75}'],
      ['ccs', '443', null, null, 443, null, '{4dc3e181-e14b-4a21-b022-59fc669b0914}'],
      ['hostnameport', 'a.example:8443', null, 'a.example', 8443, '5226DC6C54559761CD471B86EB51C096252C90F2', null],
    ]);
  });

  it('refusals a fallback can name', () => {
    expect(parseSslcertJson('The parameter is incorrect.')).toMatchObject({ ok: false, reason: expect.stringMatching(/^the output is not JSON/) });
    expect(parseSslcertJson('[]')).toEqual({ ok: false, reason: 'the JSON is not an object' });
    expect(parseSslcertJson('{"message":"Element not found.","status":1168}')).toEqual({ ok: false, reason: 'the JSON has no SslCertificateBindings list (message: Element not found.)' });
    expect(parseSslcertJson('{"SslCertificateBindings":{}}')).toEqual({ ok: false, reason: 'SslCertificateBindings in the JSON is not a list' });
    expect(parseSslcertJson('{"SslCertificateBindings":[{"AppId":"x"}]}')).toEqual({ ok: true, mappings: [], notes: ['SslCertificateBindings[0] has no key this version can read: {"AppId":"x"}'] });
  });
});
