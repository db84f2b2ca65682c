import { z } from 'zod';
import type { MappingKind } from '../httpsys/mapping-key.js';
import { defineMethod } from './method.js';
import { MappingStatuses } from '../join/mapping-health.js';
import { AppIdSchema, AsOfSchema, CertificateSubjectSchema, ChangeResultSchema, MappingKindSchema, SslOptionsSchema, StoreNameSchema, ThumbprintSchema, WhatIf, WithSource, mappingKeySchema, namedCertificate } from './common.js';

export const SslOptionSchema = z.object({
  name: z.string().describe('Stable option name, or "unknown" for a line this version does not know.'),
  label: z.string().describe('The label as netsh printed it (possibly localized), or the JSON property name.'),
  raw: z.string().describe('The value as netsh printed it.'),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).describe('Typed: Enabled/Set → true, Disabled/Not Set → false, numbers, (null) → null; an unexpected shape stays the text.'),
  parameter: z.string().nullable().describe('The netsh add/update sslcert parameter that sets it; null where there is none.'),
});

export const ExtendedPropertyBlockSchema = z.object({
  label: z.string().describe('The block label as printed ("Extended Properties").'),
  propertyId: z.number().nullable(),
  fields: z.array(SslOptionSchema).describe('Every line of the block, the PropertyId line included; empty blocks are kept.'),
});

export const SslMappingSchema = z.object({
  kind: MappingKindSchema,
  key: z.string(),
  keyLabel: z.string().describe('The key line label as printed (IP:port, Hostname:port, ...).'),
  address: z.string().nullable().describe('ipport: the address as printed (0.0.0.0, 10.0.0.5, [::]).'),
  host: z.string().nullable().describe('hostnameport and scopedccs: the host name.'),
  port: z.number().int().nullable(),
  certificateHash: z.string().nullable().describe('40 upper-case hex characters; null for CCS or when the printed hash is not one (masked captures).'),
  certificateHashRaw: z.string().nullable().describe('The hash as printed; null when no line was printed.'),
  appId: z.string().nullable().describe('Braced lower-case GUID; null when absent or not a GUID.'),
  appIdRaw: z.string().nullable(),
  certificateStoreName: z.string().nullable().describe('null when netsh shows (null), which means MY.'),
  certificateStoreNameRaw: z.string().nullable(),
  options: z.array(SslOptionSchema),
  extendedProperties: z.array(ExtendedPropertyBlockSchema),
  notes: z.array(z.string()).describe('What was odd about this mapping as read.'),
});

/** A mapping as sslcert/list reports it: as read, plus who owns it and how its certificate is. */
export const SslMappingWithHealthSchema = SslMappingSchema.extend({
  owner: z.string().describe('Who the application id says owns the mapping: IIS, IIS Express, AD FS, SSTP, WinRM, another known application, or "unknown app id".'),
  status: z
    .enum(MappingStatuses)
    .describe('The certificate, whoever owns the mapping: missing (not in the named store), expired, no private key, not server auth (no Server Authentication EKU), expiring, key unknown (the source does not say), ok, or not checked (no certificate source, no readable hash, or a Central Certificate Store no source describes or that cannot be read). A CCS mapping says what the store holds: ok (enabled, N files) or missing (disabled in IIS). The worst one when several hold.'),
  statusDetail: z.string().describe('Why: the store that lacks it, the expiry date, every problem found.'),
});

export const UnplacedLineSchema = z.object({ line: z.number().int(), text: z.string() });

export const SslCertList = defineMethod({
  method: 'sslcert/list',
  summary: 'http.sys SSL certificate mappings (netsh http show sslcert).',
  changes: false,
  params: z
    .object({
      ...WithSource,
      kind: MappingKindSchema.optional().describe('Only mappings of this kind (a filter: none is an empty list).'),
      key: z.string().min(1).optional().describe('The mapping with this key (0.0.0.0:443, www.contoso.com:443, 443); NOT_FOUND if none.'),
      expiryDays: z.number().int().min(0).max(3650).optional().describe('Status "expiring" for certificates expiring within this many days (default 30).'),
      asOf: AsOfSchema.optional(),
    })
    .strict(),
  result: z
    .object({
      mappings: z.array(SslMappingWithHealthSchema),
      format: z.enum(['text', 'json']).describe('Which netsh output was parsed: show sslcert json=enable, or the text form.'),
      notes: z.array(z.string()).describe('Where the mappings came from, which format and why.'),
      unplaced: z.array(UnplacedLineSchema).describe('The first 5 lines of the output that belong to no mapping, each cut to 200 characters.'),
      unplacedCount: z.number().int().describe('How many lines belong to no mapping.'),
    })
    .loose(),
});

