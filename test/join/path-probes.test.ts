import { X509Certificate } from 'node:crypto';
import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecificIpMappings } from '../../src/join/client-paths.js';
import { joinHttpsBindings } from '../../src/join/join-https-bindings.js';
import type { JoinMapping } from '../../src/join/join-model.js';
import { pathAddress, planPathProbes, runPathProbes, tlsHandshake, type Handshake } from '../../src/join/path-probes.js';

// Loopback TLS servers stand in for http.sys, on 127.0.0.1 and ::1 at one port, in two
// behaviours: SNI first (the SNI certificate for the binding's host, else the IP one) and ip
// first (the IP certificate whatever the client sends). Only loopback is ever dialled.
const pair = (name: string) => ({ cert: readFileSync(`fixtures/certs/${name}.pem`), key: readFileSync(`fixtures/certs/${name}.key`) });
const www = pair('www-contoso');
const ipCert = pair('wrong-name');
const v6Cert = pair('expiring-soon');
const thumb = (pem: Buffer) => new X509Certificate(pem).fingerprint.replace(/:/g, '');
const [WWW, IP, V6] = [thumb(www.cert), thumb(ipCert.cert), thumb(v6Cert.cert)];

type Behaviour = 'sni-first' | 'ip-first';
const servers: tls.Server[] = [];
const ports: Record<Behaviour, number> = { 'sni-first': 0, 'ip-first': 0 };

/** IPv4 loopback serves the IP certificate as fallback; IPv6 loopback another one, as a [::] mapping would. */
async function listen(behaviour: Behaviour): Promise<number> {
  const make = (fallback: { cert: Buffer; key: Buffer }) =>
    tls.createServer({
      ...fallback,
      SNICallback: (name, callback) => callback(null, tls.createSecureContext(behaviour === 'sni-first' && name === 'www.contoso.com' ? www : fallback)),
    });
  const v6 = make(v6Cert);
  await new Promise<void>((resolve) => v6.listen(0, '::1', resolve));
  const port = (v6.address() as net.AddressInfo).port;
  const v4 = make(ipCert);
  await new Promise<void>((resolve, reject) => v4.once('error', reject).listen(port, '127.0.0.1', resolve));
  servers.push(v4, v6);
  return port;
}

