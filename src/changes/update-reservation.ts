import { HttpApiError } from '../errors.js';
import { urlaclAddArgv, urlaclDeleteArgv, type UrlaclAddition } from '../httpsys/netsh-commands.js';
import { readUrlReservations } from '../httpsys/read-http-sys.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { notFoundError } from '../text/not-found-error.js';
import { netshStep, type BindingChangeResult } from './change-result.js';
import type { ReservationChange } from './iis-express-reservation.js';
import { httpSysChangeRun, runSteps, underChangeLock } from './run-change.js';

export interface ReservationUpdate extends UrlaclAddition {
  whatIf?: boolean;
}

/**
 * netsh has no `set urlacl`: a reservation's access list changes by deleting it and adding it
 * again. The reservation is read first (NOT_FOUND before any netsh change), so the deletion can
 * be undone with its own SDDL if the add then fails; under the configuration's change lock when
 * there is a configuration, as the other changes, so the journal records both steps.
 */
export async function updateReservation(source: ResolvedSource, request: ReservationUpdate, signal?: AbortSignal): Promise<BindingChangeResult> {
  const addArgv = urlaclAddArgv(request);
  const run = httpSysChangeRun(source, signal);
  const work = async (notes: string[]): Promise<BindingChangeResult> => {
    const { reservations } = await readUrlReservations(source.httpSys(), { signal });
    const existing = reservations.find((reservation) => reservation.url.toLowerCase() === request.url.toLowerCase());
    if (!existing) {
      throw notFoundError('URL reservation', request.url, 'http.sys', reservations.map((reservation) => reservation.url), { url: request.url });
    }
    if (!existing.sddl) {
      throw new HttpApiError('INVALID_ARGUMENT', `url: the reservation ${existing.url} shows no readable SDDL, so it could not be put back if adding it again failed; nothing was changed. Delete it (urlacl/delete) and add it (urlacl/add) yourself.`, { field: 'url', value: request.url });
    }
    const deletion: ReservationChange = {
      argv: urlaclDeleteArgv(existing.url),
      undo: urlaclAddArgv({ url: existing.url, sddl: existing.sddl }),
      description: `delete URL reservation ${existing.url} (SDDL ${existing.sddl})`,
      reservation: { url: existing.url, before: true, after: false },
    };
    const addition: ReservationChange = {
      argv: addArgv,
      undo: urlaclDeleteArgv(request.url),
      description: `reserve ${request.url} again with the new access list`,
      reservation: { url: request.url, before: false, after: true },
    };
    const steps = [netshStep(deletion), netshStep(addition)];
    const messages = [...notes, `The reservation's access list was ${existing.sddl}.`];
    if (request.whatIf) return { applied: false, steps, messages };
    const done = await runSteps(run, `update URL reservation ${existing.url}`, [
      { kind: 'netsh', change: deletion },
      { kind: 'netsh', change: addition },
    ]);
    return { applied: true, steps, messages: [...messages, ...done.messages] };
  };
  return request.whatIf ? work([]) : underChangeLock(run, work);
}
