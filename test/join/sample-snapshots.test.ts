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
  const rows = section.split('\n').filter((line) => /^\| [A-Z_]{5,} \|/.test(line));
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

describe('bindings on the demo server', () => {
  it('shows the declared and effective mappings and the certificate for each https binding', () => {
    // Exit 2: the demo server has error findings; the result is printed all the same.
    const run = spawnSync(process.execPath, ['dist/httpapi.js', 'bindings', '--snapshot', 'fixtures/demo-server', '--as-of', generationDay(), '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(2);
    const result = JSON.parse(run.stdout);
    const byBinding = new Map(result.bindings.map((binding: { bindingInformation: string }) => [binding.bindingInformation, binding]));
    expect(byBinding.get('*:443:www.contoso.com')).toMatchObject({
      declaredMapping: { kind: 'hostnameport', key: 'www.contoso.com:443', exists: true },
      effectiveMapping: { withSni: { key: 'www.contoso.com:443' }, withoutSni: { key: '0.0.0.0:443' } },
      certificate: { subject: expect.stringContaining('CN=www.contoso.com'), store: 'MY' },
    });
    expect(byBinding.get('[2001:db8::5]:443:')).toMatchObject({ declaredMapping: { key: '[2001:db8::5]:443', exists: true }, effectiveMapping: { withoutSni: { key: '[2001:db8::5]:443' } } });
    expect(byBinding.get('10.0.0.5:443:portal.contoso.com')).toMatchObject({ sharedWith: [{ site: 'Contoso Docs', bindingInformation: '10.0.0.5:443:docs.contoso.com' }] });
    expect(byBinding.get('*:443:media.contoso.com')).toMatchObject({ declaredMapping: { kind: 'ccs', key: '443', exists: false }, effectiveMapping: { withSni: { key: '0.0.0.0:443' } } });
    expect(result.findings.map((finding: { code: string }) => finding.code).sort()).toEqual(['DUPLICATE_BINDING', 'ORPHAN_MAPPING', 'SHADOWING_IP_MAPPING']);
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
