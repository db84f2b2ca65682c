import { updateReservation } from '../changes/update-reservation.js';
import { planOrApplyNetshChange } from '../httpsys/change-http-sys.js';
import { urlaclAddArgv, urlaclDeleteArgv } from '../httpsys/netsh-commands.js';
import { readKeptReservations } from '../join/kept-reads.js';
import { UrlAclAdd, UrlAclDelete, UrlAclList, UrlAclUpdate } from '../protocol/index.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement, type HandlerContext } from '../protocol/handler.js';

const change = (argv: string[], whatIf: boolean | undefined, context: HandlerContext) =>
  planOrApplyNetshChange(argv, { whatIf, source: context.source.httpSys, signal: context.signal });

export const urlaclList = implement(UrlAclList, async (params, context) => {
  const read = await readKeptReservations(context.source.httpSys(), { signal: context.signal });
  const url = params.url;
  if (url === undefined) return { ...read };
  // A URL names one reservation: it exists, or NOT_FOUND says which reserved prefixes are near.
  const reservations = read.reservations.filter((reservation) => reservation.url.toLowerCase() === url.toLowerCase());
  if (reservations.length === 0) {
    throw notFoundError('URL reservation', url, 'http.sys', read.reservations.map((reservation) => reservation.url), { url });
  }
  return { ...read, reservations };
});

export const urlaclAdd = implement(UrlAclAdd, (params, context) => change(urlaclAddArgv(params), params.whatIf, context));

export const urlaclDelete = implement(UrlAclDelete, (params, context) => change(urlaclDeleteArgv(params.url), params.whatIf, context));

export const urlaclUpdate = implement(UrlAclUpdate, (params, context) => updateReservation(context.source, params, context.signal));
