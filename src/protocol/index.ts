import { BindingsAdd, BindingsHttps, BindingsRemove, BindingsSetCertificate, BindingsUpdate } from './bindings.js';
import { CertificatesList, CertificatesReplace } from './certificates.js';
import { ChangesRecover } from './changes.js';
import { DiagnosticsRun } from './diagnostics.js';
import { Discover, ServerInfo } from './server.js';
import { SitesList } from './sites.js';
import { SnapshotExport } from './snapshot.js';
import { SslCertAdd, SslCertDelete, SslCertList, SslCertUpdate } from './sslcert.js';
import { UrlAclAdd, UrlAclDelete, UrlAclList, UrlAclUpdate } from './urlacl.js';

export * from './bindings.js';
export * from './certificates.js';
export * from './changes.js';
export * from './common.js';
export * from './diagnostics.js';
export * from './server.js';
export * from './sites.js';
export * from './snapshot.js';
export * from './sslcert.js';
export * from './urlacl.js';

/** The whole protocol, in the order OpenRPC and server/info list it. */
export const Methods = [
  ServerInfo,
  Discover,
  SitesList,
  BindingsHttps,
  BindingsAdd,
  BindingsRemove,
  BindingsSetCertificate,
  BindingsUpdate,
  SslCertList,
  SslCertAdd,
  SslCertUpdate,
  SslCertDelete,
  UrlAclList,
  UrlAclAdd,
  UrlAclUpdate,
  UrlAclDelete,
  CertificatesList,
  CertificatesReplace,
  ChangesRecover,
  DiagnosticsRun,
  SnapshotExport,
] as const;

export type AnyMethod = (typeof Methods)[number];
export type MethodName = AnyMethod['method'];
