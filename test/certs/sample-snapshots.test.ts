import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCertificates } from '../../src/certs/read-certificates.js';
import { sameStore } from '../../src/certs/store-name.js';
import { demoDir, expressDir, fixtureRows } from './fixture-table.js';

/**
 * The sample snapshots' netsh text must look exactly like real netsh output. The label
 * order below is copied by hand from corpus/netsh/sslcert-en-win10-01.txt (one entry).
 */
const win10Labels = [
  'IP:port|Hostname:port', 'Certificate Hash', 'Application ID', 'Certificate Store Name', 'Verify Client Certificate Revocation',
  'Verify Revocation Using Cached Client Certificate Only', 'Usage Check', 'Revocation Freshness Time', 'URL Retrieval Timeout',
  'Ctl Identifier', 'Ctl Store Name', 'DS Mapper Usage', 'Negotiate Client Certificate', 'Reject Connections', 'Disable HTTP2',
  'Disable QUIC', 'Disable TLS1.2', 'Disable TLS1.3', 'Disable OCSP Stapling', 'Enable Token Binding', 'Log Extended Events',
  'Disable Legacy TLS Versions', 'Enable Session Ticket', '(Extended Properties)', 'PropertyId', 'Receive Window',
  '(Extended Properties)', 'PropertyId', 'Max Settings Per Frame', 'Max Settings Per Minute',
];

const corpus = (name: string) => readFileSync(new URL(`../../fixtures/corpus/netsh/${name}`, import.meta.url), 'utf8');

interface Entry {
  kind: 'ipport' | 'hostnameport';
  key: string;
  hash: string;
  store: string;
}

/** Checks one sslcert.txt line by line against the real layout, and returns its entries. */
function checkSslCert(text: string): Entry[] {
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const header = '\r\nSSL Certificate bindings:\r\n-------------------------\r\n\r\n';
  expect(text.startsWith(header)).toBe(true);
  expect(text.endsWith('\r\n\r\n')).toBe(true);
  return text
    .slice(header.length, -4)
    .split('\r\n\r\n')
    .map((block) => {
      const lines = block.split('\r\n');
      const labels = lines.map((line) => {
        if (line === ' Extended Properties:') return '(Extended Properties)';
        const label = line.slice(4, line.indexOf(' : '));
        expect(line).toBe(`    ${label.padEnd(28)} : ${line.slice(line.indexOf(' : ') + 3)}`);
        return label.trimEnd();
      });
      expect(labels.map((label, index) => (win10Labels[index]!.split('|').includes(label) ? 'ok' : label))).toEqual(win10Labels.map(() => 'ok'));
      const value = (index: number) => lines[index]!.slice(lines[index]!.indexOf(' : ') + 3);
      expect(value(1)).toMatch(/^[0-9a-f]{40}$/);
      expect(value(2)).toMatch(/^\{[0-9a-f-]{36}\}$/);
      return { kind: labels[0] === 'IP:port' ? 'ipport' : 'hostnameport', key: value(0), hash: value(1), store: value(3) } as Entry;
    });
}

describe('the sample snapshots\' captures', () => {
  it('the label order copied above is the corpus capture\'s', () => {
    const labels = corpus('sslcert-en-win10-01.txt')
      .split('\n')
      .slice(1, 31)
      .map((line) => (line.trim() === 'Extended Properties:' ? '(Extended Properties)' : line.slice(0, line.indexOf(' : ')).trim()));
    expect(labels).toEqual(win10Labels.map((label) => label.replace('IP:port|Hostname:port', 'IP:port')));
  });

  it('demo-server/sslcert.txt is real netsh layout, and every hash but one is a certificate of the store it names', async () => {
    const entries = checkSslCert(readFileSync(`${demoDir}sslcert.txt`, 'utf8'));
    expect(entries.map((entry) => `${entry.kind} ${entry.key}`)).toEqual([
      'ipport 0.0.0.0:443', 'ipport 0.0.0.0:44300', 'ipport 0.0.0.0:44301', 'ipport 0.0.0.0:44302', 'ipport 10.0.0.5:443', 'ipport 10.0.0.9:443',
      'ipport [::]:443', 'ipport [2001:db8::5]:443', 'hostnameport www.contoso.com:443', 'hostnameport shop.fabrikam.com:443',
      'hostnameport api.contoso.com:443', 'hostnameport billing.contoso.com:443', 'hostnameport partners.contoso.com:443',
      'hostnameport intranet.contoso.com:443', 'hostnameport mail.fabrikam.com:443', 'hostnameport cdn.contoso.com:443', 'hostnameport old.contoso.com:443',
    ]);
    const certificates = await readCertificates({ kind: 'directory', path: `${demoDir}certs` });
    const found = (entry: Entry) => certificates.some((certificate) => certificate.thumbprint === entry.hash.toUpperCase() && sameStore(entry.store, certificate.store));
    expect(entries.filter((entry) => !found(entry)).map((entry) => entry.key)).toEqual(['mail.fabrikam.com:443']);
    expect(entries.find((entry) => entry.key === 'mail.fabrikam.com:443')!.hash).toBe(fixtureRows().get('mail-fabrikam.pem')!.thumbprint.toLowerCase());
  });

  it('iisexpress-demo/sslcert.txt maps 44300-44399 to the development certificate', async () => {
    const entries = checkSslCert(readFileSync(`${expressDir}sslcert.txt`, 'utf8'));
    expect(entries.map((entry) => entry.key)).toEqual(Array.from({ length: 100 }, (_, index) => `0.0.0.0:${44300 + index}`));
    expect(new Set(entries.map((entry) => entry.hash))).toEqual(new Set([fixtureRows().get('iis-express-dev.pem')!.thumbprint.toLowerCase()]));
  });

  it.each([demoDir, expressDir])('%surlacl.txt is real netsh layout', (dir) => {
    const text = readFileSync(`${dir}urlacl.txt`, 'utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.startsWith('\r\nURL Reservations:\r\n-----------------\r\n\r\n')).toBe(true);
    const shapes = [/^    Reserved URL            : \S+$/, /^        User: .+$/, /^            (Listen|Delegate): (Yes|No)$/, /^            SDDL: D:(\(A;;GX;;;[\w-]+\))+$/, /^$/];
    const lines = text.split('\r\n').slice(5);
    expect(lines.filter((line) => !shapes.some((shape) => shape.test(line)))).toEqual([]);
    expect(corpus('urlacl-en-win10-01.txt')).toContain('    Reserved URL            : http://+:80/Temporary_Listen_Addresses/\n        User: \\Everyone\n            Listen: Yes\n            Delegate: No\n            SDDL: D:(A;;GX;;;WD)\n');
    expect(text).toContain('    Reserved URL            : http://+:80/Temporary_Listen_Addresses/\r\n        User: \\Everyone\r\n            Listen: Yes\r\n            Delegate: No\r\n            SDDL: D:(A;;GX;;;WD)\r\n');
  });
});
