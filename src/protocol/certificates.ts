import { z } from 'zod';
import { defineMethod } from './method.js';
import { CertificateSubjectSchema, ChangeResultSchema, MappingKindSchema, StoreNameSchema, ThumbprintSchema, WhatIf, WithSource, namedCertificate } from './common.js';

/**
 * A certificate wherever one appears (certificates/list, the certificate of an https
 * binding). The names of docs/protocol.md come first; the rest are optional here so that other
 * results may carry a smaller certificate, and required in certificates/list.
 */
export const CertificateSchema = z.object({
  thumbprint: z.string().describe('SHA-1 of the DER, 40 upper-case hex characters (the netsh certificate hash).'),
  store: z.string().describe('LocalMachine store: MY, WebHosting, ... (a snapshot\'s certs/ subfolder; files directly in certs/ are MY); CCS for a certificate of the Central Certificate Store.'),
  subject: z.string().describe('As Windows shows it: CN=www.contoso.com, O=Contoso Ltd, C=US.'),
  issuer: z.string(),
  dnsNames: z.array(z.string()).describe('DNS names of the subject alternative name extension.'),
  notBefore: z.string().describe('ISO 8601, UTC.'),
  notAfter: z.string().describe('ISO 8601, UTC.'),
  hasPrivateKey: z.boolean().nullable().describe('null when the source cannot tell; false when the key is absent or unusable.'),
  privateKey: z.enum(['present', 'absent', 'unusable']).nullable().optional().describe('Windows stores open the key: unusable means the store lists one that cannot be opened (key container gone, access denied).'),
  serverAuth: z.boolean().describe('The EKUs allow TLS server authentication; no EKU extension means any purpose (RFC 5280 4.2.1.12).'),
  selfSigned: z.boolean().optional(),
  sha256: z.string().optional().describe('SHA-256 of the DER, upper-case hex.'),
  commonName: z.string().nullable().optional(),
  ipAddresses: z.array(z.string()).optional().describe('IP addresses of the subject alternative name extension.'),
  serialNumber: z.string().optional().describe('Upper-case hex.'),
  keyUsage: z.array(z.string()).nullable().optional().describe('Key usage bits by RFC 5280 name; null: no key usage extension (unrestricted).'),
  ekus: z.array(z.string()).nullable().optional().describe('Extended key usage OIDs; null: no EKU extension (any purpose).'),
  certificateAuthority: z.boolean().optional().describe('basicConstraints CA:true.'),
  friendlyName: z.string().nullable().optional().describe('Windows stores only.'),
  file: z.string().nullable().optional().describe('Snapshot only: the file it was read from; a Central Certificate Store certificate (store CCS): a pfx file holding it (each binding names the one serving it in ccsFile).'),
});

/** certificates/list promises every field. */
export const ListedCertificateSchema = CertificateSchema.required();

export const CertificatesList = defineMethod({
  method: 'certificates/list',
  summary: 'Certificates in the LocalMachine stores (or the snapshot\'s certs/ folder).',
  changes: false,
  params: z
    .object({
      ...WithSource,
      store: StoreNameSchema.optional().describe('Only this LocalMachine store (MY, WebHosting, ...; any case).'),
      thumbprint: ThumbprintSchema.optional().describe('Only the certificate with this SHA-1 thumbprint.'),
    })
    .strict(),
  result: z
    .object({
      certificates: z.array(ListedCertificateSchema),
      notes: z.array(z.string()).describe('Files of the store folder that could not be read, each skipped on its own (CERTIFICATE_INVALID in bindings/https).'),
    })
    .loose(),
});

export const CertificatesReplace = defineMethod({
  method: 'certificates/replace',
  summary: 'Replace certificate A by B in every mapping that uses A, keeping each mapping\'s options and app id.',
  changes: true,
  params: namedCertificate(
    z
      .object({
        ...WithSource,
        ...WhatIf,
        oldHash: ThumbprintSchema.describe('Thumbprint of the certificate being replaced (40 hex digits).'),
        newHash: ThumbprintSchema.optional().describe('Thumbprint of the new certificate (40 hex digits).'),
        certificateSubject: CertificateSubjectSchema.optional(),
        certificateStoreName: StoreNameSchema.optional().describe('Store of the new certificate, if not the store each mapping names (with certificateSubject: the store chosen from; needed when the mappings name several).'),
        allowUnmatchedOptions: z.boolean().optional().describe('Acknowledge that option lines netsh printed with labels we do not recognise are reset by the update.'),
      })
      .strict(),
    'newHash',
    true,
  ),
  result: ChangeResultSchema.extend({
    mappings: z.array(z.object({ kind: MappingKindSchema, key: z.string() })).describe('The mappings that served the old certificate.'),
  }),
});
