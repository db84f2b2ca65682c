import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';

// The CLI-against-worker and export-against-original comparisons (test/cli/cli.test.ts,
// test/snapshot/export-snapshot.test.ts) compare the product with itself; these cases pin one
// answer of each to values written by hand from fixtures/demo-server/urlacl.txt and from the
// "Expected findings" table of fixtures/demo-server/README.md.

const httpapi = (...args: string[]) => spawnSync(process.execPath, ['dist/httpapi.js', ...args], { encoding: 'utf8' });

const wecsvc = 'D:(A;;GX;;;S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970)(A;;GX;;;S-1-5-80-4059739203-877974739-1245631912-527174227-2996563517)';
const winrmUsers = [
  { user: 'NT SERVICE\\WinRM', listen: true, delegate: false },
  { user: 'NT SERVICE\\Wecsvc', listen: true, delegate: false },
];
const demoReservations = [
  { url: 'http://+:80/Temporary_Listen_Addresses/', users: [{ user: '\\Everyone', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;WD)', notes: [] },
  { url: 'http://+:5985/wsman/', users: winrmUsers, sddl: wecsvc, notes: [] },
  { url: 'http://+:47001/wsman/', users: winrmUsers, sddl: wecsvc, notes: [] },
  { url: 'http://reports.contoso.com:8081/', users: [{ user: 'CONTOSO\\svc-reports', listen: true, delegate: false }], sddl: 'D:(A;;GX;;;S-1-5-21-3623811015-3361044348-30300820-1105)', notes: [] },
];

/** The README's table: code, site, binding, mapping (`-` where the finding has none). */
const demoFindings = [
  ['HTTPS_BINDING_NO_MAPPING', 'Admin', '*:8443:', 'ipport:0.0.0.0:8443'],
  ['MAPPING_CERT_NOT_FOUND', 'Fabrikam Mail', '*:443:mail.fabrikam.com', 'hostnameport:mail.fabrikam.com:443'],
  ['CERT_EXPIRED', 'Fabrikam Shop', '*:443:shop.fabrikam.com', 'hostnameport:shop.fabrikam.com:443'],
  ['CERT_EXPIRES_SOON', 'Contoso API', '*:443:api.contoso.com', 'hostnameport:api.contoso.com:443'],
  ['CERT_NO_PRIVATE_KEY', 'Billing', '*:443:billing.contoso.com', 'hostnameport:billing.contoso.com:443'],
  ['CERT_NOT_SERVER_AUTH', 'Partners', '*:443:partners.contoso.com', 'hostnameport:partners.contoso.com:443'],
  ['CERT_NAME_MISMATCH', 'Intranet', '*:443:intranet.contoso.com', 'hostnameport:intranet.contoso.com:443'],
  ['SNI_WITHOUT_HOST', 'Kiosk', '*:4443:', '-'],
  ['DUPLICATE_BINDING', 'Contoso WWW (staging)', '*:80:www.contoso.com', '-'],
  ['SHARED_IP_MAPPING', 'Contoso Portal', '10.0.0.5:443:portal.contoso.com', 'ipport:10.0.0.5:443'],
  ['SHARED_IP_MAPPING', 'Contoso Docs', '10.0.0.5:443:docs.contoso.com', 'ipport:10.0.0.5:443'],
  ['ORPHAN_MAPPING', '-', '-', 'hostnameport:old.contoso.com:443'],
  ['SHADOWING_IP_MAPPING', '-', '-', 'ipport:10.0.0.9:443'],
  ['UNKNOWN_SSLFLAGS', 'CDN', '*:443:cdn.contoso.com', '-'],
  ['CCS_NOT_CONFIGURED', 'Media', '*:443:media.contoso.com', 'ccs:443'],
  ['IPV6_MAPPING_DIFFERS', 'Media', '*:443:media.contoso.com', 'ipport:[::]:443'],
  ['IPV6_MAPPING_DIFFERS', 'Default Web Site', '*:443:', 'ipport:[::]:443'],
  ['PRECEDENCE_UNCERTAIN', '-', '-', 'ipport:10.0.0.5:443'],
  ['PRECEDENCE_UNCERTAIN', '-', '-', 'ipport:10.0.0.9:443'],
  ['PRECEDENCE_UNCERTAIN', '-', '-', 'ipport:[2001:db8::5]:443'],
].map((row) => row.join(' | '));

let worker: WorkerClient;
let exported: string;
beforeAll(async () => {
  worker = await startWorker();
  exported = path.join(mkdtempSync(path.join(tmpdir(), 'httpapi-literal-')), 'snapshot');
});
afterAll(async () => {
  await worker.close();
  rmSync(path.dirname(exported), { recursive: true, force: true });
});

describe('literal results behind the self-comparisons', () => {
  it('urlacl --json and the worker\'s urlacl/list both give the demo server\'s four reservations', async () => {
    const run = httpapi('urlacl', '--snapshot', 'fixtures/demo-server', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).reservations).toEqual(demoReservations);
    const result = await worker.connection.sendRequest<{ reservations: unknown[] }>('urlacl/list', { source: { snapshot: 'fixtures/demo-server' } });
    expect(result.reservations).toEqual(demoReservations);
  });

  it('an exported snapshot diagnoses to exactly the findings the demo README lists', () => {
    const run = httpapi('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', exported, '--json');
    expect(run.status, run.stderr).toBe(0);
    // The day make-certs.mjs last ran (expiring-soon's notBefore + 345 days, fixtures/certs/README.md): 20 days before it expires.
    const diagnosis = httpapi('diagnose', '--snapshot', exported, '--as-of', '2026-11-25T00:00:00Z', '--json');
    expect(diagnosis.status).toBe(2);
    const findings = (JSON.parse(diagnosis.stdout).findings as { code: string; site?: string; binding?: string; mapping?: string }[]).map((finding) =>
      [finding.code, finding.site ?? '-', finding.binding ?? '-', finding.mapping ?? '-'].join(' | '),
    );
    expect(findings.sort()).toEqual([...demoFindings].sort());
  });
});
