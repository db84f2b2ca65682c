import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundle, repoRoot } from '../helpers/worker-client.js';
import { fixtureRows } from './fixture-table.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function httpapi(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd: repoRoot, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const rows = fixtureRows();

describe('httpapi certificates (certificates/list through the CLI)', () => {
  it('lists the demo server\'s certificates as JSON', async () => {
    const run = await httpapi('certificates', '--snapshot', 'fixtures/demo-server', '--json');
    expect(run.code).toBe(0);
    const { certificates } = JSON.parse(run.stdout) as { certificates: { store: string; thumbprint: string; hasPrivateKey: boolean; serverAuth: boolean; file: string }[] };
    expect(certificates).toHaveLength(8);
    const byThumbprint = new Map(certificates.map((certificate) => [certificate.thumbprint, certificate]));
    expect(byThumbprint.get(rows.get('wildcard-contoso.cer')!.thumbprint)).toMatchObject({ store: 'WebHosting', hasPrivateKey: true, serverAuth: true });
    expect(byThumbprint.get(rows.get('no-key.pem')!.thumbprint)).toMatchObject({ store: 'MY', hasPrivateKey: false });
    expect(byThumbprint.get(rows.get('client-auth-only.crt')!.thumbprint)).toMatchObject({ serverAuth: false });
    expect(byThumbprint.get(rows.get('expired.pem')!.thumbprint)!.file).toMatch(/fixtures[/\\]demo-server[/\\]certs[/\\]MY[/\\]expired\.pem$/);
  });

  it('takes --store and --thumbprint', async () => {
    const expired = rows.get('expired.pem')!.thumbprint;
    const byStore = JSON.parse((await httpapi('certificates', '--snapshot', 'fixtures/demo-server', '--store', 'WebHosting', '--json')).stdout);
    expect(byStore.certificates.map((certificate: { thumbprint: string }) => certificate.thumbprint)).toEqual([rows.get('wildcard-contoso.cer')!.thumbprint]);
    const byThumbprint = JSON.parse((await httpapi('certificates', '--snapshot', 'fixtures/demo-server', '--thumbprint', expired.toLowerCase(), '--json')).stdout);
    expect(byThumbprint.certificates.map((certificate: { thumbprint: string }) => certificate.thumbprint)).toEqual([expired]);
  });

  it('prints a table a person can read', async () => {
    const run = await httpapi('certificates', '--snapshot', 'fixtures/demo-server');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Store\s+Thumbprint\s+Subject\s+Names\s+Expires\s+Key\s+Purposes\s+Issuer$/);
    expect(lines).toHaveLength(2 + 8);
    expect(lines.find((line) => line.includes('shop.fabrikam.com'))).toContain('2024-03-01 EXPIRED');
    expect(lines.find((line) => line.includes('billing.contoso.com'))).toMatch(/\sNO\s/);
    expect(lines.find((line) => line.includes('partners.contoso.com'))).toContain('clientAuth (not server auth)');
    expect(lines.find((line) => line.includes('localhost'))).toContain('(self-signed)');
  });

  it('fails in one line when the snapshot has no certs folder, or a thumbprint is malformed', async () => {
    const missing = await httpapi('certificates', '--snapshot', 'fixtures/no-such-snapshot');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^httpapi: Cannot read the certificate folder or file .*no-such-snapshot[/\\]certs[^\n]*\n$/);
    const malformed = await httpapi('certificates', '--snapshot', 'fixtures/demo-server', '--thumbprint', 'abc');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/^httpapi: --thumbprint: must be a SHA-1 thumbprint/);
  });
});
