import type { FindingCode, Severity } from '../finding-codes.js';
import type { BindingEndpoint } from './binding-information.js';
import type { ConfigLocation } from '../source/locate-config.js';
import type { SslFlagName } from './ssl-flags.js';

/** What kind of server wrote the file, told by its content (a snapshot's path says nothing). */
export type ConfigKind = 'iis' | 'iisexpress' | 'unknown';

export interface IisBinding {
  protocol: string;
  /** Exactly as in the file (entities decoded). */
  bindingInformation: string;
  /** All bits, unknown ones included; 0 when the attribute is absent. */
  sslFlags: number;
  sslFlagNames: readonly SslFlagName[];
  unknownSslFlags: number;
  /** http/https only, and only when bindingInformation is a valid IP:PORT:HOST. */
  endpoint?: BindingEndpoint;
  /** Why an http/https binding has no endpoint, or why its sslFlags could not be read. */
  problem?: string;
  line?: number;
}

export interface IisVirtualDirectory {
  path: string;
  physicalPath: string;
  attributes: Record<string, string>;
}

export interface IisApplication {
  path: string;
  applicationPool?: string;
  virtualDirectories: IisVirtualDirectory[];
  attributes: Record<string, string>;
}

export interface IisSite {
  name: string;
  /** null when the site has no id attribute, or one that is not a number. */
  id: number | null;
  /** Present when the attribute is; IIS's default is true. */
  serverAutoStart?: boolean;
  applications: IisApplication[];
  bindings: IisBinding[];
  /** Every attribute of the <site> element, as written. */
  attributes: Record<string, string>;
  /** The site's own <applicationDefaults>, when it has one. */
  applicationDefaults?: Record<string, string>;
  line?: number;
}

/**
 * A defaults element (siteDefaults) kept whole: its attributes, and every element below it
 * with its path (`logFile`, `ftpServer/security/ssl`), flat so that it stays a plain schema.
 */
export interface ConfigSection {
  attributes: Record<string, string>;
  elements: { path: string; attributes: Record<string, string> }[];
}

/** Same shape as the protocol's Finding, so handlers pass findings through untouched. */
export interface ConfigFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  fix: string;
  site?: string;
  binding?: string;
}

export interface IisConfig {
  /** The file that was read, absolute. */
  file: string;
  origin: ConfigLocation['origin'];
  configKind: ConfigKind;
  /** Why configKind is what it is. */
  configKindEvidence: string;
  sites: IisSite[];
  siteDefaults?: ConfigSection;
  applicationDefaults?: Record<string, string>;
  virtualDirectoryDefaults?: Record<string, string>;
  findings: ConfigFinding[];
}
