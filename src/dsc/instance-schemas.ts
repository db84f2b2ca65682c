import { z } from 'zod';
import { sslOptionCatalog } from '../httpsys/ssl-options.js';
import { paramFields } from '../protocol/param-fields.js';
import { AppIdSchema, BindingsAdd, BindingsSetCertificate, MappingKindSchema, SourceSchema, SslCertAdd, SslCertDelete, StoreNameSchema, ThumbprintSchema, UrlAclAdd, namedCertificate } from '../protocol/index.js';

/**
 * The DSC resources' instance schemas. Every property is taken from the params of the method
 * that sets it (or from the option catalog sslcert/list reads by), so an instance reads like
 * those params and is validated exactly as they are.
 */
const exist = { _exist: z.boolean().optional().describe('Whether the instance should exist (default true).') };
const source = { source: SourceSchema.optional().describe('Where to read and change: a snapshot, a configuration file, a netsh executable... Without it, the machine itself.') };

const binding = BindingsSetCertificate.params.shape;
export const HttpsBindingInstance = namedCertificate(
  z
    .object({
      site: binding.site,
      bindingInformation: binding.bindingInformation.describe('ADDRESS:PORT:HOST, as in applicationHost.config (*:443:www.contoso.com).'),
      sslFlags: BindingsAdd.params.shape.sslFlags,
      certificateHash: BindingsAdd.params.shape.certificateHash,
      certificateSubject: BindingsAdd.params.shape.certificateSubject,
      certificateStoreName: binding.certificateStoreName.describe('Store of the certificate; netsh\'s (null) reads as MY.'),
      allowSharedMapping: binding.allowSharedMapping,
      ...exist,
      ...source,
    })
    .strict(),
  'certificateHash',
  false,
);

/** The settable options of a mapping, by the names sslcert/list reports them under. */
export const SslOptionsInstance = z
  .object(
    Object.fromEntries(
      sslOptionCatalog
        .filter((option) => option.parameter !== null)
        .map((option) => [
          option.name,
          (option.type === 'boolean' ? z.boolean() : option.type === 'uint' ? z.number().int().min(0).max(0xffffffff) : z.string().min(1)).optional().describe(`${option.label} (netsh ${option.parameter}).`),
        ]),
    ),
  )
  .strict();

// sslcert/add's params are one form per kind; each field as all forms together take it (as OpenRPC lists it).
const mappingField = Object.fromEntries(paramFields(SslCertAdd.params).map((field) => [field.name, field.schema]));
const mapping = {
  kind: mappingField.kind as typeof MappingKindSchema,
  key: mappingField.key as z.ZodType<string>,
  certificateHash: mappingField.certificateHash as z.ZodOptional<typeof ThumbprintSchema>,
  appId: mappingField.appId as typeof AppIdSchema,
  certificateStoreName: mappingField.certificateStoreName as z.ZodOptional<typeof StoreNameSchema>,
};
export const SslCertMappingInstance = z
  .object({
    kind: mapping.kind,
    key: mapping.key,
    certificateHash: mapping.certificateHash,
    appId: mapping.appId.optional(),
    certificateStoreName: mapping.certificateStoreName.describe('Store of the certificate; netsh\'s (null) reads as MY.'),
    options: SslOptionsInstance.optional(),
    // Not state: the acknowledgement sslcert/delete asks for before a mapping that bindings use goes.
    allowSharedMapping: paramFields(SslCertDelete.params).find((field) => field.name === 'allowSharedMapping')!.schema as z.ZodOptional<z.ZodBoolean>,
    ...exist,
    ...source,
  })
  .strict();

const reservation = UrlAclAdd.params.shape;
export const UrlReservationInstance = z
  .object({ url: reservation.url, users: reservation.users, sddl: reservation.sddl, ...exist, ...source })
  .strict();

export type HttpsBindingDesired = z.output<typeof HttpsBindingInstance>;
export type SslCertMappingDesired = z.output<typeof SslCertMappingInstance>;
export type UrlReservationDesired = z.output<typeof UrlReservationInstance>;
