import { absentWhenNotFound } from './absent-when-not-found.js';
import { HttpApiError } from '../errors.js';
import type { Dispatch } from '../rpc/dispatcher.js';
import type { ResultOf } from '../protocol/method.js';
import type { UrlAclList } from '../protocol/index.js';
import type { SourceSpec } from '../source/source-spec.js';
import { existDifference, mergeChanges, type DscResource } from './dsc-resource.js';
import { UrlReservationInstance, type UrlReservationDesired } from './instance-schemas.js';

type Reservation = ResultOf<typeof UrlAclList>['reservations'][number];
type User = { user: string; listen?: boolean; delegate?: boolean };

async function readReservations(dispatch: Dispatch, source: SourceSpec | undefined, url?: string) {
  return absentWhenNotFound(dispatch('urlacl/list', { source, url }).then((result) => (result as ResultOf<typeof UrlAclList>).reservations));
}

/** Users as a set: netsh prints `\Everyone` for a local group name, and urlacl/add's defaults are listen yes, delegate no. */
const userSet = (users: User[]) =>
  users.map((user) => `${user.user.replace(/^\\/, '').toLowerCase()}|${user.listen ?? true}|${user.delegate ?? false}`).sort().join('\n');

const reservationState = (reservation: Reservation) => ({ url: reservation.url, users: reservation.users, sddl: reservation.sddl });

/**
 * `HttpApi/UrlReservation`: one http.sys URL reservation. netsh has no update for a
 * reservation, so a different one is deleted and added again; if the add fails, the old one is
 * put back from its SDDL.
 */
export const urlReservationResource: DscResource<UrlReservationDesired> = {
  type: 'HttpApi/UrlReservation',
  name: 'UrlReservation',
  description: 'An http.sys URL reservation (netsh http add/delete urlacl).',
  schema: UrlReservationInstance,

  async read(desired, dispatch) {
    const [reservation] = await readReservations(dispatch, desired.source, desired.url);
    if (!reservation) return { url: desired.url, _exist: false };
    return { ...reservationState(reservation), _exist: true };
  },

  differences(desired, actual) {
    const exist = existDifference(desired, actual);
    if (exist) return exist;
    const differing: string[] = [];
    if (desired.users !== undefined && userSet(desired.users) !== userSet(actual.users as User[])) differing.push('users');
    if (desired.sddl !== undefined && desired.sddl !== actual.sddl) differing.push('sddl');
    return differing;
  },

  async change(desired, actual, _differing, dispatch, whatIf) {
    if (desired.users !== undefined && desired.sddl !== undefined) {
      throw new HttpApiError('INVALID_ARGUMENT', 'sddl: state either users or sddl, not both (netsh add urlacl takes one or the other). Nothing was changed.', { field: 'sddl' });
    }
    const common = { source: desired.source, whatIf, url: desired.url };
    if (!(desired._exist ?? true)) return mergeChanges(await dispatch('urlacl/delete', { ...common, url: actual.url }));
    const addition = { ...common, users: desired.users, sddl: desired.sddl };
    if (!actual._exist) return mergeChanges(await dispatch('urlacl/add', addition));
    // The add is validated (planned) before the old reservation goes.
    const plannedAdd = await dispatch('urlacl/add', { ...addition, whatIf: true });
    const removed = await dispatch('urlacl/delete', { ...common, url: actual.url });
    if (whatIf) return mergeChanges(removed, plannedAdd);
    try {
      return mergeChanges(removed, await dispatch('urlacl/add', addition));
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      try {
        await dispatch('urlacl/add', { source: desired.source, url: actual.url, sddl: actual.sddl });
      } catch (undoError) {
        throw new HttpApiError('CHANGE_ROLLED_BACK', `Adding ${desired.url} again failed (${cause}), and putting the old reservation back FAILED too (${undoError instanceof Error ? undoError.message : String(undoError)}): run netsh http add urlacl url=${actual.url} sddl=${String(actual.sddl)} by hand.`, { rolledBack: false, url: actual.url, sddl: actual.sddl });
      }
      throw new HttpApiError('CHANGE_ROLLED_BACK', `Adding ${desired.url} again failed (${cause}); the old reservation was put back with its SDDL ${String(actual.sddl)}.`, { rolledBack: true, url: actual.url, sddl: actual.sddl });
    }
  },

  async export(source, dispatch) {
    // The SDDL is the reservation exactly; users are only a reading of it.
    return (await readReservations(dispatch, source)).map((reservation) => (reservation.sddl ? { url: reservation.url, sddl: reservation.sddl } : { url: reservation.url, users: reservation.users }));
  },
};
