import type { ResolvedSource } from '../source/resolve-source.js';
import { joinServerState, type ServerJoin } from './join-server-state.js';
import { loadServerState, type ServerState } from './load-server-state.js';

/** What bindings/https and diagnostics/run ask: how findings are judged, and whether to handshake. */
export interface ServerQuestion {
  live?: boolean;
  expiryDays?: number;
  /** The instant certificate dates are judged against (ISO 8601); now when absent. */
  asOf?: string;
}

export interface ServerReading {
  state: ServerState;
  joined: ServerJoin;
}

/** Reads every source of the server and joins it: the first steps of every whole-server read. */
export async function readAndJoinServer(source: ResolvedSource, question: ServerQuestion, progress: (message: string, percentage?: number) => void, signal?: AbortSignal): Promise<ServerReading> {
  progress('Reading configuration, http.sys mappings and certificates');
  const state = await loadServerState(source, { signal });
  const joined = await joinServerState(state, { live: question.live, expiryDays: question.expiryDays, now: question.asOf ? new Date(question.asOf) : undefined, signal, onProgress: progress });
  return { state, joined };
}
