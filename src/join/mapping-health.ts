import type { CentralCertificateStore } from '../certs/central-certificate-store.js';
import { DefaultStoreName } from '../certs/store-name.js';
import { isCcsMapping } from './ccs-mapping.js';
import { CertificateIndex } from './certificate-findings.js';
import type { JoinCertificate, JoinMapping } from './join-model.js';
import { IisAppId, MappingOwners } from './well-known-app-ids.js';

/**
 * The state of a mapping's certificate, worst first: http.sys cannot serve a certificate
 * that is missing, and clients reject an expired one, so those outrank the softer ones.
 */
export const MappingStatuses = ['missing', 'expired', 'no private key', 'not server auth', 'expiring', 'key unknown', 'ok', 'not checked'] as const;
export type MappingStatus = (typeof MappingStatuses)[number];

export interface MappingHealth {
  /** Who the application id says owns the mapping (IIS, IIS Express, AD FS, ...), or "unknown app id". */
  owner: string;
  status: MappingStatus;
  /** Why: the store that lacks the certificate, the date it expired, why it was not checked. */
  statusDetail: string;
}

export interface MappingHealthOptions {
  now: Date;
  expiryDays: number;
}

const day = 24 * 60 * 60 * 1000;

/** The owner an application id names; an id nobody here knows is said to be one. */
export function mappingOwner(appId: string | null): string {
  if (appId === null) return 'unknown app id';
  if (appId.toLowerCase() === IisAppId) return 'IIS';
  return MappingOwners.get(appId.toLowerCase()) ?? 'unknown app id';
}

/**
 * Owner and certificate status of every mapping, whether a binding uses it or not: a
 * mapping of another application with a missing certificate breaks that application just
 * the same (Jexus shows a status for every mapping, issue 13). `certificates` null means
 * the source has no certificates, so nothing can be judged; `ccs` null, that no source
 * describes the Central Certificate Store.
 */
export function mappingHealth<C extends JoinCertificate>(mappings: readonly JoinMapping[], certificates: readonly C[] | null, options: MappingHealthOptions, ccs: CentralCertificateStore | null = null): MappingHealth[] {
  const index = certificates ? new CertificateIndex<C>(certificates) : null;
  // The store's status is the same for every ccs mapping: worked out once.
  let ccsStatusOnce: Pick<MappingHealth, 'status' | 'statusDetail'> | undefined;
  return mappings.map((mapping) => ({ owner: mappingOwner(mapping.appId), ...(isCcsMapping(mapping) ? (ccsStatusOnce ??= ccsStatus(ccs)) : certificateStatus(mapping, index, options)) }));
}

/**
 * A CCS mapping names no certificate: the store picks one per host name, so its status says
 * what the store holds; each binding's own certificate is judged in the join.
 */
function ccsStatus(ccs: CentralCertificateStore | null): Pick<MappingHealth, 'status' | 'statusDetail'> {
  if (!ccs) return { status: 'not checked', statusDetail: 'no source describes the Central Certificate Store (a snapshot without ccs/, or not Windows); it chooses the certificate per host name' };
  if (ccs.folderProblem) return { status: 'not checked', statusDetail: `the Central Certificate Store cannot be read: ${ccs.folderProblem}` };
  const unreadable = ccs.files.filter((file) => file.certificate === null).length;
  const files = `${ccs.files.length} file(s) in ${ccs.folder ?? 'its folder'}${unreadable > 0 ? `, ${unreadable} present with an unreadable certificate` : ''}`;
  if (ccs.enabled === false) return { status: 'missing', statusDetail: `the Central Certificate Store is disabled in IIS's provider settings, so it serves no certificate (${files})` };
  return { status: 'ok', statusDetail: `Central Certificate Store ${ccs.enabled ? 'enabled' : '(provider settings not recorded)'}: ${files}; the certificate is chosen per host name` };
}

function certificateStatus<C extends JoinCertificate>(mapping: JoinMapping, index: CertificateIndex<C> | null, options: MappingHealthOptions): Pick<MappingHealth, 'status' | 'statusDetail'> {
  const store = mapping.certificateStoreName ?? DefaultStoreName;
  if (mapping.certificateHash === null) return { status: 'not checked', statusDetail: 'the mapping names no readable certificate hash' };
  if (index === null) return { status: 'not checked', statusDetail: 'the source has no certificates' };
  const certificate = index.find(mapping.certificateStoreName, mapping.certificateHash);
  if (!certificate) return { status: 'missing', statusDetail: `${mapping.certificateHash} is not in store ${store}` };
  const problems: { status: MappingStatus; detail: string }[] = [];
  const notAfter = new Date(certificate.notAfter).getTime();
  const daysLeft = Math.floor((notAfter - options.now.getTime()) / day);
  if (notAfter <= options.now.getTime()) problems.push({ status: 'expired', detail: `expired on ${certificate.notAfter}` });
  else if (daysLeft < options.expiryDays) problems.push({ status: 'expiring', detail: `expires in ${daysLeft} day(s), on ${certificate.notAfter}` });
  if (certificate.privateKey === 'unusable' || certificate.hasPrivateKey === false) problems.push({ status: 'no private key', detail: `no usable private key in store ${certificate.store}` });
  else if (certificate.hasPrivateKey === null) problems.push({ status: 'key unknown', detail: 'the source does not say whether the store holds its private key' });
  if (!certificate.serverAuth) problems.push({ status: 'not server auth', detail: 'no Server Authentication EKU' });
  if (problems.length === 0) return { status: 'ok', statusDetail: `${certificate.subject}, valid until ${certificate.notAfter}` };
  problems.sort((a, b) => MappingStatuses.indexOf(a.status) - MappingStatuses.indexOf(b.status));
  return { status: problems[0]!.status, statusDetail: problems.map((problem) => problem.detail).join('; ') };
}
