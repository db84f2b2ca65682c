import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { demo, httpapi } from './run-cli.js';

interface Finding {
  code: string;
  severity: string;
  site?: string;
}
interface BindingsResult {
  bindings: { site: string; bindingInformation: string; findings: Finding[] }[];
  findings: Finding[];
}

const json = async (args: string[]) => {
  const run = await httpapi([...args, '--json']);
  return { code: run.code, result: JSON.parse(run.stdout) as BindingsResult };
};

/** The rows of the bindings table, by site, and the Expires cell (its header fixes the column). */
function expiresBySite(table: string): Map<string, string> {
  const lines = table.split('\n');
  const header = lines[0]!;
  const at = header.indexOf('Expires');
  const end = header.indexOf('Findings');
  return new Map(lines.slice(2, lines.indexOf('')).map((line) => [line.slice(0, header.indexOf('Binding')).trim(), line.slice(at, end).trim()]));
}

describe('bindings --site X reports only findings about X', () => {
  it('no orphan or shadowing mapping (server-wide, no site) with --site', async () => {
    const all = await json(['bindings', ...demo]);
    // The demo server has findings about no site (README: ORPHAN_MAPPING, SHADOWING_IP_MAPPING, PRECEDENCE_UNCERTAIN once per specific IP mapping).
    expect(all.result.findings.filter((finding) => finding.site === undefined).map((finding) => finding.code).sort()).toEqual(['ORPHAN_MAPPING', 'PRECEDENCE_UNCERTAIN', 'PRECEDENCE_UNCERTAIN', 'PRECEDENCE_UNCERTAIN', 'SHADOWING_IP_MAPPING']);
    const one = await json(['bindings', ...demo, '--site', 'Contoso WWW']);
    expect(one.result.bindings.map((binding) => binding.site)).toEqual(['Contoso WWW']);
    expect(one.result.findings).toEqual([]);
    const text = await httpapi(['bindings', ...demo, '--site', 'Contoso WWW']);
    expect(text.stdout).not.toMatch(/ORPHAN_MAPPING|SHADOWING_IP_MAPPING|DUPLICATE_BINDING|PRECEDENCE_UNCERTAIN/);
    expect(text.stdout).toContain('No findings.');
  });

  it('sites --site X likewise keeps only the findings about X', async () => {
    const run = await httpapi(['sites', ...demo, '--site', 'CDN', '--json']);
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((finding) => [finding.code, finding.site])).toEqual([['UNKNOWN_SSLFLAGS', 'CDN']]);
  });
});

describe('exit 2 when a command reports a finding of severity error (0 otherwise, 1 on failure)', () => {
  it.each([
    ['diagnose', ['diagnose', ...demo], 2],
    ['bindings', ['bindings', ...demo], 2],
    ['bindings --site with an expired certificate', ['bindings', ...demo, '--site', 'Fabrikam Shop'], 2],
    // as of a day its certificate (ends 2026-12-15) expires soon but has not expired
    ['bindings --site with only warnings', ['bindings', ...demo, '--site', 'Contoso API', '--as-of', '2026-12-01'], 0],
    ['the same a day after it expired', ['bindings', ...demo, '--site', 'Contoso API', '--as-of', '2026-12-16'], 2],
    ['bindings --site without findings', ['bindings', ...demo, '--site', 'Contoso WWW'], 0],
    ['sites (SNI_WITHOUT_HOST is an error)', ['sites', ...demo], 2],
    ['sites --site with a warning only', ['sites', ...demo, '--site', 'CDN'], 0],
    ['sslcert (reports no findings)', ['sslcert', ...demo], 0],
  ])('%s', async (_name, args, code) => {
    expect((await httpapi(args)).code).toBe(code);
    expect((await httpapi([...args, '--json'])).code).toBe(code);
  });
});

describe('--as-of', () => {
  it('takes a date alone, as midnight UTC, and the Expires column judges against it', async () => {
    // certs/MY/expired.pem (Fabrikam Shop) is valid 2023-03-01 to 2024-03-01 (fixtures/demo-server/README.md).
    const before = await httpapi(['bindings', ...demo, '--as-of', '2024-02-29']);
    const after = await httpapi(['bindings', ...demo, '--as-of', '2024-03-02']);
    expect(before.stderr).toBe('');
    expect(expiresBySite(before.stdout).get('Fabrikam Shop')).toBe('2024-03-01');
    expect(expiresBySite(after.stdout).get('Fabrikam Shop')).toBe('2024-03-01 EXPIRED');
    expect(before.stdout).not.toContain('CERT_EXPIRED');
    expect(after.stdout).toContain('CERT_EXPIRED');
  });

  it('a date alone means the same as that date at midnight UTC', async () => {
    const dateOnly = await json(['diagnose', ...demo, '--as-of', '2030-01-01']);
    const instant = await json(['diagnose', ...demo, '--as-of', '2030-01-01T00:00:00Z']);
    expect(dateOnly.result).toEqual(instant.result);
  });

  it('a date in the future makes today\'s valid certificates expired (api.contoso.com ends 2026-12-15)', async () => {
    const table = await httpapi(['bindings', ...demo, '--as-of', '2045-07-01']);
    for (const site of ['Contoso WWW', 'Contoso API', 'Billing']) expect(expiresBySite(table.stdout).get(site)).toMatch(/ EXPIRED$/);
  });

  it('refuses what is not a date, naming the option; the help says what a date alone means', async () => {
    const run = await httpapi(['bindings', ...demo, '--as-of', '2027-13-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^httpapi: --as-of: /);
    expect((await httpapi(['bindings', '--help'])).stdout).toContain('a date alone = midnight UTC');
  });
});

describe('site names without case (IIS compares them so)', () => {
  it('the CLI: sites, bindings, and a change', async () => {
    const sites = JSON.parse((await httpapi(['sites', ...demo, '--site', 'contoso www', '--json'])).stdout) as { sites: { name: string }[] };
    expect(sites.sites.map((site) => site.name)).toEqual(['Contoso WWW']);
    const bindings = await json(['bindings', ...demo, '--site', 'FABRIKAM SHOP']);
    expect(bindings.result.bindings.map((binding) => binding.site)).toEqual(['Fabrikam Shop']);
    expect(bindings.result.bindings[0]!.findings.map((finding) => finding.code)).toEqual(['CERT_EXPIRED']);
    const plan = await httpapi(['binding', 'remove', ...demo, '--site', 'billing', '--protocol', 'https', '--binding-information', '*:443:billing.contoso.com', '--what-if']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^Plan \(nothing changed\):/);
  });

  let worker: WorkerClient;
  beforeAll(async () => {
    worker = await startWorker([...demo]);
  });
  afterAll(async () => {
    await worker.close();
  });

  it('JSON-RPC: sites/list and bindings/https', async () => {
    const sites = await worker.connection.sendRequest<{ sites: { name: string }[] }>('sites/list', { site: 'CONTOSO www (STAGING)' });
    expect(sites.sites.map((site) => site.name)).toEqual(['Contoso WWW (staging)']);
    const bindings = await worker.connection.sendRequest<BindingsResult>('bindings/https', { site: 'kiosk' });
    expect(bindings.bindings.map((binding) => binding.site)).toEqual(['Kiosk']);
  });
});
