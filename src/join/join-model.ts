import type { Severity } from '../finding-codes.js';
import type { ConfigFinding } from '../iis/iis-config.js';
import type { MappingKind } from '../httpsys/mapping-key.js';
/**
 * What the join reads and what it produces. The inputs are structural, so the IIS reader,
 * the http.sys reader and the certificate readers feed it without adapters, and tests can
 * build scenarios by hand.
 */
import type { ClientPath } from './client-paths.js';

export type { MappingKind };

export interface JoinEndpoint {
  addressKind: 'any' | 'unspecified' | 'ipv4' | 'ipv6';
  /** '*', '', '10.0.0.5' or '[2001:db8::5]'. */
  address: string;
  port: number;
  host: string;
  wildcardHost: boolean;
}

export interface JoinBinding {
  protocol: string;
  bindingInformation: string;
  sslFlags: number;
  endpoint?: JoinEndpoint;
  problem?: string;
}

export interface JoinSite {
  name: string;
  id: number | null;
  bindings: JoinBinding[];
}

export interface JoinMapping {
  kind: MappingKind;
  key: string;
  certificateHash: string | null;
  appId: string | null;
  certificateStoreName: string | null;
  /** The option lines as read (name from the option catalog, typed value); absent: not known. */
  options?: readonly { name: string; value: string | number | boolean | null }[];
}

export interface JoinCertificate {
  thumbprint: string;
  store: string;
  subject: string;
  issuer: string;
  dnsNames: string[];
  notBefore: string;
  notAfter: string;
  hasPrivateKey: boolean | null;
  privateKey?: 'present' | 'absent' | 'unusable' | null;
  serverAuth: boolean;
  selfSigned?: boolean;
}

/** The Central Certificate Store as the join sees it: the provider's switch and its files by name. */
export interface JoinCcsStore<C extends JoinCertificate = JoinCertificate> {
  /** null: the provider settings are not known. */
  enabled: boolean | null;
  files: readonly JoinCcsFile<C>[];
}

/** One file of the store: its certificate, or why it cannot be read. */
export interface JoinCcsFile<C extends JoinCertificate = JoinCertificate> {
  name: string;
  certificate: C | null;
  unreadable: string | null;
}

export interface JoinReservation {
  url: string;
}

export type { Severity };

/** A configuration finding, or one of the join, which can also name the mapping and the certificate. */
export interface Finding extends ConfigFinding {
  mapping?: string;
  certificate?: string;
}

/** A mapping as a binding sees it: the key it looks up, and what http.sys holds there. Read-only: MappingIndex hands the same object to every binding that asks for the key. */
export interface MappingRef {
  readonly kind: MappingKind;
  readonly key: string;
  readonly exists: boolean;
  readonly certificateHash: string | null;
  readonly certificateStoreName: string | null;
  readonly appId: string | null;
}

export interface BindingRef {
  site: string;
  bindingInformation: string;
}

export interface JoinedBinding<C extends JoinCertificate = JoinCertificate> {
  site: string;
  siteId: number | null;
  bindingInformation: string;
  sslFlags: number;
  address: string | null;
  port: number | null;
  host: string | null;
  declaredMapping: MappingRef | null;
  effectiveMapping: { withSni: MappingRef | null; withoutSni: MappingRef | null };
  /** What a client gets for each family the binding listens on, with SNI and without (src/join/client-paths.ts). */
  clientPaths: ClientPath[];
  certificate: C | null;
  /** CCS bindings: the file of the Central Certificate Store that serves the host (one certificate may be in several files, one per name); null otherwise. */
  ccsFile: string | null;
  findings: Finding[];
}
