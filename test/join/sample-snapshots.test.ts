import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The sample snapshots' READMEs list, in a table, exactly the findings each must produce.
// Those tables were written from how the snapshots were built, not from our output, so
// they are the expectation; the CLI run below is the real product.

interface ExpectedRow {
  code: string;
  site?: string;
  binding?: string;
  mapping?: string;
}

function expectedFindings(readme: string): ExpectedRow[] {
  const section = readme.slice(readme.indexOf('## Expected findings'));
  const rows = section.split('\n').filter((line) => /^\| [A-Z][A-Z0-9_]{4,} \|/.test(line));
  return rows.map((line) => {
    const [code = '', site = '', binding = '', mapping = ''] = line.split('|').slice(1).map((cell) => cell.trim());
    const unquote = (cell: string) => /`([^`]*)`/.exec(cell)?.[1];
    return {
      code,
      ...(site !== '-' ? { site } : {}),
      ...(unquote(binding) !== undefined ? { binding: unquote(binding) } : {}),
      ...(unquote(mapping) !== undefined ? { mapping: unquote(mapping) } : {}),
    };
  });
}

/** The day the expiring-soon certificate was made: 20 days before its notAfter. */
function generationDay(): string {
  const notAfter = new Date(new X509Certificate(readFileSync('fixtures/certs/expiring-soon.pem')).validTo);
  return new Date(notAfter.getTime() - 20 * 86_400_000).toISOString();
}

function diagnose(snapshot: string) {
  const run = spawnSync(process.execPath, ['dist/httpapi.js', 'diagnose', '--snapshot', snapshot, '--as-of', generationDay(), '--json'], { encoding: 'utf8' });
  return { status: run.status, result: JSON.parse(run.stdout) as { findings: (ExpectedRow & { severity: string })[]; summary: Record<string, number> } };
}

const project = (finding: ExpectedRow): ExpectedRow => ({
  code: finding.code,
  ...(finding.site ? { site: finding.site } : {}),
  ...(finding.binding ? { binding: finding.binding } : {}),
  ...(finding.mapping ? { mapping: finding.mapping } : {}),
});
const sortRows = (rows: ExpectedRow[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(['fixtures/demo-server', 'fixtures/iisexpress-demo'])('sample snapshot %s', (snapshot) => {
  const expected = expectedFindings(readFileSync(`${snapshot}/README.md`, 'utf8'));

  it('reports exactly the findings its README plants, and exits 2 because some are errors', () => {
    expect(expected.length).toBeGreaterThan(2);
    const { status, result } = diagnose(snapshot);
    expect(status).toBe(2);
    // The README names the mapping only where a finding concerns one; compare what it names.
    const actual = result.findings.map((finding) => {
      const row = project(finding);
      const wanted = expected.find((candidate) => candidate.code === row.code && candidate.site === row.site && candidate.binding === row.binding);
      return wanted && !wanted.mapping ? { ...row, mapping: undefined } : row;
    });
    expect(sortRows(actual.map(project))).toEqual(sortRows(expected));
  });
});

interface Answer {
  bindings: { site: string; bindingInformation: string; declaredMapping: string | null; effectiveMapping: { withSni: string | null; withoutSni: string | null }; clientPaths: { family: string; sni: boolean; mapping: string | null; ipFirst: string[]; ipFirstCount: number }[]; certificate: string | null; findings: { mapping?: string; certificate?: string }[] }[];
  mappings: { id: string; kind: string; key: string; sharedBy: { site: string; bindingInformation: string }[] }[];
  certificates: { id: string; store: string; thumbprint: string; subject: string }[];
  findings: { code: string; mapping?: string; certificate?: string }[];
}

/** The --json answer; the command exits 2 when it reports error findings, which is still an answer. */
function bindingsJson(...args: string[]): Answer {
  const run = spawnSync(process.execPath, ['dist/httpapi.js', 'bindings', ...args, '--json'], { encoding: 'utf8' });
  expect([0, 2], run.stderr).toContain(run.status);
  return JSON.parse(run.stdout);
}

describe('bindings on the demo server', () => {
  it('shows the declared and effective mappings and the certificate for each https binding, by reference', () => {
    const result = bindingsJson('--snapshot', 'fixtures/demo-server', '--as-of', generationDay());
    const mappings = new Map(result.mappings.map((mapping) => [mapping.id, mapping]));
    const certificates = new Map(result.certificates.map((certificate) => [certificate.id, certificate]));
    const byBinding = new Map(result.bindings.map((binding) => [binding.bindingInformation, binding]));
    const resolved = (bindingInformation: string) => {
      const binding = byBinding.get(bindingInformation)!;
      const mapping = (id: string | null) => (id === null ? null : mappings.get(id));
      return {
        declaredMapping: mapping(binding.declaredMapping),
        effectiveMapping: { withSni: mapping(binding.effectiveMapping.withSni), withoutSni: mapping(binding.effectiveMapping.withoutSni) },
        certificate: binding.certificate === null ? null : certificates.get(binding.certificate),
      };
    };
    expect(resolved('*:443:www.contoso.com')).toMatchObject({
      declaredMapping: { kind: 'hostnameport', key: 'www.contoso.com:443', exists: true },
      effectiveMapping: { withSni: { key: 'www.contoso.com:443' }, withoutSni: { key: '0.0.0.0:443' } },
      certificate: { subject: expect.stringContaining('CN=www.contoso.com'), store: 'MY' },
    });
    expect(resolved('[2001:db8::5]:443:')).toMatchObject({ declaredMapping: { key: '[2001:db8::5]:443', exists: true }, effectiveMapping: { withoutSni: { key: '[2001:db8::5]:443' } } });
    expect(resolved('10.0.0.5:443:portal.contoso.com').declaredMapping?.sharedBy).toEqual([
      { site: 'Contoso Portal', bindingInformation: '10.0.0.5:443:portal.contoso.com' },
      { site: 'Contoso Docs', bindingInformation: '10.0.0.5:443:docs.contoso.com' },
    ]);
    expect(resolved('*:443:media.contoso.com')).toMatchObject({ declaredMapping: { kind: 'ccs', key: '443', exists: false }, effectiveMapping: { withSni: { key: '0.0.0.0:443' } } });
    expect(result.findings.map((finding) => finding.code).sort()).toEqual(['DUPLICATE_BINDING', 'ORPHAN_MAPPING', 'PRECEDENCE_UNCERTAIN', 'PRECEDENCE_UNCERTAIN', 'PRECEDENCE_UNCERTAIN', 'SHADOWING_IP_MAPPING']);
  });

  it('gives every binding a client path per family it listens on, with SNI and without, by mapping id', () => {
    const result = bindingsJson('--snapshot', 'fixtures/demo-server', '--as-of', generationDay());
    const paths = (bindingInformation: string) => result.bindings.find((binding) => binding.bindingInformation === bindingInformation)!.clientPaths;
    // A `*` binding listens on both families; SSTP's [::]:443 answers its IPv6 clients.
    expect(paths('*:443:')).toEqual([
      { family: 'ipv4', sni: true, mapping: 'ipport:0.0.0.0:443', ipFirst: [], ipFirstCount: 0 },
      { family: 'ipv4', sni: false, mapping: 'ipport:0.0.0.0:443', ipFirst: [], ipFirstCount: 0 },
      { family: 'ipv6', sni: true, mapping: 'ipport:[::]:443', ipFirst: [], ipFirstCount: 0 },
      { family: 'ipv6', sni: false, mapping: 'ipport:[::]:443', ipFirst: [], ipFirstCount: 0 },
    ]);
    // SNI first gives its own mapping; 10.0.0.5:443 holds another certificate (10.0.0.9 and
    // [2001:db8::5] hold the same one, so they leave no doubt).
    expect(paths('*:443:www.contoso.com')).toEqual([
      { family: 'ipv4', sni: true, mapping: 'hostnameport:www.contoso.com:443', ipFirst: ['ipport:10.0.0.5:443'], ipFirstCount: 1 },
      { family: 'ipv4', sni: false, mapping: 'ipport:0.0.0.0:443', ipFirst: [], ipFirstCount: 0 },
      { family: 'ipv6', sni: true, mapping: 'hostnameport:www.contoso.com:443', ipFirst: [], ipFirstCount: 0 },
      { family: 'ipv6', sni: false, mapping: 'ipport:[::]:443', ipFirst: [], ipFirstCount: 0 },
    ]);
    // A specific address listens on its own family only.
    expect(paths('[2001:db8::5]:443:').map((path) => `${path.family} ${path.sni} ${path.mapping}`)).toEqual(['ipv6 true ipport:[2001:db8::5]:443', 'ipv6 false ipport:[2001:db8::5]:443']);
    expect(paths('10.0.0.5:443:portal.contoso.com').map((path) => path.family)).toEqual(['ipv4', 'ipv4']);
    const precedence = result.findings.filter((finding) => finding.code === 'PRECEDENCE_UNCERTAIN');
    expect(precedence.map((finding) => finding.mapping).sort()).toEqual(['ipport:10.0.0.5:443', 'ipport:10.0.0.9:443', 'ipport:[2001:db8::5]:443']);
  });

  it('lists each mapping and certificate once, and every reference of a binding or finding resolves to one of them', () => {
    for (const snapshot of ['fixtures/demo-server', 'fixtures/iisexpress-demo']) {
      const result = bindingsJson('--snapshot', snapshot, '--as-of', generationDay());
      const mappingIds = result.mappings.map((mapping) => mapping.id);
      const certificateIds = result.certificates.map((certificate) => certificate.id);
      expect(new Set(mappingIds).size).toBe(mappingIds.length);
      expect(new Set(certificateIds).size).toBe(certificateIds.length);
      expect(result.mappings.every((mapping) => mapping.id === `${mapping.kind}:${mapping.key}`)).toBe(true);
      expect(result.certificates.every((certificate) => certificate.id === `${certificate.store}:${certificate.thumbprint}`)).toBe(true);
      const mappingRefs = result.bindings.flatMap((binding) => [binding.declaredMapping, binding.effectiveMapping.withSni, binding.effectiveMapping.withoutSni, ...binding.clientPaths.flatMap((path) => [path.mapping, ...path.ipFirst])]);
      const findings = [...result.findings, ...result.bindings.flatMap((binding) => binding.findings)];
      const wanted = [...mappingRefs, ...findings.map((finding) => finding.mapping)].filter((id): id is string => typeof id === 'string');
      expect(wanted.filter((id) => !mappingIds.includes(id))).toEqual([]);
      const certificateRefs = [...result.bindings.map((binding) => binding.certificate), ...findings.map((finding) => finding.certificate)].filter((id): id is string => typeof id === 'string');
      expect(certificateRefs.filter((id) => !certificateIds.includes(id))).toEqual([]);
      // Nothing listed that nobody refers to.
      expect(mappingIds.filter((id) => !wanted.includes(id))).toEqual([]);
      expect(certificateIds.filter((id) => !certificateRefs.includes(id))).toEqual([]);
    }
  });

  it('lists the sharers of an IP mapping once, on the mapping, however many share it', () => {
    const result = bindingsJson('--snapshot', 'fixtures/demo-server');
    const sharerLists = result.mappings.filter((mapping) => mapping.sharedBy.length > 0);
    expect(sharerLists.map((mapping) => mapping.id)).toEqual(['ipport:10.0.0.5:443']);
    const serialized = JSON.stringify(result);
    // The one sharers list, and the two findings' messages (each names the other binding): nowhere else.
    expect(serialized.split('10.0.0.5:443:docs.contoso.com').length - 1).toBe(1 + 1 + 2);
  });

  it('--site narrows to one site, and an unknown site is a NOT_FOUND error naming it', () => {
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'bindings', '--snapshot', 'fixtures/demo-server', '--site', 'Fabrikam Shop', '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(2);
    const one = JSON.parse(run.stdout);
    expect(one.bindings.map((binding: { site: string }) => binding.site)).toEqual(['Fabrikam Shop']);
    const missing = spawnSync(process.execPath, ['dist/httpapi.js', 'bindings', '--snapshot', 'fixtures/demo-server', '--site', 'Nope'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No site named 'Nope'/);
  });
});
