import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCertificateSource } from '../../src/certs/read-certificates.js';
import { certsDir, fixtureRows } from './fixture-table.js';

// Every file the certificate folder's reader reads, in order (the real reads still happen).
const reads: string[] = [];
vi.mock('../../src/source/read-source-file.js', async (original) => {
  const actual = await original<typeof import('../../src/source/read-source-file.js')>();
  return {
    ...actual,
    readSourceFileSync: (file: string, kind: Parameters<typeof actual.readSourceFileSync>[1]) => {
      reads.push(path.basename(file));
      return actual.readSourceFileSync(file, kind);
    },
  };
});

const rows = fixtureRows();
let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
  reads.length = 0;
});

function folder(files: Record<string, string>): string {
  scratch = mkdtempSync(path.join(tmpdir(), 'httpapi-cert-reads-'));
  for (const [name, fixture] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, name)), { recursive: true });
    copyFileSync(path.join(certsDir, fixture), path.join(scratch, name));
  }
  return scratch;
}

describe('reading the certificates mappings name', () => {
  it('reads a named certificate file once for its hash and its parse, its key file once, and an unnamed one once, for the hash', async () => {
    const dir = folder({ 'MY/named.pem': 'www-contoso.pem', 'MY/named.key': 'wildcard-contoso.key', 'MY/other.pem': 'mail-fabrikam.pem', 'MY/other.key': 'wildcard-contoso.key' });
    const named = new Set([rows.get('www-contoso.pem')!.thumbprint]);
    const { certificates } = await readCertificateSource({ kind: 'directory', path: dir }, { named });
    expect(certificates.map((certificate) => certificate.thumbprint)).toEqual([...named]);
    expect(reads.filter((name) => name !== 'keys.json').sort()).toEqual(['named.key', 'named.pem', 'other.pem']);
  });

});
