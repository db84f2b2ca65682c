import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { HttpApiError, isHttpApiError } from '../errors.js';
import { applyNetshChange } from '../httpsys/change-http-sys.js';
import { readSslMappings, readUrlReservations } from '../httpsys/read-http-sys.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import { readConfigFile } from '../iis/config-file.js';
import { commitConfigWrite, writeConfigAtomically } from '../iis/write-config-atomically.js';
import type { ResolvedSource } from '../source/resolve-source.js';
import { journalPathOf, netshCommand, readJournal, removeJournal, type ChangeJournal, type JournalConfigStep, type JournalNetshStep, type JournalStep, type JournalUrlaclStep } from './change-journal.js';
import { withConfigLock } from './config-lock.js';
import { removeDeadWritersFiles } from './dead-writer-files.js';
import { findMapping } from './mapping-users.js';

export type StepState = 'done' | 'not done' | 'unknown';

export interface ObservedStep {
  kind: 'netsh' | 'config';
  description: string;
  state: StepState;
  detail: string;
  argv?: string[];
  undoArgv?: string[];
}

export interface RecoveryResult {
  interrupted: boolean;
  journal: string;
  change?: string;
  pid?: number;
  started?: string;
  steps: ObservedStep[];
  applied?: 'finish' | 'undo';
  backup?: string;
  removed: string[];
  messages: string[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Finds a change that was interrupted (a crash, a kill, a rollback that failed), reads the
 * configuration and http.sys to see which of its steps are done, and on request finishes it
 * (the steps not done, in order) or undoes it (the steps done, newest first). Runs under the
 * configuration's change lock, so a change still running elsewhere is waited for, not judged.
 */
export async function recoverChange(source: ResolvedSource, request: { apply?: 'finish' | 'undo' }, signal?: AbortSignal): Promise<RecoveryResult> {
  const configFile = source.config().path;
  return withConfigLock(
    configFile,
    async () => {
      const journalFile = journalPathOf(configFile);
      const journal = await readJournal(configFile);
      const keep = new Set(journal?.steps.flatMap((step) => (step.kind === 'config' ? [step.temp] : [])) ?? []);
      const removed = await removeDeadWritersFiles(configFile, keep);
      const messages = removed.length > 0 ? [`Removed ${removed.length} temporary file(s) left by writers that died.`] : [];
      if (!journal) return { interrupted: false, journal: journalFile, steps: [], removed, messages: [...messages, `No interrupted change of ${configFile}.`] };

      const about = { interrupted: true, journal: journalFile, change: journal.description, pid: journal.pid, started: journal.started, removed };
      const backup = journal.steps.find((step): step is JournalConfigStep => step.kind === 'config')?.backup;
      const observed = await observe(source, journal, signal);
      if (!request.apply) {
        messages.push(summary(observed));
        return { ...about, steps: observed, ...(backup ? { backup } : {}), messages };
      }
      const unknown = observed.filter((step) => step.state === 'unknown');
      if (unknown.length > 0) {
        throw new HttpApiError(
          'CHANGE_INTERRUPTED',
          `Cannot ${request.apply} the interrupted change (${journal.description}): the state of ${unknown.map((step) => `${step.description} (${step.detail})`).join('; ')} is neither before nor after it, so something else changed it meanwhile; nothing was done. Look at it by hand, then delete ${journalFile}.`,
          { journal: journalFile, steps: observed },
        );
      }
      await apply(source, journal, observed, request.apply);
      await removeJournal(configFile);
      for (const file of keep) await unlink(file).catch(() => undefined);
      const after = await observe(source, journal, signal);
      messages.push(`The interrupted change was ${request.apply === 'finish' ? 'finished' : 'undone'}: ${summary(after)}`);
      return { ...about, steps: after, applied: request.apply, ...(backup ? { backup } : {}), messages };
    },
    { signal },
  );
}

function summary(steps: ObservedStep[]): string {
  return steps.map((step, index) => `step ${index + 1} (${step.description}) ${step.state}`).join('; ');
}

async function observe(source: ResolvedSource, journal: ChangeJournal, signal?: AbortSignal): Promise<ObservedStep[]> {
  let mappings: readonly SslMapping[] | Error | null = null;
  const needMappings = journal.steps.some((step) => step.kind === 'netsh');
  if (needMappings) {
    try {
      mappings = (await readSslMappings(source.httpSys(), { signal })).mappings;
    } catch (error) {
      if (!isHttpApiError(error)) throw error;
      mappings = error;
    }
  }
  let reserved: Set<string> | Error | null = null;
  if (journal.steps.some((step) => step.kind === 'urlacl')) {
    try {
      reserved = new Set((await readUrlReservations(source.httpSys(), { signal })).reservations.map((reservation) => reservation.url.toLowerCase()));
    } catch (error) {
      if (!isHttpApiError(error)) throw error;
      reserved = error;
    }
  }
  const result: ObservedStep[] = [];
  for (const step of journal.steps) result.push(step.kind === 'config' ? await observeConfig(step) : step.kind === 'urlacl' ? observeUrlacl(step, reserved!) : observeNetsh(step, mappings!));
  return result;
}

function observeUrlacl(step: JournalUrlaclStep, reserved: Set<string> | Error): ObservedStep {
  const base = { kind: 'netsh' as const, description: step.description, argv: step.argv, undoArgv: step.undo };
  if (reserved instanceof Error) return { ...base, state: 'unknown', detail: `http.sys could not be read: ${reserved.message}` };
  const exists = reserved.has(step.url.toLowerCase());
  const detail = exists ? `URL ${step.url} is reserved` : `URL ${step.url} is not reserved`;
  return { ...base, state: exists === step.after ? 'done' : 'not done', detail };
}

async function observeConfig(step: JournalConfigStep): Promise<ObservedStep> {
  const base = { kind: 'config' as const, description: step.description };
  const now = await readConfigFile(step.file).then(
    (file) => file.identity.sha256,
    () => null,
  );
  if (now === step.afterSha256) return { ...base, state: 'done', detail: `${step.file} holds the new content` };
  if (now === step.beforeSha256) return { ...base, state: 'not done', detail: `${step.file} holds the content from before the change` };
  return { ...base, state: 'unknown', detail: now === null ? `${step.file} cannot be read` : `${step.file} holds neither the content from before nor the one from after the change` };
}

function observeNetsh(step: JournalNetshStep, mappings: readonly SslMapping[] | Error): ObservedStep {
  const base = { kind: 'netsh' as const, description: step.description, argv: step.argv, undoArgv: step.undo };
  if (mappings instanceof Error) return { ...base, state: 'unknown', detail: `http.sys could not be read: ${mappings.message}` };
  const mapping = findMapping(mappings, step.target);
  const shows = mapping ? `mapping ${step.target.kind} ${step.target.key} serves ${mapping.certificateHash ?? 'the Central Certificate Store'}` : `there is no mapping ${step.target.kind} ${step.target.key}`;
  const is = (state: { certificateHash: string | null } | null) =>
    state === null ? mapping === undefined : mapping !== undefined && (state.certificateHash === null || mapping.certificateHash === state.certificateHash.toUpperCase());
  if (is(step.after)) return { ...base, state: 'done', detail: shows };
  if (is(step.before)) return { ...base, state: 'not done', detail: shows };
  return { ...base, state: 'unknown', detail: shows };
}

async function apply(source: ResolvedSource, journal: ChangeJournal, observed: ObservedStep[], how: 'finish' | 'undo'): Promise<void> {
  const order = journal.steps.map((step, index) => ({ step, state: observed[index]!.state }));
  const todo = how === 'finish' ? order.filter(({ state }) => state === 'not done') : order.filter(({ state }) => state === 'done').reverse();
  for (const { step } of todo) {
    try {
      if (step.kind !== 'config') await applyNetshChange(source.httpSys(), how === 'finish' ? step.argv : step.undo);
      else if (how === 'finish') await finishConfig(step);
      else await undoConfig(step);
    } catch (error) {
      throw new HttpApiError(
        'CHANGE_INTERRUPTED',
        `Recovery (${how}) of ${journal.description} stopped at ${describe(step, how)}: ${(error as Error).message}. The journal is kept: fix the cause and run recover again.`,
        { step: step.description, cause: isHttpApiError(error) ? { id: error.id, ...error.data } : String(error) },
      );
    }
  }
}

const describe = (step: JournalStep, how: 'finish' | 'undo') => (step.kind !== 'config' ? netshCommand(how === 'finish' ? step.argv : step.undo) : `${how === 'finish' ? 'writing' : 'restoring'} ${step.file}`);

/** The new content was flushed under its temporary name before the journal was written: it is renamed into place. */
async function finishConfig(step: JournalConfigStep): Promise<void> {
  const bytes = await readFile(step.temp);
  if (sha256(bytes) !== step.afterSha256) throw new Error(`${step.temp} does not hold the new content the journal names`);
  const current = await readConfigFile(step.file);
  if (current.identity.sha256 !== step.beforeSha256) throw new Error(`${step.file} changed since the journal was written`);
  await commitConfigWrite({ file: step.file, temp: step.temp, bytes, expected: current.identity });
}

/** The backup holds the content from before: written back over the file, atomically. */
async function undoConfig(step: JournalConfigStep): Promise<void> {
  const bytes = await readFile(step.backup);
  if (sha256(bytes) !== step.beforeSha256) throw new Error(`${step.backup} does not hold the content from before the change`);
  const current = await readConfigFile(step.file);
  await writeConfigAtomically({ file: step.file, bytes, expected: current.identity, mode: current.mode });
}
