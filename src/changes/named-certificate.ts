import { chooseCertificate, describeChoice, type CertificateChoice } from '../certs/choose-certificate.js';
import { readCertificates } from '../certs/read-certificates.js';
import { storeName } from '../certs/store-name.js';
import { HttpApiError } from '../errors.js';
import type { CertificateSource } from '../source/resolve-source.js';

/** A certificate as a change request names it: by thumbprint, or by the host it must serve. */
export interface CertificateNaming {
  certificateHash?: string;
  certificateSubject?: string;
}

/** The choice as an answer carries it: the chosen thumbprint, and every candidate with its reasons. */
export type ChoiceInAnswer = Omit<CertificateChoice, 'chosen'> & { chosen: string };

export interface NamedCertificate {
  hash: string;
  /** Present when the certificate was chosen by name. */
  choice?: ChoiceInAnswer;
  /** What to tell the caller about the choice. */
  messages: string[];
}

/**
 * The thumbprint a request means. A certificateSubject is resolved against the one store the
 * mapping will name, at the time of the change (a plan chooses as the run will, unless the
 * store changes in between); none qualifying is CERTIFICATE_NOT_CHOSEN, listing every
 * candidate and why, before any netsh change. A source that cannot list certificates fails
 * here: there is nothing to choose from.
 */
export async function certificateNamed(source: () => CertificateSource, naming: CertificateNaming, store: string, now: Date = new Date()): Promise<NamedCertificate | null> {
  if (naming.certificateHash !== undefined) return { hash: naming.certificateHash.toUpperCase(), messages: [] };
  if (naming.certificateSubject === undefined) return null;
  const choice = chooseCertificate(await readCertificates(source(), { store }), naming.certificateSubject, store, now);
  if (!choice.chosen) {
    throw new HttpApiError('CERTIFICATE_NOT_CHOSEN', `certificateSubject: ${describeChoice(choice)} Nothing was changed.`, {
      field: 'certificateSubject',
      name: choice.name,
      store: storeName(store),
      asOf: choice.asOf,
      candidates: choice.candidates,
    });
  }
  return { hash: choice.chosen.thumbprint, choice: { ...choice, chosen: choice.chosen.thumbprint }, messages: [describeChoice(choice)] };
}
