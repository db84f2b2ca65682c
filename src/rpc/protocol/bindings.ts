import { z } from 'zod';
import { defineMethod } from '../method.js';
import { ChangeResultSchema, FindingSchema, MappingKindSchema, ThumbprintSchema, WhatIf, WithSource } from './common.js';
import { CertificateSchema } from './certificates.js';

export const MappingRefSchema = z.object({
  kind: MappingKindSchema,
  key: z.string(),
  exists: z.boolean(),
  certificateHash: z.string().nullable(),
  certificateStoreName: z.string().nullable(),
  appId: z.string().nullable(),
});

export const HttpsBindingSchema = z.object({
  site: z.string(),
  siteId: z.number().int().nullable(),
  bindingInformation: z.string(),
  sslFlags: z.number().int(),
  declaredMapping: MappingRefSchema.nullable(),
  effectiveMapping: z.object({ withSni: MappingRefSchema.nullable(), withoutSni: MappingRefSchema.nullable() }),
  certificate: CertificateSchema.nullable(),
  sharedWith: z.array(z.object({ site: z.string(), bindingInformation: z.string() })),
  findings: z.array(FindingSchema),
});

export const BindingsHttps = defineMethod({
  method: 'bindings/https',
  summary: 'Every https binding joined with the http.sys mapping it declares, the one clients get, its certificate and findings.',
  changes: false,
  params: z.object({ ...WithSource, site: z.string().min(1).optional(), live: z.boolean().optional().describe('Also connect to each endpoint and compare the served certificate.') }).strict(),
  result: z.object({ file: z.string().optional(), bindings: z.array(HttpsBindingSchema) }).loose(),
});

const SharedAck = { allowSharedMapping: z.boolean().optional().describe('Acknowledge that an IP mapping shared by other bindings changes for all of them.') };

export const BindingsAdd = defineMethod({
  method: 'bindings/add',
  summary: 'Add a binding to a site; an https binding gets its http.sys mapping in the same change.',
  changes: true,
  params: z
    .object({
      ...WithSource,
      ...WhatIf,
      ...SharedAck,
      site: z.string().min(1),
      protocol: z.enum(['http', 'https']),
      address: z.string().optional(),
      port: z.number().int().min(1).max(65535),
      host: z.string().optional(),
      sslFlags: z.number().int().nonnegative().optional(),
      certificateHash: ThumbprintSchema.optional(),
      certificateStoreName: z.string().min(1).optional(),
    })
    .strict(),
  result: ChangeResultSchema,
});

export const BindingsRemove = defineMethod({
  method: 'bindings/remove',
  summary: 'Remove a binding; its mapping goes too when no other binding still resolves to it.',
  changes: true,
  params: z.object({ ...WithSource, ...WhatIf, site: z.string().min(1), protocol: z.string().min(1), bindingInformation: z.string().min(1) }).strict(),
  result: ChangeResultSchema,
});

export const BindingsSetCertificate = defineMethod({
  method: 'bindings/setCertificate',
  summary: 'Point a binding\'s mapping at another certificate.',
  changes: true,
  params: z
    .object({ ...WithSource, ...WhatIf, ...SharedAck, site: z.string().min(1), bindingInformation: z.string().min(1), certificateHash: ThumbprintSchema, certificateStoreName: z.string().min(1).optional() })
    .strict(),
  result: ChangeResultSchema,
});
