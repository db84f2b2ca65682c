import { HttpApiError, isHttpApiError } from '../errors.js';
import { applyNetshChange } from '../httpsys/change-http-sys.js';
import type { ConfigFileIdentity } from '../iis/config-file.js';
import type { HttpSysSource } from '../source/resolve-source.js';
import { restoreConfig, type ConfigForEdit } from './config-edit.js';
import type { MappingChange } from './mapping-change.js';

const causeOf = (error: unknown) => (isHttpApiError(error) ? { id: error.id, message: error.message, ...error.data } : { message: String(error) });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The netsh step ran, then the configuration could not be written: the step is undone. A file
 * changed on disk keeps its own error id (the caller can simply run the change again); any
 * other failure is CHANGE_ROLLED_BACK. Either way the message says whether the undo worked.
 */
export async function undoMappingChange(source: HttpSysSource, change: MappingChange, error: unknown): Promise<HttpApiError> {
  let undoFailure: unknown;
  try {
    await applyNetshChange(source, change.undo);
  } catch (undoError) {
    undoFailure = undoError;
  }
  const undone = undoFailure === undefined;
  const state = undone
    ? `the mapping step (${change.description}) was undone with netsh ${change.undo.join(' ')}`
    : `undoing the mapping step FAILED too (${messageOf(undoFailure)}): run netsh ${change.undo.join(' ')} by hand to put the mapping back`;
  const data = { undoArgv: change.undo, rolledBack: undone, cause: causeOf(error), ...(undone ? {} : { undoError: causeOf(undoFailure) }) };
  if (isHttpApiError(error) && error.id === 'CONFIG_CHANGED_ON_DISK') return new HttpApiError('CONFIG_CHANGED_ON_DISK', `${error.message} Also, ${state}.`, { ...error.data, ...data });
  return new HttpApiError('CHANGE_ROLLED_BACK', `Writing the configuration failed (${messageOf(error)}); ${state}.`, data);
}

/** The configuration was written, then the netsh step failed: the file gets its original bytes back. */
export async function restoreConfigAfter(edit: ConfigForEdit, written: { identity: ConfigFileIdentity; backup: string }, change: MappingChange, error: unknown): Promise<HttpApiError> {
  let restoreFailure: unknown;
  try {
    await restoreConfig(edit, written.identity);
  } catch (restoreError) {
    restoreFailure = restoreError;
  }
  const file = edit.file.file;
  const state =
    restoreFailure === undefined
      ? `${file} was put back as it was (a copy is at ${written.backup})`
      : `putting ${file} back FAILED too (${messageOf(restoreFailure)}): copy ${written.backup} over it by hand`;
  return new HttpApiError('CHANGE_ROLLED_BACK', `The configuration was changed, then the mapping step (${change.description}) failed: ${messageOf(error)}; ${state}.`, {
    argv: change.argv,
    backup: written.backup,
    rolledBack: restoreFailure === undefined,
    cause: causeOf(error),
    ...(restoreFailure === undefined ? {} : { restoreError: causeOf(restoreFailure) }),
  });
}
