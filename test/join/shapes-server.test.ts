import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// fixtures/shapes-server (its README lists what it holds): the one finding its README promises,
// and thumbprints in its sslcert.txt that are those of its certificate files, by openssl.
describe('fixtures/shapes-server', () => {
  it('diagnoses to exactly the ORPHAN_MAPPING of its scoped CCS mapping, its one SSLFLAGS_MAPPING_MISMATCH, the PRECEDENCE_UNCERTAIN of each specific IP mapping its CCS bindings reach and the CCS_CERT_MISSING of media.contoso.com', () => {
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'diagnose', '--snapshot', 'fixtures/shapes-server', '--json'], { encoding: 'utf8' });
    // 2: CCS_CERT_MISSING is an error.
    expect(run.status, run.stderr).toBe(2);
    const findings = (JSON.parse(run.stdout).findings as { code: string; mapping?: string }[]).map((finding) => `${finding.code} ${finding.mapping ?? '-'}`);
    const ipMappings = ['10.0.0.4:443', '10.0.0.8:443', '10.0.0.16:443', '10.0.0.32:443', '10.0.0.64:443', '[2001:db8::5]:443'];
    expect([...findings].sort()).toEqual(['CCS_CERT_MISSING ccs:443', 'ORPHAN_MAPPING scopedccs:scoped.contoso.com:443', 'SSLFLAGS_MAPPING_MISMATCH ipport:10.0.0.64:443', ...ipMappings.map((key) => `PRECEDENCE_UNCERTAIN ipport:${key}`)].sort());
  });

  it('shows the certificate of ccs/ccs.contoso.com.pfx (as openssl reads it) on the CCS binding of ccs.contoso.com, and says locked.contoso.com.pfx is unreadable (a password it is not given) while the RC2 one is read', () => {
    const pem = execFileSync('openssl', ['pkcs12', '-in', 'fixtures/shapes-server/ccs/ccs.contoso.com.pfx', '-nokeys', '-passin', 'pass:'], { encoding: 'utf8' });
    // openssl prints the bags in file order; the first is the leaf, the CA follows.
    const leaf = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha1', '-subject', '-enddate', '-nameopt', 'RFC2253'], { input: pem, encoding: 'utf8' });
    const thumbprint = /Fingerprint=([0-9A-F:]+)/.exec(leaf)![1]!.replace(/:/g, '');
    expect(leaf).toContain('subject=CN=ccs.contoso.com,O=Contoso Ltd,C=US');
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'bindings', '--snapshot', 'fixtures/shapes-server', '--json'], { encoding: 'utf8' });
    const answer = JSON.parse(run.stdout) as { bindings: { bindingInformation: string; certificate: string | null; ccsFile: string | null }[]; certificates: { id: string; file: string; notAfter: string }[]; notes: string[] };
    const binding = answer.bindings.find((entry) => entry.bindingInformation === '*:443:ccs.contoso.com')!;
    expect(binding.certificate).toBe(`CCS:${thumbprint}`);
    expect(binding.ccsFile).toBe('ccs.contoso.com.pfx');
    const certificate = answer.certificates.find((entry) => entry.id === binding.certificate)!;
    expect(certificate.file).toBe('ccs.contoso.com.pfx');
    expect(new Date(certificate.notAfter).getTime()).toBe(new Date(/notAfter=(.+)/.exec(leaf)![1]!).getTime());
    expect(answer.bindings.find((entry) => entry.bindingInformation === '*:443:media.contoso.com')!.certificate).toBeNull();
    expect(answer.notes.join('\n')).toMatch(/3 file\(s\) in .*; present, certificate unreadable: locked\.contoso\.com\.pfx \(no password tried decrypts its certificates \(2 tried\)\)\.$/m);
  });

  it('sslcert: the ccs:443 mapping says what the store holds instead of "not checked"', () => {
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'sslcert', '--snapshot', 'fixtures/shapes-server', '--kind', 'ccs', '--json'], { encoding: 'utf8' });
    const [ccs] = JSON.parse(run.stdout).mappings as { status: string; statusDetail: string }[];
    expect(ccs!.status).toBe('ok');
    expect(ccs!.statusDetail).toMatch(/^Central Certificate Store enabled: 3 file\(s\) in .*ccs, 1 present with an unreadable certificate; the certificate is chosen per host name$/);
  });

  it('info names where CCS is described: the snapshot\'s ccs/, and nothing for a snapshot without one', () => {
    const info = (snapshot: string) => JSON.parse(spawnSync(process.execPath, ['dist/httpapi.js', 'info', '--snapshot', snapshot, '--json'], { encoding: 'utf8' }).stdout).source.ccs;
    expect(info('fixtures/shapes-server')).toMatch(/^folder: .*fixtures\/shapes-server\/ccs$/);
    expect(info('fixtures/demo-server')).toBeNull();
  });

  it('names its certificate files by their real SHA-1', () => {
    const sha1 = (file: string, der = false) =>
      execFileSync('openssl', ['x509', ...(der ? ['-inform', 'DER'] : []), '-in', file, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).trim().split('=')[1]!.replace(/:/g, '').toLowerCase();
    const hashes = [...readFileSync('fixtures/shapes-server/sslcert.txt', 'utf8').matchAll(/Certificate Hash {13}: ([0-9a-f]{40})/g)].map((match) => match[1]);
    expect(new Set(hashes)).toEqual(new Set([sha1('fixtures/shapes-server/certs/MY/www-contoso.pem'), sha1('fixtures/shapes-server/certs/WebHosting/wildcard-contoso.cer', true)]));
  });
});
