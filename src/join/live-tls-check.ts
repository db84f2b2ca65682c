import { isIP } from 'node:net';
import { catalogued } from '../finding-codes.js';
import type { Finding, JoinedBinding } from './join-model.js';
import type { PathProbe } from './path-probes.js';

export interface LiveCheck {
  /** Where we connected and the name we sent as SNI (null: none). */
  target: { host: string; port: number; servername: string | null };
  /** Where the handshake came from and why that address: the result is what a client there sees. */
  seenFrom: string;
  reachable: boolean;
  servedThumbprint: string | null;
  servedSubject: string | null;
  protocol: string | null;
  matchesMapping: boolean | null;
  error: string | null;
}

export interface LiveCheckOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** http.sys's IP listen list (`netsh http show iplisten`); empty: all addresses; null: unknown. */
  listenAddresses?: readonly string[] | null;
}

/**
 * Connects to the binding's endpoint the way a browser would (the binding's host as SNI)
 * and reports the certificate http.sys actually served. Certificate validity is not
 * enforced here: the point is to see what is served, valid or not.
 */
export async function checkLiveBinding(binding: JoinedBinding, options: LiveCheckOptions = {}): Promise<LiveCheck> {
  // Loaded on first use: node:tls costs every start of the worker, and live checks are rare.
  const tls = await import('node:tls');
  const port = binding.port ?? 443;
  const { host, seenFrom } = probeAddress(binding.address ?? '', options.listenAddresses ?? null);
  const servername = binding.host && !isIP(binding.host) && !binding.host.includes('*') ? binding.host : null;
  const expected = (binding.sslFlags & 1 ? binding.effectiveMapping.withSni : binding.declaredMapping)?.certificateHash ?? null;
  const target = { host, port, servername };

  return new Promise((resolve) => {
    // The request's signal outlives every check of it: each takes its listener away when done.
    const onAbort = () => failed('cancelled');
    const settle = (result: Omit<LiveCheck, 'target' | 'seenFrom'>) => {
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ target, seenFrom, ...result });
    };
    const failed = (error: string) => settle({ reachable: false, servedThumbprint: null, servedSubject: null, protocol: null, matchesMapping: null, error });
    const socket = tls.connect({ host, port, ...(servername ? { servername } : {}), rejectUnauthorized: false, timeout: options.timeoutMs ?? 3000 });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerX509Certificate();
      const thumbprint = peer?.fingerprint.replace(/:/g, '').toUpperCase() ?? null;
      settle({
        reachable: true,
        servedThumbprint: thumbprint,
        servedSubject: peer?.subject.replace(/\n/g, ', ') ?? null,
        protocol: socket.getProtocol(),
        matchesMapping: expected && thumbprint ? expected.toUpperCase() === thumbprint : null,
        error: null,
      });
    });
    socket.once('timeout', () => failed(`no TLS handshake within ${options.timeoutMs ?? 3000} ms`));
    socket.once('error', (error) => failed(error.message));
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Which address to dial. A binding on one address: that address. A binding on all addresses:
 * loopback, unless http.sys has an IP listen list without a wildcard, which loopback may not
 * be on; then its first address (IPv4 first). From loopback, a 127.0.0.1:<port> mapping
 * would win over the binding's own, so the result says where it was seen from.
 */
export function probeAddress(address: string, listenAddresses: readonly string[] | null): { host: string; seenFrom: string } {
  if (address !== '*' && address !== '') {
    const host = address.replace(/^\[|\]$/g, '');
    return { host, seenFrom: `as seen from this machine, connecting to the binding's address ${host}` };
  }
  const listed = (listenAddresses ?? []).filter((entry) => entry !== '0.0.0.0' && entry !== '::');
  if (listenAddresses && listenAddresses.length > 0 && listed.length === listenAddresses.length) {
    const host = [...listed].sort((a, b) => Number(isIP(a) === 6) - Number(isIP(b) === 6))[0]!;
    return { host, seenFrom: `as seen from ${host}, the first address of http.sys's IP listen list (${listenAddresses.join(', ')})` };
  }
  const why = listenAddresses === null ? 'the IP listen list is unknown' : 'http.sys listens on all addresses';
  return { host: '127.0.0.1', seenFrom: `as seen from loopback (127.0.0.1; ${why}): a 127.0.0.1 mapping, if any, answers instead of the binding's` };
}

/** The findings a live check adds to its binding. */
export function liveFindings(binding: JoinedBinding, check: LiveCheck): Finding[] {
  const where = `${check.target.host}:${check.target.port}${check.target.servername ? ` (SNI ${check.target.servername})` : ''}, ${check.seenFrom}`;
  const base = { site: binding.site, binding: binding.bindingInformation };
  if (!check.reachable) {
    return [{ ...catalogued('ENDPOINT_UNREACHABLE'), message: `Could not complete a TLS handshake with ${where}: ${check.error}.`, fix: 'Check that the site is started and that http.sys has a mapping clients can reach.', ...base }];
  }
  if (check.matchesMapping === false) {
    return [
      {
        ...catalogued('SERVED_CERT_MISMATCH'),
        message: `${where} served certificate ${check.servedThumbprint} (${check.servedSubject}), not the mapping's ${binding.declaredMapping?.certificateHash ?? binding.effectiveMapping.withSni?.certificateHash}.`,
        fix: 'Look for a more specific mapping that wins at run time (an exact IP or SNI mapping), or restart the site after changing the mapping.',
        ...base,
      },
    ];
  }
  return [];
}

/**
 * SERVED_CERT_MISMATCH for each client path whose handshake served another certificate than
 * the model predicts (a path the binding's own check already reported is not reported twice).
 */
export function pathProbeFindings(binding: JoinedBinding, probes: readonly PathProbe[], check: LiveCheck): Finding[] {
  const same = (probe: PathProbe) => probe.target.host === check.target.host && probe.target.servername === check.target.servername;
  return probes
    .filter((probe) => probe.matchesMapping === false && !(same(probe) && check.matchesMapping === false))
    .map((probe) => ({
      ...catalogued('SERVED_CERT_MISMATCH'),
      message: `${probe.family === 'ipv6' ? 'IPv6' : 'IPv4'} clients ${probe.sni ? `sending SNI ${probe.target.servername ?? ''}` : 'without SNI'} at ${probe.target.host}:${probe.target.port} were served ${probe.servedThumbprint ?? 'nothing'}${probe.servedBy ? ` (${probe.servedBy}, the ip-first outcome)` : ''}, not ${probe.expectedMapping ?? 'a failed handshake'} as the model predicts.`,
      fix: probe.servedBy ? `A specific ip:port mapping overrules SNI on this server (docs/precedence.md): delete ${probe.servedBy} or give it the certificate the SNI sites need.` : 'Look for a more specific mapping that wins at run time, or restart the site after changing the mapping.',
      site: binding.site,
      binding: binding.bindingInformation,
      ...(probe.expectedMapping ? { mapping: probe.expectedMapping } : {}),
    }));
}
