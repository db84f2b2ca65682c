import { z } from 'zod';
import { defineMethod } from '../method.js';
import { ChangeResultSchema, ThumbprintSchema, WhatIf, WithSource } from './common.js';

export const CertificateSchema = z.object({
  thumbprint: z.string(),
  store: z.string(),
  subject: z.string(),
  issuer: z.string(),
  dnsNames: z.array(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  hasPrivateKey: z.boolean().nullable().describe('null when the source cannot tell.'),
  serverAuth: z.boolean(),
  selfSigned: z.boolean().optional(),
});

export const CertificatesList = defineMethod({
  method: 'certificates/list',
  summary: 'Certificates in the LocalMachine stores (or the snapshot\'s certs/ folder).',
  changes: false,
  params: z.object({ ...WithSource, store: z.string().min(1).optional(), thumbprint: ThumbprintSchema.optional() }).strict(),
  result: z.object({ certificates: z.array(CertificateSchema) }).loose(),
});

export const CertificatesReplace = defineMethod({
  method: 'certificates/replace',
  summary: 'Replace certificate A by B in every mapping that uses A, keeping each mapping\'s options and app id.',
  changes: true,
  params: z.object({ ...WithSource, ...WhatIf, oldHash: ThumbprintSchema, newHash: ThumbprintSchema, certificateStoreName: z.string().min(1).optional() }).strict(),
  result: ChangeResultSchema,
});
