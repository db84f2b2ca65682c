import { execFile } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { promisify } from 'node:util';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../httpsys/corpus.js';
import { checkLiveBinding } from '../../src/join/live-tls-check.js';
import type { JoinedBinding } from '../../src/join/join-model.js';

// A real TLS server on 127.0.0.1 serving the www.contoso.com fixture certificate, and a
// snapshot whose bindings point at it. Only loopback addresses are ever dialled.
const certPem = readFileSync('fixtures/certs/www-contoso.pem');
const keyPem = readFileSync('fixtures/certs/www-contoso.key');
const served = new X509Certificate(certPem).fingerprint.replace(/:/g, '');
const other = new X509Certificate(readFileSync('fixtures/certs/wrong-name.pem')).fingerprint.replace(/:/g, '');
// The corpus capture supplies the exact netsh layout; only key and hash are swapped in.
const template = readFileSync(path.join(corpusDir, 'sslcert-en-win10-02.txt'), 'utf8').split('\n').slice(1).join('\r\n');

let server: tls.Server;
let port: number;
let closedPort: number;
let snapshot: string;

function mappingText(key: string, hash: string): string {
  return template.replace('0.0.0.0:44307', key).replace('61d34f532da121bbab64723c4871e72c92f03735', hash.toLowerCase()).replace('{214124cd-d05b-4309-9af9-9caa44b2b74a}', '{4dc3e181-e14b-4a21-b022-59fc669b0914}');
}

beforeAll(async () => {
  server = tls.createServer({ cert: certPem, key: keyPem });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));

  snapshot = mkdtempSync(path.join(tmpdir(), 'httpapi-live-'));
  writeFileSync(
    path.join(snapshot, 'applicationHost.config'),
    `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.applicationHost>
    <sites>
      <site name="Good" id="1"><bindings><binding protocol="https" bindingInformation="127.0.0.1:${port}:www.contoso.com" sslFlags="0" /></bindings></site>
      <site name="Stale" id="2"><bindings><binding protocol="https" bindingInformation="127.0.0.1:${port}:stale.contoso.com" sslFlags="1" /></bindings></site>
      <site name="Down" id="3"><bindings><binding protocol="https" bindingInformation="127.0.0.1:${closedPort}:" sslFlags="0" /></bindings></site>
    </sites>
  </system.applicationHost>
</configuration>
`,
  );
  const header = 'SSL Certificate bindings:\r\n-------------------------\r\n\r\n';
  const entries = [mappingText(`127.0.0.1:${port}`, served), mappingText(`127.0.0.1:${port}`, other).replace('IP:port                      : 127.0.0.1:', 'Hostname:port                : stale.contoso.com:'), mappingText(`127.0.0.1:${closedPort}`, served)];
  writeFileSync(path.join(snapshot, 'sslcert.txt'), `\r\n${header}${entries.map((entry) => entry.replace(/^(\r\n)*SSL Certificate bindings:\r\n-+\r\n\r\n/, '').trimEnd()).join('\r\n\r\n')}\r\n\r\n`);
  writeFileSync(path.join(snapshot, 'urlacl.txt'), '\r\nURL Reservations:\r\n-----------------\r\n\r\n');
  mkdirSync(path.join(snapshot, 'certs', 'MY'), { recursive: true });
  copyFileSync('fixtures/certs/www-contoso.pem', path.join(snapshot, 'certs', 'MY', 'www-contoso.pem'));
  copyFileSync('fixtures/certs/www-contoso.key', path.join(snapshot, 'certs', 'MY', 'www-contoso.key'));
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('live TLS check (bindings --live)', () => {
  it('takes its abort listener off the request\'s signal when a check ends: one request checks every binding on that signal', async () => {
    // Past ten listeners Node warns of a leak on stderr (MaxListenersExceededWarning), which `bindings --live` printed.
    const controller = new AbortController();
    const binding = (onPort: number) =>
      ({ site: 'S', bindingInformation: `127.0.0.1:${onPort}:`, address: '127.0.0.1', port: onPort, host: '', sslFlags: 0, declaredMapping: null, effectiveMapping: { withSni: null, withoutSni: null } }) as unknown as JoinedBinding;
    const results = [];
    for (let check = 0; check < 12; check++) results.push(await checkLiveBinding(binding(check % 2 ? port : closedPort), { signal: controller.signal }));
    expect(results.map((result) => result.reachable)).toEqual(Array.from({ length: 12 }, (_, check) => check % 2 === 1));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('reports the served certificate and TLS version, and flags mismatches and unreachable endpoints', async () => {
    // Asynchronous: the TLS server lives in this process and must keep accepting.
    // Exit 2: SERVED_CERT_MISMATCH is an error finding; the result is printed all the same.
    const run = await promisify(execFile)(process.execPath, ['dist/httpapi.js', 'bindings', '--snapshot', snapshot, '--live', '--json'], { encoding: 'utf8' }).then(
      () => expect.fail('bindings should exit 2'),
      (failure: { code: number; stdout: string; stderr: string }) => {
        expect(failure.code).toBe(2);
        return failure;
      },
    );
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { bindings: { site: string; live: Record<string, unknown>; findings: { code: string }[] }[] };
    const bySite = new Map(result.bindings.map((binding) => [binding.site, binding]));

    expect(bySite.get('Good')?.live).toMatchObject({ reachable: true, servedThumbprint: served, matchesMapping: true, target: { host: '127.0.0.1', port, servername: 'www.contoso.com' } });
    expect(String(bySite.get('Good')?.live.protocol)).toMatch(/^TLSv1\.[23]$/);
    expect(bySite.get('Good')?.live.seenFrom).toBe("as seen from this machine, connecting to the binding's address 127.0.0.1");
    expect(bySite.get('Good')?.findings.map((finding) => finding.code)).not.toContain('SERVED_CERT_MISMATCH');

    expect(bySite.get('Stale')?.live).toMatchObject({ reachable: true, servedThumbprint: served, matchesMapping: false, target: { servername: 'stale.contoso.com' } });
    expect(bySite.get('Stale')?.findings.map((finding) => finding.code)).toContain('SERVED_CERT_MISMATCH');

    // Every client path too: a binding on 127.0.0.1 listens on IPv4 only, with SNI and without.
    expect(bySite.get('Good')?.live.paths).toMatchObject([
      { family: 'ipv4', sni: true, target: { host: '127.0.0.1', port, servername: 'www.contoso.com' }, status: 'served', servedThumbprint: served, matchesMapping: true },
      { family: 'ipv4', sni: false, target: { host: '127.0.0.1', port, servername: null }, status: 'served', servedThumbprint: served, matchesMapping: true },
    ]);
    // Stale's SNI path is the binding's own check (reported once); its no-SNI path gets 127.0.0.1's certificate as predicted.
    expect(bySite.get('Stale')?.findings.filter((finding) => finding.code === 'SERVED_CERT_MISMATCH')).toHaveLength(1);
    expect(bySite.get('Down')?.live).toMatchObject({ reachable: false, servedThumbprint: null });
    expect(bySite.get('Down')?.findings.map((finding) => finding.code)).toContain('ENDPOINT_UNREACHABLE');
  });
});
