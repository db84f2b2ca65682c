import { z } from 'zod';
import { defineMethod } from '../method.js';
import { ChangeResultSchema, WhatIf, WithSource } from './common.js';
import { UnplacedLineSchema } from './sslcert.js';

export const UrlAclUserSchema = z.object({ user: z.string(), listen: z.boolean(), delegate: z.boolean() });

export const UrlReservationSchema = z.object({
  url: z.string(),
  users: z.array(UrlAclUserSchema),
  sddl: z.string().nullable().describe('One logical line, even where a console copy wrapped it.'),
  notes: z.array(z.string()),
});

export const UrlAclList = defineMethod({
  method: 'urlacl/list',
  summary: 'http.sys URL reservations (netsh http show urlacl).',
  changes: false,
  params: z.object({ ...WithSource, url: z.string().min(1).optional().describe('The reservation of this URL prefix (any case); NOT_FOUND if none.') }).strict(),
  result: z
    .object({
      reservations: z.array(UrlReservationSchema),
      format: z.literal('text').describe('show urlacl has no JSON form.'),
      notes: z.array(z.string()),
      unplaced: z.array(UnplacedLineSchema),
    })
    .loose(),
});

export const UrlAclAdd = defineMethod({
  method: 'urlacl/add',
  summary: 'Reserve a URL prefix (netsh http add urlacl).',
  changes: true,
  params: z
    .object({
      ...WithSource,
      ...WhatIf,
      url: z.string().min(1).describe('Full URL prefix with port and trailing slash, e.g. http://+:8080/.'),
      users: z
        .array(z.object({ user: z.string().min(1), listen: z.boolean().optional(), delegate: z.boolean().optional() }))
        .optional()
        .describe('Users and their rights (listen defaults to true); or give sddl.'),
      sddl: z.string().min(1).optional().describe('The security descriptor in SDDL, instead of users.'),
    })
    .strict(),
  result: ChangeResultSchema,
});

export const UrlAclDelete = defineMethod({
  method: 'urlacl/delete',
  summary: 'Delete a URL reservation (netsh http delete urlacl).',
  changes: true,
  params: z.object({ ...WithSource, ...WhatIf, url: z.string().min(1).describe('The reserved URL prefix, as netsh shows it.') }).strict(),
  result: ChangeResultSchema,
});
