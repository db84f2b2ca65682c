import { z } from 'zod';
import { defineMethod } from './method.js';
import { AsOfSchema, FindingSchema, WithSource } from './common.js';

export const DiagnosticsRun = defineMethod({
  method: 'diagnostics/run',
  summary: 'Every finding about the HTTPS set-up: missing or orphaned mappings, certificate problems, flag mismatches.',
  changes: false,
  params: z
    .object({
      ...WithSource,
      site: z.string().min(1).optional().describe('Only the findings about this site (names compared without case); NOT_FOUND when no site has that name.'),
      live: z.boolean().optional().describe('Also connect to each endpoint and compare the served certificate.'),
      asOf: AsOfSchema.optional(),
      expiryDays: z.number().int().min(0).max(3650).optional().describe('Warn about certificates expiring within this many days (default 30).'),
    })
    .strict(),
  result: z.object({
    findings: z.array(FindingSchema).describe('Errors first, then warnings, then info.'),
    summary: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    file: z.string(),
    notes: z.array(z.string()),
  }),
});
