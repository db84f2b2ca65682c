import { planOrApplyNetshChange } from '../httpsys/change-http-sys.js';
import { urlaclAddArgv, urlaclDeleteArgv } from '../httpsys/netsh-commands.js';
import { readUrlReservations } from '../httpsys/read-http-sys.js';
import { UrlAclAdd, UrlAclDelete, UrlAclList } from '../rpc/protocol/index.js';
import { implement, type HandlerContext } from './handler.js';

const change = (argv: string[], whatIf: boolean | undefined, context: HandlerContext) =>
  planOrApplyNetshChange(argv, { whatIf, source: context.source.httpSys, signal: context.signal });

export const urlaclList = implement(UrlAclList, async (params, context) => {
  const read = await readUrlReservations(context.source.httpSys(), { signal: context.signal });
  const reservations = read.reservations.filter((reservation) => params.url === undefined || reservation.url.toLowerCase() === params.url.toLowerCase());
  return { ...read, reservations };
});

export const urlaclAdd = implement(UrlAclAdd, (params, context) => change(urlaclAddArgv(params), params.whatIf, context));

export const urlaclDelete = implement(UrlAclDelete, (params, context) => change(urlaclDeleteArgv(params.url), params.whatIf, context));
