import { createHash } from 'node:crypto';
import { HttpApiError, isHttpApiError } from '../errors.js';
import { applyNetshChange } from '../httpsys/change-http-sys.js';
import { type ConfigFileIdentity } from '../iis/config-file.js';
import { commitConfigWrite, discardConfigWrite, prepareConfigWrite, writeConfigAtomically, type PreparedWrite } from '../iis/write-config-atomically.js';
import type { HttpSysSource, ResolvedSource } from '../source/resolve-source.js';
import { netshStep, type ChangeStep } from './change-result.js';
import { journalPathOf, netshCommand, newJournal, readJournal, removeJournal, writeJournal, type JournalStep } from './change-journal.js';
import type { ConfigForEdit, PlannedConfigEdit } from './config-edit.js';
import { withConfigLock } from './config-lock.js';
import { crashPoint } from './crash-point.js';
import { removeDeadWritersFiles } from './dead-writer-files.js';
import type { ReservationChange } from './iis-express-reservation.js';
import type { MappingChange } from './mapping-change.js';

/** One step of a change, in the order it runs. */
export type PlannedStep = { kind: 'netsh'; change: MappingChange | ReservationChange } | { kind: 'config'; edit: ConfigForEdit; planned: PlannedConfigEdit };

/** The steps as the answer shows them, plan or done. */
export function stepsOf(steps: readonly PlannedStep[]): ChangeStep[] {
  return steps.map((step) => (step.kind === 'netsh' ? netshStep(step.change) : step.planned.step));
}

export interface ChangeRun {
  source: ResolvedSource;
  signal?: AbortSignal;
  /** The configuration the change is anchored to (its lock and journal sit beside it); null when the source has none. */
  configFile: string | null;
}

/**
 * A change of http.sys alone (sslcert, urlacl, certificate replacement): anchored to the
 * configuration when the source has one; a source of netsh only has nothing to anchor a lock or
 * journal to.
 */
export function httpSysChangeRun(source: ResolvedSource, signal?: AbortSignal): ChangeRun {
  try {
    return { source, signal, configFile: source.config().path };
  } catch {
    return { source, signal, configFile: null };
  }
}

/**
 * Runs `work` (read, plan, run the steps) as the only writer of the configuration: other
 * writers in other processes wait on the lock beside the file. Under the lock, a journal left
 * by an interrupted change refuses the change (CHANGE_INTERRUPTED: recover first), and the
 * temporary files of writers that died are removed; `notes` says which.
 */
export async function underChangeLock<T>(run: ChangeRun, work: (notes: string[]) => Promise<T>): Promise<T> {
  const { configFile } = run;
  if (configFile === null) return work([]);
  return withConfigLock(
    configFile,
    async () => {
      const journal = await readJournal(configFile);
      if (journal) {
        throw new HttpApiError(
          'CHANGE_INTERRUPTED',
          `An earlier change of ${configFile} was interrupted (${journal.description}, process ${journal.pid}, started ${journal.started}); nothing was changed now. Run \`httpapi recover\` (changes/recover) to see the state it left and finish or undo it.`,
          { file: configFile, journal: journalPathOf(configFile), description: journal.description, pid: journal.pid, started: journal.started },
        );
      }
      const removed = await removeDeadWritersFiles(configFile);
      return work(removed.length > 0 ? [`Removed ${removed.length} temporary file(s) left by writers that died: ${removed.join(', ')}.`] : []);
    },
    { signal: run.signal },
  );
}

interface DoneStep {
  step: PlannedStep;
  /** For a configuration step: what the file is after it, for the undo to check against. */
  written?: ConfigFileIdentity;
}

/**
 * Runs the steps in order. A netsh step against a capture of http.sys refuses the whole change
 * before anything is written. A cancellation is honoured only before the first step (nothing
 * has changed: the request ends as cancelled); once a step has run the change goes to its end or
 * is rolled back, so both halves always agree. A change of several steps writes its journal before
 * the first and removes it after the last, so a crash in between is found by recovery. A failed
 * step undoes those done, newest first; a failed undo is ROLLBACK_FAILED with the state left and
 * the commands that finish by hand, and the journal stays for `httpapi recover`.
 */
