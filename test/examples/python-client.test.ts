import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The README's example of a client in another language must keep working against the worker.
describe('examples/client.py', () => {
  it('speaks Content-Length framed JSON-RPC to the worker and gets bindings, findings and a -32602', () => {
    const output = execFileSync('python3', ['examples/client.py', 'fixtures/demo-server'], { encoding: 'utf8' });
    expect(output).toMatch(/^Contoso WWW\s+\*:443:www\.contoso\.com\s+8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5$/m);
    expect(output).toMatch(/^CERT_EXPIRED: /m);
    expect(output).toContain('sites/list failed with -32602');
  });
});
