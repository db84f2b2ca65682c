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
  params: z.object({ ...WithSource, url: z.string().min(1).optional() }).strict(),
  result: z
    .object({
      reservations: z.array(UrlReservationSchema),
      format: z.literal('text').describe('show urlacl has no JSON form.'),
      notes: z.array(z.string()),
      unplaced: z.array(UnplacedLineSchema).describe('The first 5 lines of the output that belong to no reservation, each cut to 200 characters.'),
      unplacedCount: z.number().int().describe('How many lines belong to no reservation.'),
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
      url: z.string().min(1),
      users: z.array(z.object({ user: z.string().min(1), listen: z.boolean().optional(), delegate: z.boolean().optional() })).optional(),
      sddl: z.string().min(1).optional(),
    })
    .strict(),
  result: ChangeResultSchema,
});

export const UrlAclDelete = defineMethod({
  method: 'urlacl/delete',
  summary: 'Delete a URL reservation (netsh http delete urlacl).',
  changes: true,
  params: z.object({ ...WithSource, ...WhatIf, url: z.string().min(1) }).strict(),
  result: ChangeResultSchema,
});