/**
 * add and update: the key's shape and whether a certificate is given depend on the kind, so the
 * params are one object per kind (a discriminated union): the document says what each kind takes
 * and a wrong key or a hash for CCS fails as -32602 naming the field.
 */
function mappingChangeParams<C extends z.ZodRawShape, N extends z.ZodRawShape>(certificate: C, noCertificate: (kind: string) => N, hashRequired: boolean) {
  const form = <K extends MappingKind, R extends z.ZodRawShape>(kind: K, rest: R) =>
    z
      .object({
        ...WithSource,
        ...WhatIf,
        kind: z.literal(kind).describe('ipport (IP:port), hostnameport (SNI) or ccs (Central Certificate Store port); scopedccs is refused (netsh only shows it).'),
        key: mappingKeySchema(kind),
        ...rest,
      })
      .strict();
  const certified = <K extends MappingKind>(kind: K) => namedCertificate(form(kind, certificate), 'certificateHash', hashRequired);
  return z.discriminatedUnion('kind', [certified('ipport'), certified('hostnameport'), form('ccs', noCertificate('ccs')), form('scopedccs', noCertificate('scopedccs'))]);
}

const ccsHash = (kind: string) => z.never({ error: `a ${kind} mapping takes its certificate from the Central Certificate Store; give no certificateHash` }).optional();
const ccsSubject = (kind: string) => z.never({ error: `a ${kind} mapping takes its certificate from the Central Certificate Store; give no certificateSubject` }).optional();
const ccsStore = (kind: string) => z.never({ error: `a ${kind} mapping has no certificate store; give no certificateStoreName` }).optional();

const addParams = mappingChangeParams(
  {
    certificateHash: ThumbprintSchema.optional(),
    certificateSubject: CertificateSubjectSchema.optional(),
    appId: AppIdSchema,
    certificateStoreName: StoreNameSchema.optional().describe('Store of the certificate (default MY).'),
    options: SslOptionsSchema.optional(),
  },
  (kind) => ({ certificateHash: ccsHash(kind), certificateSubject: ccsSubject(kind), appId: AppIdSchema, certificateStoreName: ccsStore(kind), options: SslOptionsSchema.optional() }),
  true,
);

/** An update reads the mapping first and keeps every field it is not given (netsh's update replaces the whole record). */
const kept = <T extends z.ZodType>(schema: T, what: string) => schema.optional().describe(`${what}; by default the mapping's own is kept.`);
const updateOptions = {
  options: kept(SslOptionsSchema, 'netsh parameters to change, e.g. { "clientcertnegotiation": true }; every option not named keeps its value'),
  allowUnmatchedOptions: z.boolean().optional().describe('Acknowledge that option lines netsh printed with labels we do not recognise are reset by the update.'),
};
const updateParams = mappingChangeParams(
  {
    certificateHash: kept(ThumbprintSchema, 'Thumbprint of the certificate to serve'),
    certificateSubject: CertificateSubjectSchema.optional(),
    appId: kept(AppIdSchema, 'Application id'),
    certificateStoreName: kept(StoreNameSchema, 'Store of the certificate'),
    ...updateOptions,
  },
  (kind) => ({ certificateHash: ccsHash(kind), certificateSubject: ccsSubject(kind), appId: kept(AppIdSchema, 'Application id'), certificateStoreName: ccsStore(kind), ...updateOptions }),
  false,
);

export const SslCertAdd = defineMethod({
  method: 'sslcert/add',
  summary: 'Add an SSL certificate mapping (netsh http add sslcert), after checking the key is free and the certificate is in the store.',
  changes: true,
  params: addParams,
  result: ChangeResultSchema,
});

export const SslCertUpdate = defineMethod({
  method: 'sslcert/update',
  summary: 'Change fields of an SSL certificate mapping (netsh http update sslcert); every field not given keeps its current value.',
  changes: true,
  params: updateParams,
  result: ChangeResultSchema,
});

export const SslCertDelete = defineMethod({
  method: 'sslcert/delete',
  summary: 'Delete an SSL certificate mapping (netsh http delete sslcert); one that bindings use needs allowSharedMapping.',
  changes: true,
  params: z.discriminatedUnion('kind', [deleteParams('ipport'), deleteParams('hostnameport'), deleteParams('ccs'), deleteParams('scopedccs')]),
  result: ChangeResultSchema,
});

function deleteParams<K extends MappingKind>(kind: K) {
  return z
    .object({
      ...WithSource,
      ...WhatIf,
      kind: z.literal(kind).describe('ipport, hostnameport or ccs; scopedccs is refused (netsh only shows it).'),
      key: mappingKeySchema(kind),
      allowSharedMapping: z.boolean().optional().describe('Acknowledge that https bindings the mapping serves (declared or reached) lose their certificate.'),
    })
    .strict();
}
