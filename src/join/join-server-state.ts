import type { CertificateInfo } from '../certs/certificate-info.js';
import { SpecificIpMappings } from './client-paths.js';
import { DefaultExpiryDays, joinHttpsBindings, type JoinResult } from './join-https-bindings.js';
import { ReusedJoins } from './reused-joins.js';
import { checkLiveBinding, liveFindings, pathProbeFindings, type LiveCheck } from './live-tls-check.js';
import { DefaultProbeBudget, planPathProbes, runPathProbes, tlsHandshake, type PathProbe } from './path-probes.js';
import type { JoinedBinding } from './join-model.js';
import type { ServerState } from './load-server-state.js';

export interface JoinOptions {
  now?: Date;
  expiryDays?: number;
  /** Connect to each binding's endpoint and compare the served certificate. */
  live?: boolean;
  signal?: AbortSignal;
  onProgress?: (message: string, percentage: number) => void;
}

export type LiveJoinedBinding = JoinedBinding<CertificateInfo> & { live?: LiveCheck & { paths?: PathProbe[] } };

export interface ServerJoin extends JoinResult<CertificateInfo> {
  bindings: LiveJoinedBinding[];
}

const reused = new ReusedJoins<ServerJoin>();

/** The join over what loadServerState read, plus the live checks when asked for. */
export async function joinServerState(state: ServerState, options: JoinOptions = {}): Promise<ServerJoin> {
  // Without live checks the join depends on its inputs and the clock alone: kept for the next same question.
  if (!options.live) return reused.get(state, { now: options.now, expiryDays: options.expiryDays ?? DefaultExpiryDays }, (now) => join(state, { ...options, now }, null));
  // The listen list costs a netsh run, so it is read only for live checks; without it a `*`
  // binding is taken to listen on both families (http.sys's default: an empty list).
  const listen = await state.listenList();
  const result = join(state, options, listen.addresses);
  state.notes.push(`live checks: IP listen list ${listen.addresses === null ? 'unknown' : listen.addresses.length === 0 ? 'empty (all addresses)' : listen.addresses.join(', ')} (${listen.note})`);
  // One at a time: a check is a single handshake, and serial checks keep a slow or
  // unreachable endpoint from flooding the server with connections.
  for (const [index, binding] of result.bindings.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.(`TLS handshake with ${binding.site} ${binding.bindingInformation}`, Math.round((index / result.bindings.length) * 100));
    if (binding.port === null) continue;
    binding.live = await checkLiveBinding(binding, { signal: options.signal, listenAddresses: listen.addresses });
    const found = liveFindings(binding, binding.live);
    binding.findings.push(...found);
    result.findings.push(...found);
  }
  // Then every client path of every binding, within one budget for the whole request.
  const ipMappings = new SpecificIpMappings(state.mappings);
  const planned = result.bindings.map((binding) => ({ binding, probes: binding.live ? planPathProbes(binding, listen.addresses, (family, port) => ipMappings.everyOn(family, port)) : [] }));
  options.onProgress?.(`TLS handshakes per client path (IPv4/IPv6, with and without SNI)`, 100);
  await runPathProbes(planned.flatMap((entry) => entry.probes), tlsHandshake, DefaultProbeBudget, options.signal);
  for (const { binding, probes } of planned) {
    if (!binding.live) continue;
    binding.live.paths = probes.map((entry) => entry.probe);
    const found = pathProbeFindings(binding, binding.live.paths, binding.live);
    binding.findings.push(...found);
    result.findings.push(...found);
  }
  return result;
}

function join(state: ServerState, options: JoinOptions, listenAddresses: string[] | null): ServerJoin {
  const result: ServerJoin = joinHttpsBindings({
    sites: state.config.sites,
    mappings: state.mappings,
    certificates: state.certificates,
    reservations: state.reservations,
    ccs: state.ccs && !state.ccs.folderProblem ? state.ccs : null,
    configKind: state.config.configKind,
    listenAddresses,
    now: options.now,
    expiryDays: options.expiryDays,
  });
  result.findings.push(...state.findings);
  return result;
}
