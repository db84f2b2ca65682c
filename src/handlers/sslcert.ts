import { addMapping, deleteMapping, updateMapping } from '../changes/sslcert-commands.js';
import { sameMappingKey } from '../httpsys/mapping-key.js';
import { readKeptMappings } from '../join/kept-reads.js';
import { mappingsWithHealth } from '../join/mappings-with-health.js';
import { SslCertAdd, SslCertDelete, SslCertList, SslCertUpdate } from '../protocol/index.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement } from '../protocol/handler.js';

export const sslcertList = implement(SslCertList, async (params, context) => {
  const read = await readKeptMappings(context.source.httpSys(), { signal: context.signal });
  const ofKind = read.mappings.filter((mapping) => params.kind === undefined || mapping.kind === params.kind);
  const key = params.key;
  // A key names one mapping: it exists, or NOT_FOUND says which keys are near; a kind alone only filters.
  const mappings = key === undefined ? ofKind : ofKind.filter((mapping) => sameMappingKey(mapping.key, key));
  if (key !== undefined && mappings.length === 0) {
    const what = `${params.kind ?? 'SSL certificate'} mapping`;
    throw notFoundError(what, key, 'http.sys', ofKind.map((mapping) => mapping.key), { kind: params.kind ?? null, key });
  }
  const health = await mappingsWithHealth(mappings, context.source, { now: params.asOf ? new Date(params.asOf) : new Date(), expiryDays: params.expiryDays ?? 30, signal: context.signal });
  return { ...read, mappings: health.mappings, notes: [...read.notes, ...health.notes] };
});

export const sslcertAdd = implement(SslCertAdd, (params, context) => addMapping(context.source, params, context.signal));

export const sslcertUpdate = implement(SslCertUpdate, (params, context) => updateMapping(context.source, params, context.signal));

export const sslcertDelete = implement(SslCertDelete, (params, context) => deleteMapping(context.source, params, context.signal));