export async function runSteps(run: ChangeRun, description: string, steps: PlannedStep[]): Promise<{ backup?: string; messages: string[] }> {
  const netsh = steps.find((step) => step.kind === 'netsh');
  if (netsh && run.source.httpSys().kind === 'capture') {
    // Found out before the file is written, not by a rollback after it.
    throw new HttpApiError('NO_SOURCE', `Cannot run netsh ${netsh.change.argv.join(' ')}: the http.sys source is a capture, which is read-only; nothing was changed. Give --netsh PATH (or run on Windows without a snapshot), or pass whatIf to see the plan.`, { argv: netsh.change.argv });
  }
  run.signal?.throwIfAborted();
  const prepared = new Map<PlannedStep, PreparedWrite>();
  try {
    for (const step of steps) {
      if (step.kind === 'config') prepared.set(step, await prepareConfigWrite({ file: step.edit.file.file, bytes: step.planned.bytes, expected: step.edit.file.identity, mode: step.edit.file.mode, backupOf: step.edit.file.bytes }));
    }
  } catch (error) {
    for (const write of prepared.values()) await discardConfigWrite(write);
    throw error;
  }
  crashPoint('prepared');
  const journaled = steps.length > 1 && run.configFile !== null;
  const httpSys = steps.some((step) => step.kind === 'netsh') ? run.source.httpSys() : null;
  if (journaled) {
    try {
      await writeJournal(run.configFile!, newJournal(description, httpSys?.kind === 'netsh' ? httpSys.path : null, steps.map((step) => journalStep(step, prepared.get(step)))));
    } catch (error) {
      for (const write of prepared.values()) await discardConfigWrite(write);
      throw error;
    }
  }
  crashPoint('journaled');

  const messages: string[] = [];
  const done: DoneStep[] = [];
  for (const [index, step] of steps.entries()) {
    try {
      if (step.kind === 'netsh') {
        // No signal: a netsh killed half way would leave http.sys in a state nobody knows.
        messages.push(...((await applyNetshChange(httpSys!, step.change.argv)).messages ?? []));
        done.push({ step });
      } else {
        done.push({ step, written: (await commitConfigWrite(prepared.get(step)!)).identity });
      }
    } catch (error) {
      throw await rollBack({ run, httpSys, description, steps, index, done, prepared, journaled, error });
    }
    crashPoint(`step-${index + 1}`);
  }
  if (journaled) await removeJournal(run.configFile!);
  if (run.signal?.aborted) messages.push('Cancellation arrived after the first step had run: the change was carried to its end, so both halves agree.');
  const backup = [...prepared.values()].find((write) => write.backup)?.backup;
  return { ...(backup ? { backup } : {}), messages };
}

function journalStep(step: PlannedStep, write: PreparedWrite | undefined): JournalStep {
  if (step.kind === 'netsh') {
    const change = step.change;
    if ('reservation' in change) return { kind: 'urlacl', description: change.description, argv: change.argv, undo: change.undo, ...change.reservation };
    const { description, argv, undo, target, before, after } = change;
    return { kind: 'netsh', description, argv, undo, target, before, after };
  }
  return { kind: 'config', description: step.planned.step.description, file: step.edit.file.file, temp: write!.temp, backup: write!.backup!, beforeSha256: step.edit.file.identity.sha256, afterSha256: createHash('sha256').update(step.planned.bytes).digest('hex') };
}

