import { z } from 'zod';
import { defineMethod } from './method.js';
import { AsOfSchema, CertificateSubjectSchema, ChangeResultSchema, FindingSchema, MappingKindSchema, StoreNameSchema, ThumbprintSchema, WhatIf, WithSource, namedCertificate } from './common.js';
import { CertificateSchema } from './certificates.js';

/** A mapping as bindings/https lists it: once, however many bindings use it. */
/** A site named by a change: matched without case, as IIS does. */
const SiteNameParam = z.string().min(1).describe('Name of the site (any case).');

export const MappingRefSchema = z.object({
  id: z.string().describe('kind:key (ipport:0.0.0.0:443, hostnameport:www.contoso.com:443, ccs:443): what bindings and findings refer to it by.'),
  kind: MappingKindSchema,
  key: z.string(),
  exists: z.boolean(),
  certificateHash: z.string().nullable(),
  certificateStoreName: z.string().nullable(),
  appId: z.string().nullable(),
  sharedBy: z
    .array(z.object({ site: z.string(), bindingInformation: z.string() }))
    .describe('The bindings that declare this ip:port mapping without SNI or CCS: changing its certificate changes it for all of them. Empty unless two or more share it.'),
});

const MappingId = z.string().describe('The id of an entry of mappings.');

export const LiveCheckSchema = z.object({
  target: z.object({ host: z.string(), port: z.number().int(), servername: z.string().nullable() }),
  seenFrom: z.string().describe('Where the handshake came from (loopback, an address of the IP listen list, the binding\'s address) and why.'),
  reachable: z.boolean(),
  servedThumbprint: z.string().nullable(),
  servedSubject: z.string().nullable(),
  protocol: z.string().nullable().describe('TLS version negotiated, e.g. TLSv1.3.'),
  matchesMapping: z.boolean().nullable(),
  error: z.string().nullable(),
  paths: z
    .array(
      z.object({
        family: z.enum(['ipv4', 'ipv6']),
        sni: z.boolean(),
        target: z.object({ host: z.string(), port: z.number().int(), servername: z.string().nullable() }),
        expectedMapping: z.string().nullable().describe('The mapping the model predicts for this path (kind:key); null: the handshake should fail.'),
        status: z.enum(['served', 'unreachable', 'skipped']).describe('skipped: the probe budget was spent before it started.'),
        servedThumbprint: z.string().nullable(),
        servedBy: z.string().nullable().describe('The path\'s mapping (predicted or ip-first) whose certificate was served, if any.'),
        matchesMapping: z.boolean().nullable(),
        error: z.string().nullable(),
      }),
    )
    .optional()
    .describe('One handshake per client path (IPv4/IPv6 x SNI/no SNI), within a per-probe timeout, a total budget and a concurrency limit; only addresses the configuration or the IP listen list name, or loopback.'),
});

export const ClientPathSchema = z.object({
  family: z.enum(['ipv4', 'ipv6']).describe('The address family the client connects over.'),
  sni: z.boolean().describe('The client sends the binding\'s host as SNI (any name, for a binding without a host).'),
  mapping: MappingId.nullable().describe('What it gets if http.sys looks SNI mappings up first, then the most specific ip:port, by id; null means the handshake fails.'),
  ipFirst: z
    .array(MappingId)
    .describe('Specific ip:port mappings that would serve it instead if such a mapping overrules SNI, as some reports say (docs/precedence.md); empty when there is no doubt. At most 3 are listed (a * binding can meet every specific mapping of its port); ipFirstCount says how many there are.'),
  ipFirstCount: z.number().int().nonnegative().describe('How many specific ip:port mappings would serve it instead if such a mapping overrules SNI; PRECEDENCE_UNCERTAIN names them per mapping.'),
});

export const HttpsBindingSchema = z.object({
  site: z.string(),
  siteId: z.number().int().nullable(),
  bindingInformation: z.string(),
  sslFlags: z.number().int(),
  address: z.string().nullable(),
  port: z.number().int().nullable(),
  host: z.string().nullable(),
  declaredMapping: MappingId.nullable().describe('The mapping IIS means for this binding (SNI hostname:port, CCS port, or ip:port), by id; null for an SNI binding without a host.'),
  effectiveMapping: z
    .object({ withSni: MappingId.nullable(), withoutSni: MappingId.nullable() })
    .describe('What http.sys gives a client that sends the binding\'s host as SNI, and one that sends none, by id; null means the handshake fails.'),
  clientPaths: z
    .array(ClientPathSchema)
    .describe('What a client gets for each way it arrives: each address family the binding listens on (a * binding both, unless the IP listen list allows one), with SNI and without.'),
  certificate: z.string().nullable().describe('The id (store:thumbprint) of the entry of certificates that serves it; null when none is found. A CCS binding: CCS:thumbprint, the certificate of its ccsFile.'),
  ccsFile: z.string().nullable().describe('A CCS binding (sslFlags bit 2): the Central Certificate Store file that serves its host (<host>.pfx, else _.<parent domain>.pfx); null otherwise, or when no file serves it or the store was not read.'),
  findings: z.array(FindingSchema),
  live: LiveCheckSchema.optional(),
});

