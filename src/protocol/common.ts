import { z } from 'zod';
import { ChoiceReasons } from '../certs/choose-certificate.js';
import { Severities, findingCodeList } from '../finding-codes.js';
import { accountNameMaxLength, accountNameProblem } from '../httpsys/account-name.js';
import { hiddenCharacterClass } from '../httpsys/hidden-characters.js';
import { hostNameProblem } from '../httpsys/host-name.js';
import { mappingKeyProblem, mappingKinds, type MappingKind } from '../httpsys/mapping-key.js';
import { sslOptionArgument } from '../httpsys/netsh-commands.js';
import { netshTokenPattern, netshTokenProblem, storeNameMaxLength } from '../httpsys/netsh-token.js';
import { sddlMaxLength, sddlPattern, sddlProblem } from '../httpsys/sddl.js';
import { urlPrefixMaxLength, urlPrefixPattern, urlPrefixProblem } from '../httpsys/url-prefix.js';

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
    ccsDir: z.string().min(1).optional().describe('Folder standing for the Central Certificate Store: <host>.pfx files and provider.json.'),
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

const thumbprintSpacing = '\\s\\u200e\\u200f\\u202a-\\u202e';

/** SHA-1 thumbprint: 40 hex characters, any case in (spaces allowed, as copied from certmgr), upper case out. */
export const ThumbprintSchema = z
  .string()
  .transform((value) => value.replace(/[\s\u200e\u200f\u202a-\u202e]/g, ''))
  .pipe(z.string().regex(/^[0-9a-fA-F]{40}$/, 'must be a SHA-1 thumbprint: 40 hexadecimal characters'))
  .transform((value) => value.toUpperCase())
  .meta({
    // The input form the worker accepts: 40 hex digits with any spacing certmgr's copy adds.
    pattern: `^[${thumbprintSpacing}]*(?:[0-9A-Fa-f][${thumbprintSpacing}]*){40}$`,
    description: 'SHA-1 thumbprint: 40 hexadecimal characters, any case, spaces allowed (returned upper case).',
  });

/**
 * A string whose grammar lives in a domain module: the document shows its pattern and length
 * (the shape), the worker runs the module's check and names what is wrong.
 */
function grammarString(problem: (value: string) => string | null, document: { pattern: string; maxLength: number; description: string }) {
  return z
    .string()
    .superRefine((value, context) => {
      const issue = problem(value);
      if (issue) context.addIssue({ code: 'custom', message: issue, input: value.length > 200 ? `${value.slice(0, 200)}...` : value });
    })
    .meta({ minLength: 1, ...document });
}

/** A UrlPrefix of the HTTP Server API (src/httpsys/url-prefix.ts). */
export const UrlPrefixSchema = grammarString(urlPrefixProblem, {
  pattern: urlPrefixPattern,
  maxLength: urlPrefixMaxLength,
  description: 'A full URL prefix: http or https, host (+, *, a DNS name, IPv4 or [IPv6]), port 1-65535, a path of plain segments ending in /; e.g. http://+:80/app/.',
});

/** A Windows account netsh can resolve (src/httpsys/account-name.ts). */
export const AccountNameSchema = grammarString(accountNameProblem, {
  pattern: `^[^${String.raw`"/[\]:|<>+=;?*,%&^'` + '`'}${hiddenCharacterClass}]+$`,
  maxLength: accountNameMaxLength,
  description: 'DOMAIN\\name (NT AUTHORITY\\NETWORK SERVICE, IIS AppPool\\DefaultAppPool), a bare name (Everyone), user@domain or a SID (S-1-5-20).',
});

/** An SDDL string that grants someone something (src/httpsys/sddl.ts). */
export const SddlSchema = grammarString(sddlProblem, {
  pattern: sddlPattern,
  maxLength: sddlMaxLength,
  description: 'Security descriptor with a DACL of at least one allow ACE, e.g. D:(A;;GX;;;WD)(A;;GA;;;S-1-5-32-544). No whitespace.',
});

/** A LocalMachine certificate store name netsh can take as one argument (src/httpsys/netsh-token.ts). */
export const StoreNameSchema = grammarString((value) => netshTokenProblem(value, storeNameMaxLength), {
  pattern: netshTokenPattern,
  maxLength: storeNameMaxLength,
  description: 'LocalMachine certificate store: MY, WebHosting, ... (letters, digits and _ . - { } only).',
});

/** netsh add/update sslcert options by parameter (or catalog) name, each checked as the argv builder checks it. */
export const SslOptionsSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .superRefine((options, context) => {
    for (const [name, value] of Object.entries(options)) {
      const result = sslOptionArgument(name, value);
      if ('problem' in result) context.addIssue({ code: 'custom', message: result.problem, path: [name] });
    }
  })
  .describe('netsh parameters by name, e.g. { "clientcertnegotiation": true }; sslctlidentifier and sslctlstorename take letters, digits and _ . - { } only.');

/**
 * A certificate named by the host it must serve instead of by thumbprint (src/certs/choose-certificate.ts).
 * Wildcard and punycode names are taken, as in an SNI key; the name is matched as a TLS client would.
 */
