import type { Implementations } from '../protocol/handler.js';
import { bindingsAdd, bindingsHttps, bindingsRemove, bindingsSetCertificate, bindingsUpdate } from './bindings.js';
import { certificatesList, certificatesReplace } from './certificates.js';
import { changesRecover } from './changes.js';
import { diagnosticsRun } from './diagnostics.js';
import { discover, serverInfo } from './server.js';
import { snapshotExport } from './snapshot.js';
import { sitesList } from './sites.js';
import { sslcertAdd, sslcertDelete, sslcertList, sslcertUpdate } from './sslcert.js';
import { urlaclAdd, urlaclDelete, urlaclList, urlaclUpdate } from './urlacl.js';

/** Every method of the protocol and its implementation; one left out does not compile. */
export const implementations: Implementations = {
  'server/info': serverInfo,
  'rpc.discover': discover,
  'sites/list': sitesList,
  'bindings/https': bindingsHttps,
  'bindings/add': bindingsAdd,
  'bindings/remove': bindingsRemove,
  'bindings/setCertificate': bindingsSetCertificate,
  'bindings/update': bindingsUpdate,
  'sslcert/list': sslcertList,
  'sslcert/add': sslcertAdd,
  'sslcert/update': sslcertUpdate,
  'sslcert/delete': sslcertDelete,
  'urlacl/list': urlaclList,
  'urlacl/add': urlaclAdd,
  'urlacl/update': urlaclUpdate,
  'urlacl/delete': urlaclDelete,
  'certificates/list': certificatesList,
  'certificates/replace': certificatesReplace,
  'changes/recover': changesRecover,
  'diagnostics/run': diagnosticsRun,
  'snapshot/export': snapshotExport,
};
