import { z } from 'zod';
import { defineMethod } from '../method.js';
import { AppIdSchema, ChangeResultSchema, MappingKindSchema, ThumbprintSchema, WhatIf, WithSource } from './common.js';

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

export const UnplacedLineSchema = z.object({ line: z.number().int(), text: z.string() });

export const SslCertList = defineMethod({
  method: 'sslcert/list',
  summary: 'http.sys SSL certificate mappings (netsh http show sslcert).',
  changes: false,
  params: z.object({ ...WithSource, kind: MappingKindSchema.optional(), key: z.string().min(1).optional() }).strict(),
  result: z
    .object({
      mappings: z.array(SslMappingSchema),
      format: z.enum(['text', 'json']).describe('Which netsh output was parsed: show sslcert json=enable, or the text form.'),
      notes: z.array(z.string()).describe('Where the mappings came from, which format and why.'),
      unplaced: z.array(UnplacedLineSchema).describe('The first 5 lines of the output that belong to no mapping, each cut to 200 characters.'),
      unplacedCount: z.number().int().describe('How many lines belong to no mapping.'),
    })
    .loose(),
});

const MappingChangeParams = {
  ...WithSource,
  ...WhatIf,
  kind: MappingKindSchema,
  key: z.string().min(1).describe('0.0.0.0:443, [::]:443, www.contoso.com:443, or 443 for ccs.'),
  certificateHash: ThumbprintSchema.optional(),
  appId: AppIdSchema,
  certificateStoreName: z.string().min(1).optional(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe('netsh parameters by name, e.g. { "clientcertnegotiation": true }.'),
};

export const SslCertAdd = defineMethod({
  method: 'sslcert/add',
  summary: 'Add an SSL certificate mapping (netsh http add sslcert).',
  changes: true,
  params: z.object(MappingChangeParams).strict(),
  result: ChangeResultSchema,
});

export const SslCertUpdate = defineMethod({
  method: 'sslcert/update',
  summary: 'Update an SSL certificate mapping (netsh http update sslcert).',
  changes: true,
  params: z.object(MappingChangeParams).strict(),
  result: ChangeResultSchema,
});

export const SslCertDelete = defineMethod({
  method: 'sslcert/delete',
  summary: 'Delete an SSL certificate mapping (netsh http delete sslcert).',
  changes: true,
  params: z.object({ ...WithSource, ...WhatIf, kind: MappingKindSchema, key: z.string().min(1) }).strict(),
  result: ChangeResultSchema,
});
