import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { netshDouble, useDouble } from '../httpsys/double.js';

const httpapi = (...args: string[]) => spawnSync(process.execPath, ['dist/httpapi.js', ...args], { encoding: 'utf8' });
/** The --json result; a command reporting error findings exits 2, which is still a result. */
function json(...args: string[]) {
  const run = httpapi(...args, '--json');
  expect(run.status === 0 || (['diagnose', 'bindings', 'sites'].includes(args[0]!) && run.status === 2), run.stderr).toBe(true);
  return JSON.parse(run.stdout);
}
const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'httpapi-export-')), 'snapshot');
const asOf = '2026-11-25T00:00:00Z';

let double: ReturnType<typeof useDouble> | undefined;
afterEach(() => double?.reset());

describe('snapshot export', () => {
  it('writes a snapshot that reads back to the same joined bindings and findings', () => {
    const directory = fresh();
    const result = json('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory);
    expect(result.files.map((file: string) => path.relative(directory, file)).sort()).toEqual(['applicationHost.config', 'certs', 'sslcert.txt', 'urlacl.txt']);
    expect(readFileSync(path.join(directory, 'sslcert.txt'))).toEqual(readFileSync('fixtures/demo-server/sslcert.txt'));
    // Everything but where the files are: paths ('file', and the notes naming them) differ.
    const placeless = (value: unknown) => JSON.parse(JSON.stringify(value, (key, inner) => (key === 'file' || key === 'notes' ? undefined : inner)));
    for (const command of ['diagnose', 'bindings']) {
      const exported = placeless(json(command, '--snapshot', directory, '--as-of', asOf));
      expect(exported).toEqual(placeless(json(command, '--snapshot', 'fixtures/demo-server', '--as-of', asOf)));
      expect(JSON.stringify(exported)).toContain('CERT_EXPIRED');
    }
  });

  it('captures netsh output through the netsh executable, and the capture parses like the live read', () => {
    double = useDouble();
    const add = httpapi('sslcert', 'add', '--netsh', netshDouble, '--kind', 'hostnameport', '--key', 'www.contoso.com:443', '--certificate-hash', '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5', '--app-id', '{4dc3e181-e14b-4a21-b022-59fc669b0914}');
    expect(add.status).toBe(0);
    const directory = fresh();
    json('snapshot', 'export', '--netsh', netshDouble, '--config', 'fixtures/demo-server/applicationHost.config', '--certs-dir', 'fixtures/demo-server/certs', '--directory', directory);
    const live = json('sslcert', '--netsh', netshDouble).mappings;
    expect(live).toHaveLength(1);
    expect(json('sslcert', '--snapshot', directory).mappings).toEqual(live);
  });

  it('refuses a folder that is not empty, and overwrites nothing', () => {
    const directory = fresh();
    json('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory);
    writeFileSync(path.join(directory, 'applicationHost.config'), 'mine');
    const again = httpapi('snapshot', 'export', '--snapshot', 'fixtures/demo-server', '--directory', directory);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/is not empty/);
    expect(readFileSync(path.join(directory, 'applicationHost.config'), 'utf8')).toBe('mine');
  });
});
