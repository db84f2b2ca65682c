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
 * `HttpApi/UrlReservation`: one http.sys URL reservation. A different one is changed by
 * urlacl/update (netsh has no update: delete, then add, the old one put back from its SDDL if the
 * add fails, under the change lock and journal every change takes).
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
    return mergeChanges(await dispatch('urlacl/update', addition));
  },

  async export(source, dispatch) {
    // The SDDL is the reservation exactly; users are only a reading of it.
    return (await readReservations(dispatch, source)).map((reservation) => (reservation.sddl ? { url: reservation.url, sddl: reservation.sddl } : { url: reservation.url, users: reservation.users }));
  },
};
