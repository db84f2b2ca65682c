import type { CertificateInfo } from '../certs/certificate-info.js';
import type { ServerState } from './load-server-state.js';

const day = 24 * 60 * 60 * 1000;

/** What a join reads besides the clock, each the same object while its source is unchanged. */
type JoinInputs = readonly unknown[];

interface Entry<T> {
  inputs: JoinInputs;
  expiryDays: number;
  verdicts: string;
  value: T;
}

/**
 * Joins kept for reuse: a worker asked the same question again (a PowerShell loop, a
 * monitoring script) over a server that did not change gives the same answer, so the join of
 * 10,000 sites need not run again. The readers hand out the same objects while their sources
 * are unchanged (the file-identity caches, lastParse for netsh's text, the certificate
 * folder's and store's last read), and a join is reused only when every one of its inputs is
 * the same object and the clock gives every certificate the same verdict (clockVerdicts).
 * Results are shared between requests, so callers treat them as read-only.
 */
export class ReusedJoins<T> {
  private readonly entries: Entry<T>[] = [];

  // Two: a join holds its inputs, at 50,000 sites some 250 MB, until it leaves.
  constructor(private readonly capacity = 2) {}

  /**
   * The join for this state, made by `join` unless an equal one is kept. `join` is given the
   * instant the verdicts were taken at, so that what it judges is what the entry is kept under.
   */
  get(state: ServerState, options: { now?: Date; expiryDays: number }, join: (now: Date) => T): T {
    const now = options.now ?? new Date();
    const inputs = joinInputs(state);
    // The Central Certificate Store is read afresh for every request that uses it: not kept.
    if (inputs === null) return join(now);
    const verdicts = clockVerdicts(state.certificates ?? [], now, options.expiryDays);
    const index = this.entries.findIndex((entry) => entry.expiryDays === options.expiryDays && entry.verdicts === verdicts && sameInputs(entry.inputs, inputs));
    if (index >= 0) return this.entries[index]!.value;
    const value = join(now);
    this.entries.unshift({ inputs, expiryDays: options.expiryDays, verdicts, value });
    this.entries.length = Math.min(this.entries.length, this.capacity);
    return value;
  }
}

function joinInputs(state: ServerState): JoinInputs | null {
  if (state.ccs !== null) return null;
  return [state.config, state.mappings, state.certificates, state.reservations, state.findings];
}

function sameInputs(a: JoinInputs, b: JoinInputs): boolean {
  return a.length === b.length && a.every((input, index) => input === b[index]);
}

/**
 * Everything the join reads from the clock, as text: for each certificate whether it is not yet
 * valid, and whether it has expired or else its whole days left, counted up to the expiry
 * warning's window (certificateFindings, the join's only use of `now`). Two instants with the
 * same verdicts give the same join.
 */
export function clockVerdicts(certificates: readonly Pick<CertificateInfo, 'notBefore' | 'notAfter'>[], now: Date, expiryDays: number): string {
  const at = now.getTime();
  let verdicts = '';
  for (const certificate of certificates) {
    const notAfter = Date.parse(certificate.notAfter);
    const left = notAfter <= at ? 'x' : String(Math.min(Math.floor((notAfter - at) / day), expiryDays));
    verdicts += `${Date.parse(certificate.notBefore) > at ? 'n' : ''}${left},`;
  }
  return verdicts;
}
