import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startWorker } from '../helpers/worker-client.js';
import { netshDouble, useDouble } from './double.js';

// The worker tries `show sslcert json=enable` once per netsh, falls back to text when JSON is
// refused or carries no options, remembers that, and says so in server/info.
describe.each([
  ['refused', {}, /^text: this netsh refused json=enable/],
  ['without options', { HTTPAPI_NETSH_JSON: '1' }, /^text: .*json=enable worked, but its bindings carry no options/],
])('server/info when JSON is %s', (_name, settings, expected) => {
  it('reports the form read and why', async () => {
    const double = useDouble({}, settings);
    execFileSync(process.execPath, ['dist/httpapi.js', 'sslcert', 'add', '--netsh', netshDouble, '--kind', 'ipport', '--key', '0.0.0.0:443', '--certificate-hash', 'A'.repeat(40), '--app-id', '{4dc3e181-e14b-4a21-b022-59fc669b0914}']);
    const worker = await startWorker(['--netsh', netshDouble], { env: { ...process.env, ...double.env } });
    try {
      const before = (await worker.connection.sendRequest('server/info', {})) as { source: { sslcertFormat: string } };
      expect(before.source.sslcertFormat).toMatch(/^not read yet/);
      const read = (await worker.connection.sendRequest('sslcert/list', {})) as { format: string; notes: string[] };
      expect(read.format).toBe('text');
      const after = (await worker.connection.sendRequest('server/info', {})) as { source: { sslcertFormat: string } };
      expect(after.source.sslcertFormat).toMatch(expected);
      const again = (await worker.connection.sendRequest('sslcert/list', {})) as { notes: string[] };
      expect(again.notes[0]).toMatch(/^text form, as before/);
    } finally {
      await worker.close();
      double.reset();
    }
  });
});
