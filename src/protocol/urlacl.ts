import { z } from 'zod';
import { defineMethod } from './method.js';
import { AccountNameSchema, ChangeResultSchema, SddlSchema, UrlPrefixSchema, WhatIf, WithSource } from './common.js';
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
      unplaced: z.array(UnplacedLineSchema).describe('The first 5 lines of the output that belong to no reservation, each cut to 200 characters.'),
      unplacedCount: z.number().int().describe('How many lines belong to no reservation.'),
    })
    .loose(),
});

const UrlAclUserInputSchema = z
  .object({
    user: AccountNameSchema,
    listen: z.boolean().optional().describe('May register URLs under the prefix (default true).'),
    delegate: z.boolean().optional().describe('May delegate the prefix to other accounts (default false).'),
  })
  .strict()
  .superRefine((user, context) => {
    if (user.listen === false && !user.delegate) context.addIssue({ code: 'custom', message: 'grants nothing: set listen or delegate', path: ['listen'] });
  });

export const UrlAclAdd = defineMethod({
  method: 'urlacl/add',
  summary: 'Reserve a URL prefix (netsh http add urlacl) for one user, or for the accounts of an SDDL.',
  changes: true,
  params: z
    .object({
      ...WithSource,
      ...WhatIf,
      url: UrlPrefixSchema.describe('Full URL prefix with port and trailing slash, e.g. http://+:8080/.'),
      users: z
        .array(UrlAclUserInputSchema)
        .min(1, 'give one user, or leave users out and give an SDDL')
        .max(1, 'netsh add urlacl takes one user; give several users as one SDDL (e.g. D:(A;;GX;;;BU)(A;;GX;;;LS))')
        .optional()
        .describe('Exactly one user; give users or sddl, not both.'),
      sddl: SddlSchema.optional().describe('The whole access list as SDDL; give users or sddl, not both.'),
    })
    .strict()
    .superRefine((params, context) => {
      if (params.users !== undefined && params.sddl !== undefined) context.addIssue({ code: 'custom', message: 'give either users or an SDDL, not both', path: ['sddl'] });
      if (params.users === undefined && params.sddl === undefined) context.addIssue({ code: 'custom', message: 'give one user (with listen/delegate) or an SDDL', path: ['users'] });
    })
    // Each branch names its property as well as requiring it, which strict JSON Schema validators ask.
    .meta({ oneOf: [{ properties: { users: {} }, required: ['users'] }, { properties: { sddl: {} }, required: ['sddl'] }] }),
  result: ChangeResultSchema,
});

export const UrlAclDelete = defineMethod({
  method: 'urlacl/delete',
  summary: 'Delete a URL reservation (netsh http delete urlacl).',
  changes: true,
  params: z.object({ ...WithSource, ...WhatIf, url: UrlPrefixSchema.describe('The reserved URL prefix, as netsh shows it.') }).strict(),
  result: ChangeResultSchema,
});

export const UrlAclUpdate = defineMethod({
  method: 'urlacl/update',
  summary: 'Change a URL reservation\'s access list: delete it, then add it again for one user or an SDDL; put back as it was if the add fails.',
  changes: true,
  // The params of urlacl/add: the reservation as it shall be.
  params: UrlAclAdd.params,
  result: ChangeResultSchema,
});
