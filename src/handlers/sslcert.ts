import { planOrApplyNetshChange } from '../httpsys/change-http-sys.js';
import { sameMappingKey } from '../httpsys/mapping-key.js';
import { sslcertDeleteArgv, sslcertSetArgv } from '../httpsys/netsh-commands.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { mappingsWithHealth } from '../join/mappings-with-health.js';
import { SslCertAdd, SslCertDelete, SslCertList, SslCertUpdate } from '../rpc/protocol/index.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement, type HandlerContext } from './handler.js';

const change = (argv: string[], whatIf: boolean | undefined, context: HandlerContext) =>
  planOrApplyNetshChange(argv, { whatIf, source: context.source.httpSys, signal: context.signal });

export const sslcertList = implement(SslCertList, async (params, context) => {
  const read = await readSslMappings(context.source.httpSys(), { signal: context.signal });
  const ofKind = read.mappings.filter((mapping) => params.kind === undefined || mapping.kind === params.kind);
  const key = params.key;
  // A key names one mapping: it exists, or NOT_FOUND says which keys are near; a kind alone only filters.
  const mappings = key === undefined ? ofKind : ofKind.filter((mapping) => sameMappingKey(mapping.key, key));
  if (key !== undefined && mappings.length === 0) {
    const what = `${params.kind ?? 'SSL certificate'} mapping`;
    throw notFoundError(what, key, 'http.sys', ofKind.map((mapping) => mapping.key), { kind: params.kind ?? null, key });
  }
  const health = await mappingsWithHealth(mappings, context.source, { now: params.asOf ? new Date(params.asOf) : new Date(), expiryDays: params.expiryDays ?? 30 });
  return { ...read, mappings: health.mappings, notes: [...read.notes, ...health.notes] };
});

export const sslcertAdd = implement(SslCertAdd, (params, context) => change(sslcertSetArgv('add', params), params.whatIf, context));

export const sslcertUpdate = implement(SslCertUpdate, (params, context) => change(sslcertSetArgv('update', params), params.whatIf, context));

export const sslcertDelete = implement(SslCertDelete, (params, context) => change(sslcertDeleteArgv(params.kind, params.key), params.whatIf, context));
