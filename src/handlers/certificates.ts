import { readCertificates } from '../certs/read-certificates.js';
import { CertificatesList } from '../rpc/protocol/index.js';
import { implement } from './handler.js';

export const certificatesList = implement(CertificatesList, async (params, context) => ({
  certificates: await readCertificates(context.source.certificates(), { store: params.store, thumbprint: params.thumbprint }),
}));