export const CertificateSubjectSchema = grammarString((value) => hostNameProblem(value, { wildcard: true, punycode: true }), {
  pattern: '^(?:\\*\\.)?[^\\s:/\\\\[\\]*]+$',
  maxLength: 255,
  description:
    'Instead of a thumbprint: the host name the certificate must serve (www.contoso.com, *.contoso.com). Chosen from the store: the newest certificate that covers the name (wildcards as TLS clients match them), is valid now, allows server authentication and has its private key; newest = latest NotBefore, then latest NotAfter, then the thumbprint that sorts first. The answer\'s certificateChoice says which and why each other one was not.',
});

/**
 * The two ways to name a certificate, as one rule every method shares: `hashField` (a
 * thumbprint) or certificateSubject (a name to choose by), never both; with `required`, one of
 * them. The JSON Schema says the same (oneOf / not), so generated clients see it.
 */
export function namedCertificate<T extends z.ZodObject>(params: T, hashField: string, required: boolean): T {
  const subject = 'certificateSubject';
  return params
    .superRefine((value: Record<string, unknown>, context) => {
      const hash = value[hashField] !== undefined;
      const named = value[subject] !== undefined;
      if (hash && named) context.addIssue({ code: 'custom', message: `give ${hashField} or ${subject}, not both`, path: [subject] });
      if (required && !hash && !named) context.addIssue({ code: 'custom', message: `give ${hashField} (a thumbprint) or ${subject} (a host name to choose the certificate by)`, path: [hashField] });
    })
    .meta(
      required
        ? { oneOf: [{ properties: { [hashField]: {} }, required: [hashField] }, { properties: { [subject]: {} }, required: [subject] }] }
        : { not: { properties: { [hashField]: {}, [subject]: {} }, required: [hashField, subject] } },
    );
}

/** Which certificate a certificateSubject chose, and why every other one in the store was not. */
export const CertificateChoiceSchema = z
  .object({
    name: z.string().describe('The certificateSubject given.'),
    store: z.string().describe('The LocalMachine store chosen from.'),
    asOf: z.string().describe('The instant validity was judged at (ISO 8601).'),
    chosen: z.string().describe('Thumbprint of the certificate chosen.'),
    candidates: z
      .array(
        z.object({
          thumbprint: z.string(),
          subject: z.string(),
          dnsNames: z.array(z.string()),
          notBefore: z.string(),
          notAfter: z.string(),
          chosen: z.boolean(),
          reasons: z.array(z.enum(ChoiceReasons)).describe('Why not chosen: wrongName, expired, notYetValid, notServerAuth, noPrivateKey, privateKeyUnknown (the source cannot tell), older; empty for the chosen one.'),
          why: z.string().describe('The reasons in words, or why the chosen one won.'),
        }),
      )
      .describe('Every certificate of the store: the chosen one first, then those that qualified but are older, then the rest, newest first.'),
  })
  .describe('Present when the certificate was named by certificateSubject.');

/** Application id: a GUID with or without braces; normalized to braced lower case. */
export const AppIdSchema = z
  .string()
  .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/, 'must be a GUID such as {4dc3e181-e14b-4a21-b022-59fc669b0914}')
  .transform((value) => `{${value.replace(/[{}]/g, '').toLowerCase()}}`)
  .describe('Application id (GUID) the mapping belongs to, e.g. IIS\'s {4dc3e181-e14b-4a21-b022-59fc669b0914}.');

export const MappingKindSchema = z.enum(mappingKinds);

const port = '(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
const octet = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const keyPatterns: Record<MappingKind, { pattern: string; description: string }> = {
  ipport: { pattern: `^(?:${octet}(?:\\.${octet}){3}|\\[[0-9A-Fa-f:.]+\\]):${port}$`, description: 'ipport: IPv4 or bracketed IPv6 address and port, e.g. 0.0.0.0:443, [::]:443.' },
  hostnameport: { pattern: `^(?:\\*\\.)?[^\\s:/\\\\[\\]*]+:${port}$`, description: 'hostnameport: host name and port, e.g. www.contoso.com:443.' },
  scopedccs: { pattern: `^(?:\\*\\.)?[^\\s:/\\\\[\\]*]+:${port}$`, description: 'scopedccs: host name and port, e.g. www.contoso.com:443.' },
  ccs: { pattern: `^${port}$`, description: 'ccs: the port alone, e.g. 443.' },
};

/** The key of a mapping of this kind (src/httpsys/mapping-key.ts checks addresses, ports and host names). */
export function mappingKeySchema(kind: MappingKind) {
  return grammarString((key) => mappingKeyProblem(kind, key), { ...keyPatterns[kind], maxLength: 300 });
}

export const SeveritySchema = z.enum(Severities);

/** A diagnosis: stable code, severity, the objects involved and how to fix it. */
export const FindingSchema = z.object({
  code: z.enum(findingCodeList).describe('Stable; the README lists what each code means.'),
  severity: SeveritySchema,
  message: z.string(),
  fix: z.string(),
  site: z.string().optional(),
  binding: z.string().optional(),
  mapping: z.string().optional().describe('The mapping it concerns, by id (kind:key).'),
  certificate: z.string().optional().describe('The certificate it concerns, by id (store:thumbprint); only one the source holds.'),
});

/**
 * The instant certificate dates are judged against. A date alone (2027-01-01) is midnight UTC of
 * that day, which is what ECMAScript's Date makes of a date-only ISO string too.
 */
export const AsOfSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('Judge certificate dates as of this instant instead of now (ISO 8601: 2027-01-01T09:00:00Z, or a date alone = midnight UTC): what will have expired by then.');

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
  certificateChoice: CertificateChoiceSchema.optional(),
});
