import { renewCertificate } from '../changes/renew-certificate.js';
import { readCertificateSource, readCertificates } from '../certs/read-certificates.js';
import { certificateFileNote } from '../join/certificate-file-findings.js';
import { CertificatesList, CertificatesReplace } from '../protocol/index.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement } from '../protocol/handler.js';

export const certificatesList = implement(CertificatesList, async (params, context) => {
  const { certificates, problems } = await readCertificateSource(context.source.certificates(), { store: params.store, thumbprint: params.thumbprint });
  const thumbprint = params.thumbprint;
  // A thumbprint names one certificate: it exists, or NOT_FOUND says which are near; a store alone only filters.
  if (thumbprint !== undefined && certificates.length === 0) {
    const inStore = await readCertificates(context.source.certificates(), { store: params.store });
    const where = params.store === undefined ? 'the certificate stores' : `the store ${params.store}`;
    throw notFoundError('certificate with thumbprint', thumbprint, where, inStore.map((certificate) => certificate.thumbprint), { thumbprint, store: params.store ?? null });
  }
  return { certificates, notes: problems.map(certificateFileNote) };
});

export const certificatesReplace = implement(CertificatesReplace, (params, context) => renewCertificate(context.source, params, context.signal));