beforeAll(async () => {
  ports['sni-first'] = await listen('sni-first');
  ports['ip-first'] = await listen('ip-first');
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

function joined(port: number) {
  const mappings: JoinMapping[] = [
    { kind: 'hostnameport', key: `www.contoso.com:${port}`, certificateHash: WWW, appId: null, certificateStoreName: 'MY' },
    { kind: 'ipport', key: `0.0.0.0:${port}`, certificateHash: IP, appId: null, certificateStoreName: 'MY' },
    { kind: 'ipport', key: `[::]:${port}`, certificateHash: V6, appId: null, certificateStoreName: 'MY' },
    // A specific mapping on loopback: under ip-first it answers SNI clients arriving there.
    { kind: 'ipport', key: `127.0.0.1:${port}`, certificateHash: IP, appId: null, certificateStoreName: 'MY' },
  ];
  const sites = [{ name: 'WWW', id: 1, bindings: [{ protocol: 'https', bindingInformation: `*:${port}:www.contoso.com`, sslFlags: 1, endpoint: { addressKind: 'any' as const, address: '*', port, host: 'www.contoso.com', wildcardHost: false } }] }];
  return joinHttpsBindings({ sites, mappings, certificates: null, reservations: null }).bindings[0]!;
}

describe('live probes per client path, against loopback servers of both precedences', () => {
  it.each([
    {
      behaviour: 'sni-first' as const,
      // SNI clients get the SNI mapping on both families; the rest the family's IP mapping.
      want: ['ipv4 sni served hostnameport:www true', 'ipv4 nosni served ipport:0.0.0.0 true', 'ipv6 sni served hostnameport:www true', 'ipv6 nosni served ipport:[::] true'],
    },
    {
      behaviour: 'ip-first' as const,
      // The IPv4 SNI path is served by 127.0.0.1's mapping: the ip-first outcome the path listed.
      want: ['ipv4 sni served ipport:127.0.0.1 false', 'ipv4 nosni served ipport:0.0.0.0 true', 'ipv6 sni served null false', 'ipv6 nosni served ipport:[::] true'],
    },
  ])('$behaviour', async ({ behaviour, want }) => {
    const binding = joined(ports[behaviour]);
    const planned = planPathProbes(binding, null);
    expect(planned.map(({ probe }) => `${probe.target.host} ${probe.target.servername}`)).toEqual(['127.0.0.1 www.contoso.com', '127.0.0.1 null', '::1 www.contoso.com', '::1 null']);
    await runPathProbes(planned, tlsHandshake, { timeoutMs: 3000, totalMs: 10_000, concurrency: 2 });
    const short = (id: string | null) => (id === null ? 'null' : id.replace(/:\d+$/, '').replace(/\.contoso\.com$/, ''));
    expect(planned.map(({ probe }) => `${probe.family} ${probe.sni ? 'sni' : 'nosni'} ${probe.status} ${short(probe.servedBy)} ${probe.matchesMapping}`)).toEqual(want);
  });
});

describe('a served certificate traced to a mapping the path does not list', () => {
  it('names the specific ip:port mapping that served it when the path lists only the first three of more', async () => {
    const port = ports['ip-first'];
    // Three specific mappings with other certificates come first, so the path lists them and
    // counts the loopback one, whose certificate the ip-first server hands SNI clients, unlisted.
    const others = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((address): JoinMapping => ({ kind: 'ipport', key: `${address}:${port}`, certificateHash: WWW, appId: null, certificateStoreName: 'MY' }));
    const mappings: JoinMapping[] = [
      { kind: 'hostnameport', key: `www.contoso.com:${port}`, certificateHash: V6, appId: null, certificateStoreName: 'MY' },
      { kind: 'ipport', key: `0.0.0.0:${port}`, certificateHash: V6, appId: null, certificateStoreName: 'MY' },
      ...others,
      { kind: 'ipport', key: `127.0.0.1:${port}`, certificateHash: IP, appId: null, certificateStoreName: 'MY' },
    ];
    const sites = [{ name: 'WWW', id: 1, bindings: [{ protocol: 'https', bindingInformation: `*:${port}:www.contoso.com`, sslFlags: 1, endpoint: { addressKind: 'any' as const, address: '*', port, host: 'www.contoso.com', wildcardHost: false } }] }];
    const binding = joinHttpsBindings({ sites, mappings, certificates: null, reservations: null, listenAddresses: ['127.0.0.1'] }).bindings[0]!;
    const sni = binding.clientPaths.find((path) => path.family === 'ipv4' && path.sni)!;
    expect(sni.ipFirst.map((ref) => ref.key)).toEqual(others.map((mapping) => mapping.key));
    expect(sni.ipFirstCount).toBe(4);
    const unlisted = planPathProbes(binding, ['127.0.0.1']);
    const ipMappings = new SpecificIpMappings(mappings);
    const traced = planPathProbes(binding, ['127.0.0.1'], (family, port) => ipMappings.everyOn(family, port));
    await runPathProbes([...unlisted, ...traced], tlsHandshake, { timeoutMs: 3000, totalMs: 10_000, concurrency: 2 });
    const sniProbe = (planned: typeof traced) => planned.find(({ probe }) => probe.sni)!.probe;
    expect(sniProbe(traced).servedThumbprint).toBe(IP);
    expect(sniProbe(traced).servedBy).toBe(`ipport:127.0.0.1:${port}`);
    // Without the server's mappings the path's own list is all there is to search.
    expect(sniProbe(unlisted).servedBy).toBeNull();
  });
});

describe('the probe budget', () => {
  it('takes the listener of each handshake off the budget signal when it ends: every probe of a request shares that signal', async () => {
    const budget = new AbortController();
    const results = [];
    for (let probe = 0; probe < 12; probe++) results.push(await tlsHandshake({ host: '127.0.0.1', port: ports['sni-first'], servername: 'www.contoso.com' }, 3000, budget.signal));
    expect(results.every((result) => result.thumbprint === WWW)).toBe(true);
    expect(getEventListeners(budget.signal, 'abort')).toHaveLength(0);
  });

  const binding = joined(ports['sni-first'] || 1);
  const many = () => Array.from({ length: 5 }, () => planPathProbes(binding, null)).flat();

  it('skips what it cannot start and aborts what runs once the total budget is spent, whatever the per-probe timeout', async () => {
    // A handshake that hangs until aborted: the worst endpoint.
    let inFlight = 0;
    let most = 0;
    const hang: Handshake = (_target, _timeout, signal) =>
      new Promise((resolve) => {
        most = Math.max(most, ++inFlight);
        signal.addEventListener('abort', () => {
          inFlight--;
          resolve({ thumbprint: null, error: 'probe budget spent' });
        }, { once: true });
      });
    const planned = many();
    const started = Date.now();
    await runPathProbes(planned, hang, { timeoutMs: 60_000, totalMs: 300, concurrency: 3 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
    expect(most).toBe(3);
    expect(planned.filter(({ probe }) => probe.status === 'unreachable')).toHaveLength(3);
    const skipped = planned.filter(({ probe }) => probe.status === 'skipped');
    expect(skipped).toHaveLength(planned.length - 3);
    expect(skipped.every(({ probe }) => probe.error === 'probe budget of 300 ms spent')).toBe(true);
  });

  it('bounds a real handshake with an endpoint that accepts and never answers by the per-probe timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const planned = planPathProbes(joined(port), ['127.0.0.1']);
      expect(planned.map(({ probe }) => probe.family)).toEqual(['ipv4', 'ipv4']);
      const started = Date.now();
      await runPathProbes(planned, tlsHandshake, { timeoutMs: 200, totalMs: 5000, concurrency: 1 });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(planned.map(({ probe }) => probe.error)).toEqual(['no TLS handshake within 200 ms', 'no TLS handshake within 200 ms']);
    } finally {
      silent.close();
    }
  });
});

describe('pathAddress: only addresses the configuration or the listen list names', () => {
  it.each([
    { address: '10.0.0.5', family: 'ipv4' as const, listen: null, want: '10.0.0.5' },
    { address: '[2001:db8::5]', family: 'ipv6' as const, listen: null, want: '2001:db8::5' },
    { address: '*', family: 'ipv4' as const, listen: null, want: '127.0.0.1' },
    { address: '*', family: 'ipv6' as const, listen: [], want: '::1' },
    { address: '*', family: 'ipv6' as const, listen: ['0.0.0.0', '::'], want: '::1' },
    { address: '*', family: 'ipv4' as const, listen: ['[2001:db8::9]', '10.0.0.9'], want: '10.0.0.9' },
    { address: '*', family: 'ipv6' as const, listen: ['10.0.0.9'], want: null },
  ])('$address over $family with listen list $listen: $want', ({ address, family, listen, want }) => {
    expect(pathAddress(address, family, listen)).toBe(want);
  });
});
