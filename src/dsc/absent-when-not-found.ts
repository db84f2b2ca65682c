import { ErrorCatalog } from '../errors.js';

/**
 * A list method asked for one named object answers NOT_FOUND when it does not exist (the CLI's
 * rule for a named object); for a DSC resource that is the state "absent", not a failure.
 */
export async function absentWhenNotFound<T>(read: Promise<T[]>): Promise<T[]> {
  try {
    return await read;
  } catch (error) {
    if ((error as { code?: unknown }).code === ErrorCatalog.NOT_FOUND.code) return [];
    throw error;
  }
}
