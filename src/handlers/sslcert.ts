import { addMapping, deleteMapping, updateMapping } from '../changes/sslcert-commands.js';
import { sameMappingKey } from '../httpsys/mapping-key.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { SslCertAdd, SslCertDelete, SslCertList, SslCertUpdate } from '../rpc/protocol/index.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement } from './handler.js';

export const sslcertList = implement(SslCertList, async (params, context) => {
  const read = await readSslMappings(context.source.httpSys(), { signal: context.signal });
  const ofKind = read.mappings.filter((mapping) => params.kind === undefined || mapping.kind === params.kind);
  const key = params.key;
  if (key === undefined) return { ...read, mappings: ofKind };
  // A key names one mapping: it exists, or NOT_FOUND says which keys are near; a kind alone only filters.
  const mappings = ofKind.filter((mapping) => sameMappingKey(mapping.key, key));
  if (mappings.length === 0) {
    const what = `${params.kind ?? 'SSL certificate'} mapping`;
    throw notFoundError(what, key, 'http.sys', ofKind.map((mapping) => mapping.key), { kind: params.kind ?? null, key });
  }
  return { ...read, mappings };
});

export const sslcertAdd = implement(SslCertAdd, (params, context) => addMapping(context.source, params, context.signal));

export const sslcertUpdate = implement(SslCertUpdate, (params, context) => updateMapping(context.source, params, context.signal));

export const sslcertDelete = implement(SslCertDelete, (params, context) => deleteMapping(context.source, params, context.signal));
