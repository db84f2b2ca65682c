import type { CertificateInfo } from '../certs/certificate-info.js';
import { KeptResults } from '../source/kept-results.js';
import type { ServerState } from './load-server-state.js';

const day = 24 * 60 * 60 * 1000;

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
  // One join per expiry window and set of verdicts (a read with and one without asOf, say), two
  // in all: a join holds its inputs, at 50,000 sites some 250 MB, until it leaves.
  private readonly kept = new KeptResults<T>(2);

  /**
   * The join for this state, made by `join` unless an equal one is kept. `join` is given the
   * instant the verdicts were taken at, so that what it judges is what the join is kept under.
   */
  get(state: ServerState, options: { now?: Date; expiryDays: number }, join: (now: Date) => T): T {
    const now = options.now ?? new Date();
    // The Central Certificate Store is read afresh for every request that uses it: not kept.
    if (state.ccs !== null) return join(now);
    const verdicts = clockVerdicts(state.certificates ?? [], now, options.expiryDays);
    return this.kept.get(`${options.expiryDays}\0${verdicts}`, [state.config, state.mappings, state.certificates, state.reservations, state.findings], () => join(now));
  }
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
    const [notBefore, notAfter] = validity(certificate);
    const left = notAfter <= at ? 'x' : String(Math.min(Math.floor((notAfter - at) / day), expiryDays));
    verdicts += `${notBefore > at ? 'n' : ''}${left},`;
  }
  return verdicts;
}

// A certificate's dates as numbers, parsed once: the readers give the same certificate objects
// while the store is unchanged, and every request asked again takes its verdicts.
const validities = new WeakMap<object, readonly [number, number]>();

function validity(certificate: Pick<CertificateInfo, 'notBefore' | 'notAfter'>): readonly [number, number] {
  let known = validities.get(certificate);
  if (!known) validities.set(certificate, (known = [Date.parse(certificate.notBefore), Date.parse(certificate.notAfter)]));
  return known;
}