interface Failure {
  run: ChangeRun;
  httpSys: HttpSysSource | null;
  description: string;
  steps: PlannedStep[];
  index: number;
  done: DoneStep[];
  prepared: Map<PlannedStep, PreparedWrite>;
  journaled: boolean;
  error: unknown;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const causeOf = (error: unknown) => (isHttpApiError(error) ? { id: error.id, message: error.message, ...error.data } : { message: String(error) });
const describeStep = (step: PlannedStep) =>
  step.kind === 'config' ? `the configuration step (${step.planned.step.description})` : 'reservation' in step.change ? `the URL reservation step (${step.change.description})` : `the mapping step (${step.change.description})`;

async function rollBack({ run, httpSys, description, steps, index, done, prepared, journaled, error }: Failure): Promise<HttpApiError> {
  const failed = steps[index]!;
  const undone: string[] = [];
  const stuck: { step: string; error: unknown; manual: string }[] = [];
  for (const { step, written } of [...done].reverse()) {
    try {
      if (step.kind === 'netsh') {
        await applyNetshChange(httpSys!, step.change.undo);
        undone.push(`${describeStep(step)} was undone`);
      } else {
        await writeConfigAtomically({ file: step.edit.file.file, bytes: step.edit.file.bytes, expected: written!, mode: step.edit.file.mode });
        undone.push(`${step.edit.file.file} was put back as it was (a copy is at ${prepared.get(step)!.backup})`);
      }
    } catch (undoError) {
      const manual = step.kind === 'netsh' ? netshCommand(step.change.undo) : `copy "${prepared.get(step)!.backup}" over "${step.edit.file.file}"`;
      stuck.push({ step: describeStep(step), error: undoError, manual });
    }
  }
  const configDone = done.some(({ step }) => step.kind === 'config');
  const head =
    failed.kind === 'config'
      ? `Writing the configuration failed (${messageOf(error)})`
      : configDone
        ? `The configuration was changed, then ${describeStep(failed)} failed: ${messageOf(error)}`
        : `${describeStep(failed)[0]!.toUpperCase()}${describeStep(failed).slice(1)} failed: ${messageOf(error)}`;
  const data = {
    change: description,
    failedStep: { index: index + 1, description: describeStep(failed), ...(failed.kind === 'netsh' ? { argv: failed.change.argv } : {}) },
    done: done.map(({ step }) => describeStep(step)),
    undone,
    stuck: stuck.map(({ step, error: undoError }) => ({ step, error: causeOf(undoError) })),
    rolledBack: stuck.length === 0,
    cause: causeOf(error),
  };
  if (stuck.length === 0) {
    for (const write of prepared.values()) {
      // A backup of a file that is back as it was says nothing new; one of a file restored by this undo is kept for reference.
      if (!configDone) await discardConfigWrite(write);
    }
    if (journaled) await removeJournal(run.configFile!);
    // Nothing had run: the step's own error says it all.
    if (done.length === 0) return isHttpApiError(error) ? error : new HttpApiError('CHANGE_ROLLED_BACK', `${head}; nothing was changed.`, data);
    const state = undone.join('; ');
    const backup = [...prepared.values()].find((write) => write.backup)?.backup;
    if (isHttpApiError(error) && error.id === 'CONFIG_CHANGED_ON_DISK') return new HttpApiError('CONFIG_CHANGED_ON_DISK', `${error.message} Also, ${state}.`, { ...error.data, ...data });
    return new HttpApiError('CHANGE_ROLLED_BACK', `${head}; ${state}.`, { ...data, ...(configDone && backup ? { backup } : {}) });
  }
  const manual = stuck.map(({ manual: command }) => command);
  const left = [
    ...stuck.map(({ step, error: undoError }) => `${step} is still done (undoing it failed: ${messageOf(undoError)})`),
    ...undone,
    ...steps.slice(index + 1).map((step) => `${describeStep(step)} never ran`),
  ];
  return new HttpApiError(
    'ROLLBACK_FAILED',
    `${head}; undoing the steps already done FAILED too. State left: ${left.join('; ')}. To finish by hand: ${manual.join(' ; ')}${journaled ? `; or run \`httpapi recover --apply undo\` (the journal ${journalPathOf(run.configFile!)} records the change)` : ''}.`,
    { ...data, manual, ...(journaled ? { journal: journalPathOf(run.configFile!) } : {}), backup: [...prepared.values()].find((write) => write.backup)?.backup ?? null },
  );
}
