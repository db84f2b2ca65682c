import type { CertificateFileProblem } from '../certs/directory-store.js';
import { catalogued } from '../finding-codes.js';
import type { Finding } from './join-model.js';

/**
 * A certificate or key file of the store folder that could not be read: one finding about
 * that file. A warning, not an error: it may be a stray file; if a mapping needed the
 * certificate it held, MAPPING_CERT_NOT_FOUND says so as an error.
 */
export function certificateFileFinding(problem: CertificateFileProblem): Finding {
  return {
    ...catalogued('CERTIFICATE_INVALID'),
    message: `The certificate store ${problem.store} was read without ${problem.file}: ${problem.message}`,
    fix: 'Replace the file with a readable one (a certificate: PEM or DER X.509; NAME.key: a PEM private key; PFX converted to PEM) or remove it.',
  };
}

export function certificateFileNote(problem: CertificateFileProblem): string {
  return `certificate file skipped (${problem.store}): ${problem.message}`;
}
