import { isHttpApiError, type ErrorId } from '../errors.js';
import { RpcError, RpcErrorCode } from '../rpc/rpc-error.js';

/** The exit codes every resource manifest declares; DSC prints the description beside a failure. */
export const dscExitCodes = {
  0: 'Success',
  1: 'Unexpected failure',
  2: 'Invalid input: not JSON, or a property fails the resource schema',
  3: 'Refused: the change is not possible as stated; nothing was changed',
  4: 'The change failed; what was done was rolled back (the error message says whether that worked)',
  5: 'Access denied: run elevated',
  6: 'The configuration or http.sys could not be read',
} as const;

export type DscExitCode = keyof typeof dscExitCodes;

const byId: Partial<Record<ErrorId, DscExitCode>> = {
  INVALID_ARGUMENT: 3,
  SHARED_MAPPING_NEEDS_ACK: 3,
  ALREADY_EXISTS: 3,
  NOT_FOUND: 3,
  CERTIFICATE_NOT_CHOSEN: 3,
  NETSH_FAILED: 4,
  CHANGE_ROLLED_BACK: 4,
  CONFIG_CHANGED_ON_DISK: 4,
  CONFIG_WRITE_FAILED: 4,
  NOT_ELEVATED: 5,
  NO_SOURCE: 6,
  SOURCE_UNREADABLE: 6,
  CONFIG_INVALID: 6,
  NETSH_UNAVAILABLE: 6,
  NETSH_OUTPUT_UNRECOGNIZED: 6,
  CERTIFICATE_INVALID: 6,
  KEY_MANIFEST_INVALID: 6,
};

/** The exit code for an error thrown by a domain function or by the dispatcher. */
export function dscExitCodeFor(error: unknown): DscExitCode {
  if (error instanceof SyntaxError) return 2;
  if (error instanceof RpcError && error.code === RpcErrorCode.InvalidParams) return 2;
  const id = isHttpApiError(error) ? error.id : error instanceof RpcError ? (error.data?.id as ErrorId | undefined) : undefined;
  return (id && byId[id]) ?? 1;
}
