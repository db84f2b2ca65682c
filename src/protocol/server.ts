import { z } from 'zod';
import { defineMethod } from './method.js';
import { WithSource } from './common.js';

export const ServerInfo = defineMethod({
  method: 'server/info',
  summary: 'Version, platform, the default source, which backends are live, and every method with whether it is implemented.',
  changes: false,
  params: z.object({ ...WithSource }).strict(),
  result: z.object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    node: z.string(),
    source: z.object({
      config: z.string().nullable().describe('The configuration file requests read by default, or null when there is none.'),
      httpSys: z.string().nullable().describe('netsh path or capture files, or null.'),
      sslcertFormat: z.string().nullable().describe('Which form of `show sslcert` is read (JSON or text) and why.'),
      certificates: z.string().nullable(),
      ccs: z.string().nullable().describe('Where the Central Certificate Store is described (a folder, or live the provider settings in the registry), or null when no source describes it.'),
      notes: z.array(z.string()),
    }),
    methods: z.array(z.object({ name: z.string(), implemented: z.boolean(), changes: z.boolean(), summary: z.string() })),
  }),
});

export const Discover = defineMethod({
  method: 'rpc.discover',
  summary: 'The OpenRPC document of this protocol, generated from its zod schemas.',
  changes: false,
  params: z.object({ ...WithSource }).strict(),
  result: z.object({ openrpc: z.string(), info: z.object({ title: z.string(), version: z.string() }), methods: z.array(z.unknown()) }).loose(),
});
