import { existsSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { HttpApiError } from '../errors.js';
import { writeFileAtomically } from '../iis/write-config-atomically.js';
import type { MappingTarget } from './mapping-change.js';

/** A netsh step as recorded: what ran, what undoes it, and the mapping state that shows whether it ran. */
export interface JournalNetshStep {
  kind: 'netsh';
  description: string;
  argv: string[];
  undo: string[];
  target: MappingTarget;
  before: { certificateHash: string | null } | null;
  after: { certificateHash: string | null } | null;
}

/** The configuration step as recorded: the file's content hash before and after, and where both contents are. */
export interface JournalConfigStep {
  kind: 'config';
  description: string;
  file: string;
  /** The new content, flushed before the journal was written; renamed over the file by the step. */
  temp: string;
  /** The old content. */
  backup: string;
  beforeSha256: string;
  afterSha256: string;
}

/** A URL reservation step as recorded: whether the reservation exists before and after shows whether it ran. */
export interface JournalUrlaclStep {
  kind: 'urlacl';
  description: string;
  argv: string[];
  undo: string[];
  url: string;
  before: boolean;
  after: boolean;
}

export type JournalStep = JournalNetshStep | JournalUrlaclStep | JournalConfigStep;

/** What a multi-step change was about to do, written beside the configuration before its first step. */
export interface ChangeJournal {
  version: 1;
  description: string;
  pid: number;
  host: string;
  started: string;
  netshPath: string | null;
  steps: JournalStep[];
}

export const journalPathOf = (configFile: string) => `${configFile}.httpapi-journal.json`;

export function newJournal(description: string, netshPath: string | null, steps: JournalStep[]): ChangeJournal {
  return { version: 1, description, pid: process.pid, host: hostname(), started: new Date().toISOString(), netshPath, steps };
}

/** Written atomically (temporary file, flush, rename): a crash leaves the journal whole or absent. */
export async function writeJournal(configFile: string, journal: ChangeJournal): Promise<void> {
  await writeFileAtomically(journalPathOf(configFile), Buffer.from(`${JSON.stringify(journal, null, 2)}\n`));
}

export async function removeJournal(configFile: string): Promise<void> {
  await unlink(journalPathOf(configFile)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** The journal beside the configuration, or null when no change was interrupted. */
export async function readJournal(configFile: string): Promise<ChangeJournal | null> {
  const file = journalPathOf(configFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HttpApiError('SOURCE_UNREADABLE', `Cannot read the change journal ${file}: ${(error as Error).message}.`, { file });
  }
  try {
    const journal = JSON.parse(text) as ChangeJournal;
    if (journal.version !== 1 || !Array.isArray(journal.steps)) throw new Error(`version ${String(journal.version)}`);
    return journal;
  } catch (error) {
    throw new HttpApiError('CHANGE_INTERRUPTED', `The change journal ${file} is not one this version writes (${(error as Error).message}); look at it, then delete it by hand.`, { journal: file });
  }
}

/** What a person types to do `argv` by hand. */
export const netshCommand = (argv: readonly string[]) => `netsh ${argv.map((arg) => (/[\s"]/.test(arg) ? `"${arg}"` : arg)).join(' ')}`;

/** For server/info, without reading anything else: a note when a journal waits beside the configuration. */
export function interruptedChangeNote(configFile: string): string | null {
  const file = journalPathOf(configFile);
  return existsSync(file) ? `An earlier change of ${configFile} was interrupted (journal ${file}): run \`httpapi recover\` (changes/recover) to see its state and finish or undo it; changes of this configuration are refused until then.` : null;
}
