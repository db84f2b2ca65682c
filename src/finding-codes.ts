/** How much a finding matters; `diagnose` exits 2 when one is an error. */
export const Severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof Severities)[number];

/** One code: the severity it is raised with (unless the finding says otherwise) and what it means, in one line. */
export interface FindingCodeEntry {
  readonly severity: Severity;
  readonly meaning: string;
}

/**
 * Every diagnosis the configuration reader and the join can make, the one place codes are
 * declared (as src/errors.ts is for error codes). Codes are stable: scripts and the PowerShell
 * module match on them, the protocol publishes them as an enum, the README lists them (a test checks).
 * A code whose severity depends on what is found (DUPLICATE_BINDING, ORPHAN_MAPPING) lists the usual one.
 */
export const FindingCodes = {
  HTTPS_BINDING_NO_MAPPING: { severity: 'error', meaning: 'the declared mapping does not exist' },
  HTTPS_BINDING_INVALID: { severity: 'error', meaning: 'an https binding whose bindingInformation cannot be read' },
  MAPPING_CERT_NOT_FOUND: { severity: 'error', meaning: 'the mapping names a certificate its store does not hold' },
  CERT_EXPIRED: { severity: 'error', meaning: 'the certificate has expired' },
  CERT_EXPIRES_SOON: { severity: 'warning', meaning: 'the certificate expires within expiryDays' },
  CERT_NOT_YET_VALID: { severity: 'error', meaning: 'the certificate is not valid yet' },
  CERT_NO_PRIVATE_KEY: { severity: 'error', meaning: 'the store has no usable private key for the certificate' },
  CERT_NOT_SERVER_AUTH: { severity: 'error', meaning: 'the certificate is not for server authentication' },
  CERT_NAME_MISMATCH: { severity: 'warning', meaning: "the binding's host is not among the certificate's names" },
  SNI_WITHOUT_HOST: { severity: 'error', meaning: 'an https binding requires SNI but has no host name' },
  DUPLICATE_BINDING: { severity: 'warning', meaning: 'the same protocol and bindingInformation twice' },
  SHARED_IP_MAPPING: { severity: 'info', meaning: 'several non-SNI bindings share one ip:port mapping' },
  ORPHAN_MAPPING: { severity: 'warning', meaning: 'a mapping no binding declares or reaches' },
  SHADOWING_IP_MAPPING: { severity: 'warning', meaning: 'an undeclared specific-IP mapping answers clients without SNI on a port served on all addresses' },
  SNI_MAPPING_OVERRIDES: { severity: 'warning', meaning: 'a stray SNI mapping wins over an IP-based binding for SNI clients' },
  IPV6_MAPPING_DIFFERS: { severity: 'warning', meaning: 'IPv6 clients of a binding get another certificate than its IPv4 clients' },
  PRECEDENCE_UNCERTAIN: { severity: 'warning', meaning: 'a specific ip:port mapping would serve SNI or CCS bindings on its port if ip-first reports hold' },
  SSLFLAGS_MAPPING_MISMATCH: { severity: 'warning', meaning: "a binding's sslFlags 4-64 and its mapping's disable* options disagree" },
  IISEXPRESS_PORT_OUTSIDE_RANGE: { severity: 'warning', meaning: 'IIS Express https outside 44300-44399' },
  URLACL_MISSING: { severity: 'warning', meaning: 'an IIS Express binding on a host other than localhost has no URL reservation' },
  URLACL_OVERLAP: { severity: 'warning', meaning: 'two URL reservations cover the same requests' },
  UNKNOWN_SSLFLAGS: { severity: 'warning', meaning: 'sslFlags bits this product has no name for' },
  CCS_NOT_CONFIGURED: { severity: 'error', meaning: 'a CCS binding and no ccs=<port> mapping, or the Central Certificate Store is disabled in IIS' },
  CCS_CERT_MISSING: { severity: 'error', meaning: 'a CCS binding whose host no file of the Central Certificate Store serves' },
  SERVED_CERT_MISMATCH: { severity: 'error', meaning: 'the endpoint served another certificate than the mapping names' },
  ENDPOINT_UNREACHABLE: { severity: 'warning', meaning: 'no TLS handshake with the endpoint' },
  CERTIFICATE_INVALID: { severity: 'warning', meaning: 'a certificate or key file of the store folder cannot be read' },
  BINDING_INVALID: { severity: 'warning', meaning: 'a binding whose bindingInformation cannot be read' },
  BINDING_HOST_STAR: { severity: 'warning', meaning: "a binding whose host is '*', which is not a host name" },
  BINDING_HOST_IS_IP: { severity: 'info', meaning: 'a binding whose host name is an IP address' },
  SSL_FLAGS_NOT_HTTPS: { severity: 'info', meaning: 'sslFlags on a binding that is not https' },
  SITE_WITHOUT_NAME: { severity: 'error', meaning: 'a site without a name attribute' },
  DUPLICATE_SITE_NAME: { severity: 'error', meaning: 'two sites with the same name (compared without case)' },
  SITE_WITHOUT_ID: { severity: 'warning', meaning: 'a site without an id attribute' },
  SITE_ID_INVALID: { severity: 'warning', meaning: 'a site whose id is not a number' },
  DUPLICATE_SITE_ID: { severity: 'error', meaning: 'two sites with the same id' },
  CONFIG_CHOSEN: { severity: 'info', meaning: 'which configuration file was read, when the choice was not plain' },
} as const satisfies Record<string, FindingCodeEntry>;

export type FindingCode = keyof typeof FindingCodes;

/** The codes as a list, for the protocol's enum. */
export const findingCodeList = Object.keys(FindingCodes) as [FindingCode, ...FindingCode[]];

/** A finding's code with the severity the catalog gives it: spread first into every finding made. */
export function catalogued(code: FindingCode): { code: FindingCode; severity: Severity } {
  return { code, severity: FindingCodes[code].severity };
}