export const BindingsHttps = defineMethod({
  method: 'bindings/https',
  summary: 'Every https binding joined with the http.sys mapping it declares, the one clients get, its certificate and findings.',
  changes: false,
  params: z
    .object({
      ...WithSource,
      site: z.string().min(1).optional().describe('Only the bindings of the site with this name (any case).'),
      live: z.boolean().optional().describe('Also connect to each endpoint and compare the served certificate.'),
      asOf: AsOfSchema.optional(),
      expiryDays: z.number().int().min(0).max(3650).optional().describe('Warn about certificates expiring within this many days (default 30).'),
    })
    .strict(),
  result: z.object({
    file: z.string(),
    configKind: z.string(),
    bindings: z.array(HttpsBindingSchema),
    mappings: z.array(MappingRefSchema).describe('Every mapping a binding or finding refers to, once (missing ones with exists false).'),
    certificates: z.array(CertificateSchema.extend({ id: z.string().describe('store:thumbprint (MY:8A79...): what bindings and findings refer to it by.') })).describe('Every certificate a binding or finding refers to, once.'),
    findings: z.array(FindingSchema).describe('Server-wide findings (orphans, shadowing, duplicates...) besides the bindings\' own.'),
    notes: z.array(z.string()),
  }),
});

const SharedAck = { allowSharedMapping: z.boolean().optional().describe('Acknowledge that an IP mapping shared by other bindings changes for all of them.') };
const UnmatchedAck = { allowUnmatchedOptions: z.boolean().optional().describe('Acknowledge that option lines netsh printed with labels we do not recognise are reset by the update.') };
/** What every change of an https binding and its mapping takes first: source, plan, acknowledgements, site. */
const BindingChange = { ...WithSource, ...WhatIf, ...SharedAck, ...UnmatchedAck, site: SiteNameParam };

export const BindingsAdd = defineMethod({
  method: 'bindings/add',
  summary: 'Add a binding to a site; an https binding gets its http.sys mapping in the same change.',
  changes: true,
  params: namedCertificate(
    z
      .object({
        ...BindingChange,
        protocol: z.enum(['http', 'https']).describe('http, or https (which also gets its http.sys mapping).'),
        address: z.string().optional().describe('IP address to listen on; * (default) for all.'),
        port: z.number().int().min(1).max(65535).describe('TCP port, 1-65535.'),
        host: z.string().optional().describe('Host name; empty for all (an SNI binding needs one).'),
        sslFlags: z.number().int().nonnegative().optional().describe('IIS sslFlags bits: 1 SNI, 2 Central Certificate Store.'),
        certificateHash: ThumbprintSchema.optional(),
        certificateSubject: CertificateSubjectSchema.optional(),
        certificateStoreName: StoreNameSchema.optional().describe('LocalMachine store of the certificate: MY (default), WebHosting, ...'),
      })
      .strict(),
    'certificateHash',
    false,
  ),
  result: ChangeResultSchema,
});

export const BindingsRemove = defineMethod({
  method: 'bindings/remove',
  summary: 'Remove a binding; its mapping goes too when no other binding still resolves to it.',
  changes: true,
  params: z
    .object({
      ...WithSource,
      ...WhatIf,
      site: SiteNameParam,
      protocol: z.string().min(1).describe('Protocol of the binding: https, http, net.tcp, ...'),
      bindingInformation: z.string().min(1).describe('The binding as IP:PORT:HOST, e.g. *:443:www.contoso.com.'),
    })
    .strict(),
  result: ChangeResultSchema,
});

export const BindingsSetCertificate = defineMethod({
  method: 'bindings/setCertificate',
  summary: 'Point a binding\'s mapping at another certificate.',
  changes: true,
  params: namedCertificate(
    z
      .object({
        ...BindingChange,
        bindingInformation: z.string().min(1).describe('The binding as IP:PORT:HOST, e.g. *:443:www.contoso.com.'),
        certificateHash: ThumbprintSchema.optional(),
        certificateSubject: CertificateSubjectSchema.optional(),
        certificateStoreName: StoreNameSchema.optional().describe('LocalMachine store of the certificate: MY (default), WebHosting, ...'),
      })
      .strict(),
    'certificateHash',
    true,
  ),
  result: ChangeResultSchema,
});

export const BindingsUpdate = defineMethod({
  method: 'bindings/update',
  summary: 'Change an https binding\'s address, port, host or sslFlags (whole, or bits set and cleared) in place; its mapping moves with it.',
  changes: true,
  params: namedCertificate(
    z
      .object({
        ...BindingChange,
        bindingInformation: z.string().min(1).describe('The https binding as it is now, IP:PORT:HOST, e.g. *:443:www.contoso.com.'),
        address: z.string().optional().describe('New IP address to listen on; * for all. Left as it is when not given.'),
        port: z.number().int().min(1).max(65535).optional().describe('New TCP port, 1-65535. Left as it is when not given.'),
        host: z.string().optional().describe('New host name; empty for all (an SNI binding needs one). Left as it is when not given.'),
        sslFlags: z.number().int().nonnegative().optional().describe('New IIS sslFlags bits: 1 SNI, 2 Central Certificate Store. Left as they are when not given.'),
        setSslFlags: z.number().int().min(1).optional().describe('sslFlags bits to set on the binding\'s value as it is when the change runs (under its lock, so no change made meanwhile is lost), e.g. 1 to turn SNI on; not with sslFlags.'),
        clearSslFlags: z.number().int().min(1).optional().describe('sslFlags bits to clear on the binding\'s value as it is when the change runs, e.g. 4 to let HTTP/2 back on; not with sslFlags, and no bit in setSslFlags too.'),
        certificateHash: ThumbprintSchema.optional().describe('The certificate of the binding\'s mapping after the change; by default the one its mapping serves now.'),
        certificateSubject: CertificateSubjectSchema.optional(),
        certificateStoreName: StoreNameSchema.optional().describe('LocalMachine store of certificateHash (or the one certificateSubject chooses from); by default the store of the binding\'s mapping now.'),
      })
      .strict(),
    'certificateHash',
    false,
  ),
  result: ChangeResultSchema,
});
