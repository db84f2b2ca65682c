import type { Severity } from './join-model.js';

/**
 * Every diagnosis the join can make, with its severity. Codes are stable: scripts and the
 * PowerShell module match on them.
 */
export const FindingCodes = {
  HTTPS_BINDING_NO_MAPPING: 'error',
  HTTPS_BINDING_INVALID: 'error',
  MAPPING_CERT_NOT_FOUND: 'error',
  CERT_EXPIRED: 'error',
  CERT_EXPIRES_SOON: 'warning',
  CERT_NOT_YET_VALID: 'error',
  CERT_NO_PRIVATE_KEY: 'error',
  CERT_NOT_SERVER_AUTH: 'error',
  CERT_NAME_MISMATCH: 'warning',
  SNI_WITHOUT_HOST: 'error',
  DUPLICATE_BINDING: 'warning',
  SHARED_IP_MAPPING: 'info',
  ORPHAN_MAPPING: 'warning',
  SHADOWING_IP_MAPPING: 'warning',
  SNI_MAPPING_OVERRIDES: 'warning',
  IPV6_MAPPING_DIFFERS: 'warning',
  PRECEDENCE_UNCERTAIN: 'warning',
  SSLFLAGS_MAPPING_MISMATCH: 'warning',
  IISEXPRESS_PORT_OUTSIDE_RANGE: 'warning',
  URLACL_MISSING: 'warning',
  URLACL_OVERLAP: 'warning',
  UNKNOWN_SSLFLAGS: 'warning',
  CCS_NOT_CONFIGURED: 'error',
  SERVED_CERT_MISMATCH: 'error',
  ENDPOINT_UNREACHABLE: 'warning',
  CERTIFICATE_INVALID: 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FindingCodes;
