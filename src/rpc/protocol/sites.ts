import { z } from 'zod';
import { defineMethod } from '../method.js';
import { FindingSchema, WithSource } from './common.js';

export const BindingSchema = z.object({
  protocol: z.string(),
  bindingInformation: z.string(),
  sslFlags: z.number().int().nonnegative(),
  address: z.string().optional().describe('"*", "" (IIS Express), an IPv4 address or a bracketed IPv6 address.'),
  port: z.number().int().optional(),
  host: z.string().optional(),
});

export const SiteSchema = z.object({
  name: z.string(),
  id: z.number().int().nullable(),
  bindings: z.array(BindingSchema),
});

export const SitesList = defineMethod({
  method: 'sites/list',
  summary: 'Sites and their bindings from applicationHost.config.',
  changes: false,
  params: z.object({ ...WithSource, site: z.string().min(1).optional().describe('Only the site with this name.') }).strict(),
  result: z.object({ file: z.string(), sites: z.array(SiteSchema), findings: z.array(FindingSchema).optional() }),
});
