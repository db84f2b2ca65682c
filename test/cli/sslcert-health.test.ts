import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Owner and certificate status of every mapping of the sample servers, written by hand from
// their sslcert.txt (application ids) and certs/ folders (fixtures/certs/README.md says what
// each certificate is), judged as of 2026-12-01: api.contoso.com's certificate ends 2026-12-15.

const httpapi = (...args: string[]) => spawnSync(process.execPath, ['dist/httpapi.js', ...args], { encoding: 'utf8' });
const asOf = ['--as-of', '2026-12-01'];

const demoServer: [string, string, string][] = [
  ['0.0.0.0:443', 'IIS', 'ok'],
  ['0.0.0.0:44300', 'IIS Express', 'ok'],
  ['0.0.0.0:44301', 'IIS Express', 'ok'],
  ['0.0.0.0:44302', 'IIS Express', 'ok'],
  ['10.0.0.5:443', 'IIS', 'ok'],
  ['10.0.0.9:443', 'IIS', 'ok'],
  ['[::]:443', 'SSTP', 'ok'],
  ['[2001:db8::5]:443', 'IIS', 'ok'],
  ['www.contoso.com:443', 'IIS', 'ok'],
  ['shop.fabrikam.com:443', 'IIS', 'expired'],
  ['api.contoso.com:443', 'IIS', 'expiring'],
  ['billing.contoso.com:443', 'IIS', 'no private key'],
  ['partners.contoso.com:443', 'IIS', 'not server auth'],
  // The certificate names another host: that is the binding's problem (CERT_NAME_MISMATCH), not the mapping's.
  ['intranet.contoso.com:443', 'IIS', 'ok'],
  ['mail.fabrikam.com:443', 'IIS', 'missing'],
  ['cdn.contoso.com:443', 'IIS', 'ok'],
  ['old.contoso.com:443', 'IIS', 'ok'],
];

// IIS Express's installer maps 0.0.0.0:44300-44399 to its localhost certificate.
const iisExpressDemo: [string, string, string][] = Array.from({ length: 100 }, (_, index) => [`0.0.0.0:${44300 + index}`, 'IIS Express', 'ok']);

interface Listed {
  mappings: { key: string; owner: string; status: string; statusDetail: string }[];
}

describe.each([
  ['fixtures/demo-server', demoServer],
  ['fixtures/iisexpress-demo', iisExpressDemo],
])('sslcert on %s', (snapshot, expected) => {
  it('--json gives owner and status for every mapping', () => {
    const run = httpapi('sslcert', '--snapshot', snapshot, ...asOf, '--json');
    expect(run.status, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as Listed;
    expect(listed.mappings.map((mapping) => [mapping.key, mapping.owner, mapping.status])).toEqual(expected);
  });

  it('the table shows owner and status on every mapping line', () => {
    const run = httpapi('sslcert', '--snapshot', snapshot, ...asOf);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Kind +Key +Owner +Status +Certificate hash +Store +Options set$/);
    const rows = lines.slice(2, 2 + expected.length).map((line) => line.split(/ {2,}/).slice(1, 4));
    expect(rows).toEqual(expected);
  });
});

describe('sslcert status details', () => {
  it('name the store that lacks the certificate and the day one expired', () => {
    const listed = JSON.parse(httpapi('sslcert', '--snapshot', 'fixtures/demo-server', ...asOf, '--json').stdout) as Listed;
    const detail = (key: string) => listed.mappings.find((mapping) => mapping.key === key)?.statusDetail;
    expect(detail('mail.fabrikam.com:443')).toBe('719E31BD1F23CD93404A9C7D5E31FEAF7AE4DA12 is not in store MY');
    expect(detail('shop.fabrikam.com:443')).toBe('expired on 2024-03-01T00:00:00.000Z');
    expect(detail('api.contoso.com:443')).toBe('expires in 14 day(s), on 2026-12-15T00:00:00.000Z');
  });

  it('say "not checked" when the source has no certificates', () => {
    const run = httpapi('sslcert', '--sslcert-file', 'fixtures/demo-server/sslcert.txt', '--json');
    expect(run.status, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as Listed & { notes: string[] };
    expect(new Set(listed.mappings.map((mapping) => mapping.status))).toEqual(new Set(['not checked']));
    expect(listed.notes.some((note) => note.startsWith('certificate status skipped:'))).toBe(true);
  });
});
