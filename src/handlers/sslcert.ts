import { planOrApplyNetshChange } from '../httpsys/change-http-sys.js';
import { sameMappingKey } from '../httpsys/mapping-key.js';
import { sslcertDeleteArgv, sslcertSetArgv } from '../httpsys/netsh-commands.js';
import { readSslMappings } from '../httpsys/read-http-sys.js';
import { SslCertAdd, SslCertDelete, SslCertList, SslCertUpdate } from '../rpc/protocol/index.js';
import { implement, type HandlerContext } from './handler.js';

const change = (argv: string[], whatIf: boolean | undefined, context: HandlerContext) =>
  planOrApplyNetshChange(argv, { whatIf, source: context.source.httpSys, signal: context.signal });

export const sslcertList = implement(SslCertList, async (params, context) => {
  const read = await readSslMappings(context.source.httpSys(), { signal: context.signal });
  const mappings = read.mappings.filter(
    (mapping) => (params.kind === undefined || mapping.kind === params.kind) && (params.key === undefined || sameMappingKey(mapping.key, params.key)),
  );
  return { ...read, mappings };
});

export const sslcertAdd = implement(SslCertAdd, (params, context) => change(sslcertSetArgv('add', params), params.whatIf, context));

export const sslcertUpdate = implement(SslCertUpdate, (params, context) => change(sslcertSetArgv('update', params), params.whatIf, context));

export const sslcertDelete = implement(SslCertDelete, (params, context) => change(sslcertDeleteArgv(params.kind, params.key), params.whatIf, context));
