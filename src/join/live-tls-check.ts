import { isIP } from 'node:net';
import { FindingCodes } from './finding-codes.js';
import type { Finding, JoinedBinding } from './join-model.js';

export interface LiveCheck {
  /** Where we connected and the name we sent as SNI (null: none). */
  target: { host: string; port: number; servername: string | null };
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
  const address = binding.address ?? '';
  const host = address === '*' || address === '' ? '127.0.0.1' : address.replace(/^\[|\]$/g, '');
  const servername = binding.host && !isIP(binding.host) && !binding.host.includes('*') ? binding.host : null;
  const expected = (binding.sslFlags & 1 ? binding.effectiveMapping.withSni : binding.declaredMapping)?.certificateHash ?? null;
  const target = { host, port, servername };

  return new Promise((resolve) => {
    const settle = (result: Omit<LiveCheck, 'target'>) => {
      socket.destroy();
      resolve({ target, ...result });
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
    options.signal?.addEventListener('abort', () => failed('cancelled'), { once: true });
  });
}

/** The findings a live check adds to its binding. */
export function liveFindings(binding: JoinedBinding, check: LiveCheck): Finding[] {
  const where = `${check.target.host}:${check.target.port}${check.target.servername ? ` (SNI ${check.target.servername})` : ''}`;
  const base = { site: binding.site, binding: binding.bindingInformation };
  if (!check.reachable) {
    return [{ code: 'ENDPOINT_UNREACHABLE', severity: FindingCodes.ENDPOINT_UNREACHABLE, message: `Could not complete a TLS handshake with ${where}: ${check.error}.`, fix: 'Check that the site is started and that http.sys has a mapping clients can reach.', ...base }];
  }
  if (check.matchesMapping === false) {
    return [
      {
        code: 'SERVED_CERT_MISMATCH',
        severity: FindingCodes.SERVED_CERT_MISMATCH,
        message: `${where} served certificate ${check.servedThumbprint} (${check.servedSubject}), not the mapping's ${binding.declaredMapping?.certificateHash ?? binding.effectiveMapping.withSni?.certificateHash}.`,
        fix: 'Look for a more specific mapping that wins at run time (an exact IP or SNI mapping), or restart the site after changing the mapping.',
        ...base,
      },
    ];
  }
  return [];
}
