import { isIP } from 'node:net';
import type { AddressFamily, ClientPath } from './client-paths.js';
import type { JoinedBinding, MappingRef } from './join-model.js';

/** What a served certificate is traced to: a mapping by kind, key and certificate. */
type Candidate = Pick<MappingRef, 'kind' | 'key' | 'certificateHash'>;

/** One handshake the way one client path arrives, and what came back. */
export interface PathProbe {
  family: AddressFamily;
  sni: boolean;
  target: { host: string; port: number; servername: string | null };
  /** The mapping the model predicts (kind:key), null: the handshake should fail. */
  expectedMapping: string | null;
  status: 'served' | 'unreachable' | 'skipped';
  servedThumbprint: string | null;
  /** Which of the path's mappings (the predicted one, or an ip-first one) holds the served certificate. */
  servedBy: string | null;
  matchesMapping: boolean | null;
  error: string | null;
}

export interface ProbeBudget {
  /** Per handshake. */
  timeoutMs: number;
  /** For every probe of the request together: probes not started by then are skipped, running ones aborted. */
  totalMs: number;
  /** Handshakes in flight at once. */
  concurrency: number;
}

export const DefaultProbeBudget: ProbeBudget = { timeoutMs: 3000, totalMs: 60_000, concurrency: 4 };

export type Handshake = (target: PathProbe['target'], timeoutMs: number, signal: AbortSignal) => Promise<{ thumbprint: string | null; error: string | null }>;

/**
 * The address a path is dialled at: the binding's own address; for a binding on all addresses,
 * loopback of the path's family (127.0.0.1, ::1) unless http.sys's IP listen list names
 * addresses without a wildcard, then its first one of that family. Never an address the
 * configuration and the listen list do not name (no scan). null: nothing to dial for that family.
 */
export function pathAddress(address: string, family: AddressFamily, listenAddresses: readonly string[] | null): string | null {
  if (address !== '*' && address !== '') return address.replace(/^\[|\]$/g, '');
  const version = family === 'ipv4' ? 4 : 6;
  const listed = (listenAddresses ?? []).map((entry) => entry.replace(/^\[|\]$/g, ''));
  if (listed.length > 0 && !listed.some((entry) => entry === '0.0.0.0' || entry === '::')) return listed.find((entry) => isIP(entry) === version) ?? null;
  return family === 'ipv4' ? '127.0.0.1' : '::1';
}

/** A planned probe: the path it takes, and every mapping whose certificate could come back on it. */
export interface PlannedProbe {
  probe: PathProbe;
  path: ClientPath;
  /** The path's mapping, its listed ip-first mappings, then, when it lists only some, every ip:port mapping of its family and port. */
  candidates: readonly Candidate[];
}

/**
 * The probes of one binding: one per client path, with SNI (its host) and without. A path lists
 * at most a few ip-first mappings (a * binding can meet hundreds); the server's specific
 * mappings of the path's family and port are searched too, so a served certificate is traced
 * to its mapping even when the path did not list it. `ipMappingsOn` gives them, grouped once
 * per join (SpecificIpMappings.everyOn); without it only the path's own list is searched.
 */
export function planPathProbes(binding: JoinedBinding, listenAddresses: readonly string[] | null, ipMappingsOn: (family: AddressFamily, port: number) => readonly Candidate[] = () => []): PlannedProbe[] {
  if (binding.port === null || binding.address === null) return [];
  const servername = binding.host && !isIP(binding.host) && !binding.host.includes('*') ? binding.host : null;
  return binding.clientPaths.flatMap((path) => {
    const host = pathAddress(binding.address!, path.family, listenAddresses);
    if (host === null) return [];
    const probe: PathProbe = {
      family: path.family,
      sni: path.sni,
      target: { host, port: binding.port!, servername: path.sni ? servername : null },
      expectedMapping: path.mapping ? `${path.mapping.kind}:${path.mapping.key}` : null,
      status: 'skipped',
      servedThumbprint: null,
      servedBy: null,
      matchesMapping: null,
      error: null,
    };
    const unlisted = path.ipFirstCount > path.ipFirst.length ? ipMappingsOn(path.family, binding.port!) : [];
    return [{ probe, path, candidates: [...(path.mapping ? [path.mapping] : []), ...path.ipFirst, ...unlisted] }];
  });
}

/**
 * Runs the probes within the budget: at most `concurrency` at once, each bounded by
 * `timeoutMs` and by what is left of `totalMs`; when the budget is spent, running probes are
 * aborted and the rest are reported skipped, so a server of unreachable endpoints cannot hold
 * the request for longer than the budget.
 */
export async function runPathProbes(planned: readonly PlannedProbe[], handshake: Handshake, budget: ProbeBudget = DefaultProbeBudget, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + budget.totalMs;
  const spent = new AbortController();
  const timer = setTimeout(() => spent.abort(), budget.totalMs);
  const onCancel = () => spent.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  let next = 0;
  const worker = async () => {
    while (next < planned.length) {
      const entry = planned[next++]!;
      const probe = entry.probe;
      const left = deadline - Date.now();
      if (spent.signal.aborted || left <= 0) {
        probe.error = signal?.aborted ? 'cancelled' : `probe budget of ${budget.totalMs} ms spent`;
        continue;
      }
      const result = await handshake(probe.target, Math.min(budget.timeoutMs, left), spent.signal);
      settle(entry, result);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(budget.concurrency, planned.length)) }, worker));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

function settle({ probe, path, candidates }: PlannedProbe, result: { thumbprint: string | null; error: string | null }): void {
  if (result.thumbprint === null) {
    probe.status = 'unreachable';
    probe.error = result.error;
    // A path the model says fails is confirmed by a failed handshake.
    probe.matchesMapping = path.mapping === null ? true : null;
    return;
  }
  probe.status = 'served';
  probe.servedThumbprint = result.thumbprint;
  const holds = (hash: string | null) => hash !== null && hash.toUpperCase() === result.thumbprint;
  const by = candidates.find((ref) => holds(ref.certificateHash));
  probe.servedBy = by ? `${by.kind}:${by.key}` : null;
  probe.matchesMapping = path.mapping?.certificateHash ? holds(path.mapping.certificateHash) : path.mapping === null ? false : null;
}

/** A TLS handshake that reports the served certificate; validity is not enforced (the point is what is served). */
export const tlsHandshake: Handshake = async (target, timeoutMs, signal) => {
  const tls = await import('node:tls');
  return new Promise((resolve) => {
    // The budget's signal outlives every probe of the request: each takes its listener away when done.
    const onSpent = () => done({ thumbprint: null, error: 'probe budget spent' });
    const done = (result: { thumbprint: string | null; error: string | null }) => {
      signal.removeEventListener('abort', onSpent);
      socket.destroy();
      resolve(result);
    };
    const socket = tls.connect({ host: target.host, port: target.port, ...(target.servername ? { servername: target.servername } : {}), rejectUnauthorized: false, timeout: timeoutMs });
    socket.once('secureConnect', () => done({ thumbprint: socket.getPeerX509Certificate()?.fingerprint.replace(/:/g, '').toUpperCase() ?? null, error: null }));
    socket.once('timeout', () => done({ thumbprint: null, error: `no TLS handshake within ${timeoutMs} ms` }));
    socket.once('error', (error) => done({ thumbprint: null, error: error.message }));
    if (signal.aborted) onSpent();
    else signal.addEventListener('abort', onSpent, { once: true });
  });
};
