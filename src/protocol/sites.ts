import { z } from 'zod';
import { defineMethod } from './method.js';
import { FindingSchema, WithSource } from './common.js';

const Attributes = z.record(z.string(), z.string()).describe('Every attribute of the element, as written (entities decoded).');

export const BindingSchema = z.object({
  protocol: z.string().describe('http, https, net.tcp, ftp, ...; kept as written.'),
  bindingInformation: z.string().describe('Exactly as in the file: IP:PORT:HOST for http/https, opaque for other protocols.'),
  sslFlags: z.number().int().nonnegative().describe('The whole bit set, unknown bits included; 0 when the attribute is absent.'),
  sslFlagNames: z.array(z.string()).describe('Names of the known bits set: Sni, CentralCertStore, DisableHTTP2, DisableOCSPStp, DisableQUIC, DisableTLS13, DisableLegacyTLS.'),
  unknownSslFlags: z.number().int().nonnegative().describe('Bits set that have no name here (kept in sslFlags).'),
  address: z.string().optional().describe('"*", "" (IIS Express), an IPv4 address or a bracketed IPv6 address; http/https with a valid bindingInformation only.'),
  port: z.number().int().optional(),
  host: z.string().optional().describe('Empty means every host name.'),
  addressKind: z.enum(['any', 'unspecified', 'ipv4', 'ipv6']).optional().describe('any = "*", unspecified = "" (both mean all addresses).'),
  wildcardHost: z.boolean().optional().describe('The host is a wildcard such as *.example.com (IIS 10).'),
  problem: z.string().optional().describe('Why an http/https bindingInformation (or the sslFlags) could not be read; the binding is kept as written.'),
  line: z.number().int().positive().optional().describe('Line of the <binding> element in the file.'),
});

export const VirtualDirectorySchema = z.object({ path: z.string(), physicalPath: z.string(), attributes: Attributes });

export const ApplicationSchema = z.object({
  path: z.string(),
  applicationPool: z.string().optional(),
  virtualDirectories: z.array(VirtualDirectorySchema),
  attributes: Attributes,
});

export const SiteSchema = z.object({
  name: z.string(),
  id: z.number().int().nullable().describe('null when the site has no id attribute or one that is not a number.'),
  bindings: z.array(BindingSchema),
  serverAutoStart: z.boolean().optional().describe('Present when the attribute is; IIS\'s default is true.'),
  applications: z.array(ApplicationSchema),
  applicationDefaults: z.record(z.string(), z.string()).optional().describe('The site\'s own <applicationDefaults>.'),
  attributes: Attributes,
  line: z.number().int().positive().optional().describe('Line of the <site> element in the file.'),
});

export const ConfigSectionSchema = z.object({
  attributes: Attributes,
  elements: z.array(z.object({ path: z.string().describe('Below the section, such as logFile or ftpServer/security/ssl.'), attributes: Attributes })),
});

export const SitesList = defineMethod({
  method: 'sites/list',
  summary: 'Sites and their bindings from applicationHost.config.',
  changes: false,
  params: z.object({ ...WithSource, site: z.string().min(1).optional().describe('Only the site with this name.') }).strict(),
  result: z.object({
    file: z.string().describe('The configuration file that was read.'),
    origin: z.enum(['explicit', 'snapshot', 'live', 'iis-express', 'solution']).optional().describe('How the file was chosen.'),
    configKind: z.enum(['iis', 'iisexpress', 'unknown']).optional().describe('Told by the file\'s content: IIS or IIS Express.'),
    configKindEvidence: z.string().optional(),
    sites: z.array(SiteSchema),
    siteDefaults: ConfigSectionSchema.optional(),
    applicationDefaults: z.record(z.string(), z.string()).optional(),
    virtualDirectoryDefaults: z.record(z.string(), z.string()).optional(),
    findings: z.array(FindingSchema).optional().describe('Odd things in the sites as read (invalid or duplicate bindings, sites without id, ...).'),
  }),
});
