import type { CertificateInfo } from './certificate-info.js';
import { allowsServerAuth } from './extended-key-usage.js';
import { matchesHostName } from './host-name-match.js';
import { storeName } from './store-name.js';

/** Why a certificate of the store was not the one chosen; a certificate may have several. */
export const ChoiceReasons = ['wrongName', 'expired', 'notYetValid', 'notServerAuth', 'noPrivateKey', 'privateKeyUnknown', 'older'] as const;
export type ChoiceReason = (typeof ChoiceReasons)[number];

export interface CandidateVerdict {
  thumbprint: string;
  subject: string;
  dnsNames: string[];
  notBefore: string;
  notAfter: string;
  chosen: boolean;
  /** Empty for the chosen one. */
  reasons: ChoiceReason[];
  /** The reasons in words, or why this one won. */
  why: string;
}

export interface CertificateChoice {
  /** The host name the certificate must cover. */
  name: string;
  store: string;
  /** The instant validity was judged at. */
  asOf: string;
  chosen: CandidateVerdict | null;
  /** Every certificate of the store: the chosen one first, then qualifying older ones, then the rest, newest first. */
  candidates: CandidateVerdict[];
}

/** How the newest is found, said in every answer so a reader knows why one won a tie. */
export const NewestRule = 'newest = latest NotBefore; a tie goes to the later NotAfter, then to the thumbprint that sorts first (0-9, A-F)';

/**
 * The certificate a name stands for: among the store's certificates, those that cover the host
 * (RFC 6125 rules of host-name-match.ts, wildcards included), are valid at `now`, allow TLS
 * server authentication (extended-key-usage.ts) and whose store is known to hold the private
 * key; of those, the newest by NewestRule. A key the source cannot vouch for (hasPrivateKey
 * null: a snapshot without key files or keys.json) does not qualify: http.sys would fail the
 * handshake, or netsh the add with 1312, if it were missing, and a choice made on a guess is
 * not the "has a private key" an admin asked for.
 */
export function chooseCertificate(certificates: readonly CertificateInfo[], name: string, store: string, now: Date): CertificateChoice {
  const judged = certificates.map((certificate) => ({ certificate, reasons: refusals(certificate, name, now) }));
  const qualifying = judged.filter((entry) => entry.reasons.length === 0).sort((a, b) => newerFirst(a.certificate, b.certificate));
  const winner = qualifying[0];
  const older = qualifying.slice(1);
  const refused = judged.filter((entry) => entry.reasons.length > 0).sort((a, b) => newerFirst(a.certificate, b.certificate));
  const verdicts = [
    ...(winner ? [verdict(winner.certificate, [], qualifying.length > 1 ? `newest of ${qualifying.length} that qualify (${NewestRule})` : 'the only one that qualifies')] : []),
    ...older.map((entry) => verdict(entry.certificate, ['older'], `qualifies, but ${olderThan(entry.certificate, winner!.certificate)}`)),
    ...refused.map((entry) => verdict(entry.certificate, entry.reasons, entry.reasons.map((reason) => explain(reason, entry.certificate, name)).join('; '))),
  ];
  return { name, store: storeName(store), asOf: now.toISOString(), chosen: verdicts[0]?.chosen ? verdicts[0] : null, candidates: verdicts };
}

function refusals(certificate: CertificateInfo, name: string, now: Date): ChoiceReason[] {
  const reasons: ChoiceReason[] = [];
  if (!matchesHostName(certificate, name)) reasons.push('wrongName');
  if (Date.parse(certificate.notAfter) < now.getTime()) reasons.push('expired');
  if (Date.parse(certificate.notBefore) > now.getTime()) reasons.push('notYetValid');
  if (!allowsServerAuth(certificate.ekus)) reasons.push('notServerAuth');
  if (certificate.hasPrivateKey === false) reasons.push('noPrivateKey');
  if (certificate.hasPrivateKey === null) reasons.push('privateKeyUnknown');
  return reasons;
}

/** Sort order of NewestRule: the newest first. */
function newerFirst(a: CertificateInfo, b: CertificateInfo): number {
  return Date.parse(b.notBefore) - Date.parse(a.notBefore) || Date.parse(b.notAfter) - Date.parse(a.notAfter) || (a.thumbprint < b.thumbprint ? -1 : a.thumbprint > b.thumbprint ? 1 : 0);
}

function olderThan(certificate: CertificateInfo, winner: CertificateInfo): string {
  if (certificate.notBefore !== winner.notBefore) return `older: NotBefore ${certificate.notBefore} is before the chosen one's ${winner.notBefore}`;
  if (certificate.notAfter !== winner.notAfter) return `same NotBefore, and NotAfter ${certificate.notAfter} is before the chosen one's ${winner.notAfter}`;
  return `same NotBefore and NotAfter, and its thumbprint sorts after the chosen one's`;
}

function explain(reason: ChoiceReason, certificate: CertificateInfo, name: string): string {
  switch (reason) {
    case 'wrongName':
      return `does not cover ${name} (names: ${[...certificate.dnsNames, ...certificate.ipAddresses].join(', ') || `CN ${certificate.commonName ?? 'none'}`})`;
    case 'expired':
      return `expired ${certificate.notAfter}`;
    case 'notYetValid':
      return `not valid before ${certificate.notBefore}`;
    case 'notServerAuth':
      return `not for server authentication (extended key usages: ${(certificate.ekus ?? []).join(', ')})`;
    case 'noPrivateKey':
      return certificate.privateKey === 'unusable' ? 'its private key cannot be opened' : 'no private key in the store';
    case 'privateKeyUnknown':
      return 'the source does not say whether the store holds its private key';
    case 'older':
      return 'older';
  }
}

function verdict(certificate: CertificateInfo, reasons: ChoiceReason[], why: string): CandidateVerdict {
  const { thumbprint, subject, dnsNames, notBefore, notAfter } = certificate;
  return { thumbprint, subject, dnsNames: [...dnsNames], notBefore, notAfter, chosen: reasons.length === 0, reasons, why };
}

/** One line for an answer's messages: which one, and each other one with its reasons. */
export function describeChoice(choice: CertificateChoice): string {
  const others = choice.candidates.filter((candidate) => !candidate.chosen).map((candidate) => `${candidate.thumbprint} (${candidate.subject}): ${candidate.why}`);
  const head = choice.chosen
    ? `Chose certificate ${choice.chosen.thumbprint} (${choice.chosen.subject}, valid ${choice.chosen.notBefore} to ${choice.chosen.notAfter}) from store ${choice.store} for ${choice.name}: ${choice.chosen.why}.`
    : `No certificate in store ${choice.store} qualifies for ${choice.name} (covers the name, valid at ${choice.asOf}, for server authentication, with its private key).`;
  return others.length > 0 ? `${head} Not chosen: ${others.join('; ')}.` : head;
}
