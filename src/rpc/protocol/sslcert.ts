import { z } from 'zod';
import { defineMethod } from '../method.js';
import { AppIdSchema, ChangeResultSchema, MappingKindSchema, ThumbprintSchema, WhatIf, WithSource } from './common.js';

export const SslOptionSchema = z.object({
  name: z.string().describe('Stable option name, or "unknown" for a line this version does not know.'),
  label: z.string().describe('The label as netsh printed it (possibly localized).'),
  raw: z.string().describe('The value as netsh printed it.'),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

export const SslMappingSchema = z.object({
  kind: MappingKindSchema,
  key: z.string(),
  certificateHash: z.string().nullable(),
  appId: z.string().nullable(),
  certificateStoreName: z.string().nullable().describe('null when netsh shows (null), which means MY.'),
  options: z.array(SslOptionSchema),
});

export const SslCertList = defineMethod({
  method: 'sslcert/list',
  summary: 'http.sys SSL certificate mappings (netsh http show sslcert).',
  changes: false,
  params: z.object({ ...WithSource, kind: MappingKindSchema.optional(), key: z.string().min(1).optional() }).strict(),
  result: z.object({ mappings: z.array(SslMappingSchema) }).loose(),
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
