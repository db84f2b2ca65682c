/**
 * The one error catalog. Domain code throws `HttpApiError` with an `id` from here;
 * `src/rpc` turns it into a JSON-RPC error with the numeric code, the CLI prints its
 * message, and the PowerShell module uses the id as the ErrorRecord's ErrorId.
 * Codes are stable: add new ones at the end, never renumber.
 */
export const ErrorCatalog = {
  NO_SOURCE: { code: 1001, category: 'NotSpecified', summary: 'No source to read: off Windows a snapshot, a config file or a netsh path must be given.' },
  NOT_FOUND: { code: 1002, category: 'ObjectNotFound', summary: 'The site, binding, mapping, reservation or certificate does not exist.' },
  ALREADY_EXISTS: { code: 1003, category: 'ResourceExists', summary: 'The object already exists (netsh error 183): change it with sslcert/update, or delete it first (a URL reservation has no update).' },
  NOT_ELEVATED: { code: 1004, category: 'PermissionDenied', summary: 'Access denied (netsh error 5): run the worker elevated.' },
  CONFIG_CHANGED_ON_DISK: { code: 1005, category: 'WriteError', summary: 'The configuration file changed on disk since it was read; nothing was written.' },
  SHARED_MAPPING_NEEDS_ACK: { code: 1006, category: 'InvalidOperation', summary: 'The IP mapping is shared by other bindings; pass allowSharedMapping to change it for all of them.' },
  NETSH_FAILED: { code: 1007, category: 'InvalidResult', summary: 'netsh failed with a Win32 error; data.win32Error holds the number.' },
  CONFIG_INVALID: { code: 1008, category: 'InvalidData', summary: 'The configuration file is not a readable applicationHost.config (names the file, line and reason).' },
  SOURCE_UNREADABLE: { code: 1009, category: 'ReadError', summary: 'A file or folder named by the source cannot be read.' },
  NETSH_UNAVAILABLE: { code: 1010, category: 'ResourceUnavailable', summary: 'The netsh executable could not be started.' },
  CERTIFICATE_INVALID: { code: 1011, category: 'InvalidData', summary: 'A certificate file could not be parsed.' },
  NETSH_OUTPUT_UNRECOGNIZED: { code: 1012, category: 'InvalidResult', summary: 'netsh printed something that is not a known format.' },
  CHANGE_ROLLED_BACK: { code: 1013, category: 'InvalidOperation', summary: 'A step of a multi-step change failed; the steps already done were undone.' },
  INVALID_ARGUMENT: { code: 1014, category: 'InvalidArgument', summary: 'A value is well-formed but cannot be used here (for example an SNI binding without a host).' },
  CONFIG_WRITE_FAILED: { code: 1015, category: 'WriteError', summary: 'The configuration file could not be written (disk full, file locked...); the original is unchanged.' },
  ROLLBACK_FAILED: { code: 1016, category: 'InvalidResult', summary: 'A step of a multi-step change failed and undoing the steps already done failed too; data says what is done, undone and stuck, and the commands that finish by hand.' },
  CHANGE_INTERRUPTED: { code: 1017, category: 'ResourceUnavailable', summary: 'An earlier change of this configuration was interrupted (its journal is beside the file); run `httpapi recover` (changes/recover) first.' },
  CONFIG_LOCKED: { code: 1018, category: 'ResourceBusy', summary: 'Another process holds the change lock of this configuration for longer than the wait allows; data.holder says who.' },
  SYSTEM_PATH_UNKNOWN: { code: 1020, category: 'ResourceUnavailable', summary: 'The Windows folder (SystemRoot) is unknown or not absolute, so no system program is started.' },
  UNMATCHED_OPTIONS_NEED_ACK: { code: 1021, category: 'InvalidOperation', summary: 'The mapping has option lines netsh printed in words we do not recognise; pass allowUnmatchedOptions to let the update reset them.' },
  EXPORT_DESTINATION_REFUSED: { code: 1032, category: 'InvalidArgument', summary: 'A snapshot cannot be exported there: the folder is under a virtual file system (/proc, /sys, /dev) or is not a folder.' },
  KEY_MANIFEST_INVALID: { code: 1033, category: 'InvalidData', summary: "A snapshot's certs/keys.json is not a readable key-presence manifest (names the file and the entry)." },
  CERTIFICATE_NOT_CHOSEN: { code: 1034, category: 'ObjectNotFound', summary: 'No certificate in the store qualifies for the certificateSubject given (covers the name, valid now, for server authentication, with its private key); data.candidates says why each was not chosen.' },
} as const;

export type ErrorId = keyof typeof ErrorCatalog;

/** A failure a person can act on. `data` travels to the client as JSON-RPC error data. */
export class HttpApiError extends Error {
  readonly id: ErrorId;
  readonly code: number;
  readonly data: Record<string, unknown>;

  constructor(id: ErrorId, message: string, data: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpApiError';
    this.id = id;
    this.code = ErrorCatalog[id].code;
    this.data = data;
  }
}

export function isHttpApiError(error: unknown): error is HttpApiError {
  return error instanceof HttpApiError;
}
