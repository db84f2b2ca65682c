import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// fixtures/shapes-server (its README lists what it holds): the one finding its README promises,
// and thumbprints in its sslcert.txt that are those of its certificate files, by openssl.
describe('fixtures/shapes-server', () => {
  it('diagnoses to exactly the ORPHAN_MAPPING of its scoped CCS mapping, its one SSLFLAGS_MAPPING_MISMATCH and the PRECEDENCE_UNCERTAIN of each specific IP mapping its CCS bindings reach', () => {
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'diagnose', '--snapshot', 'fixtures/shapes-server', '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const findings = (JSON.parse(run.stdout).findings as { code: string; mapping?: string }[]).map((finding) => `${finding.code} ${finding.mapping ?? '-'}`);
    const ipMappings = ['10.0.0.4:443', '10.0.0.8:443', '10.0.0.16:443', '10.0.0.32:443', '10.0.0.64:443', '[2001:db8::5]:443'];
    expect([...findings].sort()).toEqual(['ORPHAN_MAPPING scopedccs:scoped.contoso.com:443', 'SSLFLAGS_MAPPING_MISMATCH ipport:10.0.0.64:443', ...ipMappings.map((key) => `PRECEDENCE_UNCERTAIN ipport:${key}`)].sort());
  });

  it('names its certificate files by their real SHA-1', () => {
    const sha1 = (file: string, der = false) =>
      execFileSync('openssl', ['x509', ...(der ? ['-inform', 'DER'] : []), '-in', file, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).trim().split('=')[1]!.replace(/:/g, '').toLowerCase();
    const hashes = [...readFileSync('fixtures/shapes-server/sslcert.txt', 'utf8').matchAll(/Certificate Hash {13}: ([0-9a-f]{40})/g)].map((match) => match[1]);
    expect(new Set(hashes)).toEqual(new Set([sha1('fixtures/shapes-server/certs/MY/www-contoso.pem'), sha1('fixtures/shapes-server/certs/WebHosting/wildcard-contoso.cer', true)]));
  });
});
