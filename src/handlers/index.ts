import { bindingsAdd, bindingsHttps, bindingsRemove, bindingsSetCertificate, bindingsUpdate } from './bindings.js';
import { certificatesList, certificatesReplace } from './certificates.js';
import { changesRecover } from './changes.js';
import { diagnosticsRun } from './diagnostics.js';
import type { Implementation } from './handler.js';
import { discover, serverInfo } from './server.js';
import { snapshotExport } from './snapshot.js';
import { sitesList } from './sites.js';
import { sslcertAdd, sslcertDelete, sslcertList, sslcertUpdate } from './sslcert.js';
import { urlaclAdd, urlaclDelete, urlaclList, urlaclUpdate } from './urlacl.js';

/** Every implemented method. A protocol method missing here answers NOT_IMPLEMENTED. */
export const implementations: readonly Implementation[] = [serverInfo, discover, sitesList, certificatesList, sslcertList, sslcertAdd, sslcertUpdate, sslcertDelete, urlaclList, urlaclAdd, urlaclUpdate, urlaclDelete, bindingsHttps, bindingsAdd, bindingsRemove, bindingsSetCertificate, bindingsUpdate, diagnosticsRun, certificatesReplace, changesRecover, snapshotExport];
