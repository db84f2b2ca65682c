import { z } from 'zod';

/** Where a request reads from; laid over the worker's default source field by field. */
export const SourceSchema = z
  .object({
    snapshot: z.string().min(1).optional().describe('Snapshot folder: applicationHost.config, sslcert.txt, urlacl.txt, certs/.'),
    configPath: z.string().min(1).optional().describe('applicationHost.config to read (overrides the snapshot\'s).'),
    iisExpress: z.boolean().optional().describe('Read the per-user IIS Express configuration.'),
    solution: z.string().min(1).optional().describe('Visual Studio solution folder whose .vs/<name>/config/applicationhost.config is read.'),
    netshPath: z.string().min(1).optional().describe('netsh executable for the http.sys side (reads and changes).'),
    sslcertFile: z.string().min(1).optional().describe('Captured `netsh http show sslcert` output.'),
    urlaclFile: z.string().min(1).optional().describe('Captured `netsh http show urlacl` output.'),
    certsDir: z.string().min(1).optional().describe('Folder of certificate files standing for the LocalMachine stores.'),
  })
  .strict();

/**
 * Every method takes an optional source, and a progress token (LSP style) that makes the
 * worker report `$/progress` notifications while the request runs.
 */
export const WithSource = {
  source: SourceSchema.optional(),
  progressToken: z.union([z.string(), z.number().int()]).optional().describe('Token echoed in $/progress notifications for this request.'),
};

/** SHA-1 thumbprint: 40 hex characters, any case in (spaces allowed, as copied from certmgr), upper case out. */
export const ThumbprintSchema = z
  .string()
  .transform((value) => value.replace(/[\s\u200e\u200f\u202a-\u202e]/g, ''))
  .pipe(z.string().regex(/^[0-9a-fA-F]{40}$/, 'must be a SHA-1 thumbprint: 40 hexadecimal characters'))
  .transform((value) => value.toUpperCase())
  .describe('SHA-1 thumbprint: 40 hexadecimal characters, any case, spaces allowed (returned upper case).');

/** Application id: a GUID with or without braces; normalized to braced lower case. */
export const AppIdSchema = z
  .string()
  .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/, 'must be a GUID such as {4dc3e181-e14b-4a21-b022-59fc669b0914}')
  .transform((value) => `{${value.replace(/[{}]/g, '').toLowerCase()}}`);

export const MappingKindSchema = z.enum(['ipport', 'hostnameport', 'ccs', 'scopedccs']);

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** A diagnosis: stable code, severity, the objects involved and how to fix it. */
export const FindingSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  fix: z.string(),
  site: z.string().optional(),
  binding: z.string().optional(),
  mapping: z.string().optional().describe('The mapping it concerns, by id (kind:key).'),
  certificate: z.string().optional().describe('The certificate it concerns, by id (store:thumbprint); only one the source holds.'),
});

/** `true` returns the plan and changes nothing. */
export const WhatIf = { whatIf: z.boolean().optional().describe('Return the plan and change nothing.') };

export const PlanStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('netsh'), argv: z.array(z.string()), description: z.string().optional() }),
  z.object({ kind: z.literal('config'), file: z.string(), diff: z.string(), description: z.string().optional() }),
]);

/** What a change did (applied) or would do (whatIf). */
export const ChangeResultSchema = z.object({
  applied: z.boolean(),
  steps: z.array(PlanStepSchema),
  affected: z.array(z.object({ site: z.string(), bindingInformation: z.string() })).optional(),
  backup: z.string().optional(),
  messages: z.array(z.string()).optional(),
});
