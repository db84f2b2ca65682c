import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import { environmentValue, type PlatformFacts } from '../process/platform-facts.js';
import { nativeSystemFolder } from '../process/system-executable.js';
import type { SourceSpec } from './source-spec.js';
import { readDocumentsFolder, expandEnvironment } from './documents-folder.js';
import { DeniedReadReason } from './denied-read-reason.js';
import { parseRedirectionConfig } from './redirection-config.js';

export interface ConfigLocation {
  path: string;
  origin: 'explicit' | 'snapshot' | 'live' | 'iis-express' | 'solution';
  /** How the file was chosen when the choice was not obvious (several solutions, Shared Configuration); told to the caller. */
  note?: string;
}

/** What locating needs from the machine besides the platform facts; injected by tests. */
export interface LocateIo {
  /** A file's text, undefined when it does not exist; throws for any other failure. */
  readText(file: string): string | undefined;
  /** The user's Documents folder as Windows records it (User Shell Folders\Personal), unexpanded. */
  documentsFolder(facts: PlatformFacts): string | undefined;
}

export const machineIo: LocateIo = {
  readText: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  documentsFolder: readDocumentsFolder,
};

/**
 * Which applicationHost.config a request means; see docs/domain.md §2 for the places. An explicit
 * file wins, then the IIS Express choices (they name the configuration and nothing else),
 * then a snapshot's copy, then the live IIS file on Windows: the native System32's (Sysnative
 * for a 32-bit worker) or, with Shared Configuration, the file redirection.config points at.
 */
export function locateConfig(spec: SourceSpec, facts: PlatformFacts, io: LocateIo = machineIo): ConfigLocation {
  if (spec.configPath) return { path: path.resolve(spec.configPath), origin: 'explicit' };
  if (spec.solution) return locateSolutionConfig(spec.solution);
  if (spec.iisExpress) return { path: iisExpressUserConfig(facts, io), origin: 'iis-express' };
  if (spec.snapshot) return { path: path.resolve(spec.snapshot, 'applicationHost.config'), origin: 'snapshot' };
  if (facts.platform === 'win32') return liveConfig(facts, io);
  throw new HttpApiError(
    'NO_SOURCE',
    'No source for the IIS configuration: this is not Windows, so there is no live applicationHost.config. Give --snapshot DIR, --config FILE, --iis-express or --solution DIR.',
    { platform: facts.platform },
  );
}

function liveConfig(facts: PlatformFacts, io: LocateIo): ConfigLocation {
  const folder = `${nativeSystemFolder(facts)}\\inetsrv\\config`;
  const local = `${folder}\\applicationHost.config`;
  const redirectionFile = `${folder}\\redirection.config`;
  let text: string | undefined;
  try {
    text = io.readText(redirectionFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? `permission denied: ${DeniedReadReason}` : (error as Error).message;
    throw new HttpApiError('SOURCE_UNREADABLE', `Cannot read ${redirectionFile}, which says where IIS keeps its configuration: ${why}.`, { file: redirectionFile, code: code ?? null });
  }
  const redirection = text === undefined ? undefined : parseRedirectionConfig(text, redirectionFile);
  if (!redirection?.enabled) return { path: local, origin: 'live' };
  const shared = path.win32.join(redirection.path, 'applicationHost.config');
  const account = redirection.userName ? ` IIS reads it as ${redirection.userName}; HttpApi reads and writes it as the account running the worker.` : '';
  return { path: shared, origin: 'live', note: `IIS Shared Configuration: ${redirectionFile} redirects the configuration to ${shared}, so that file is read and changed, not ${local}.${account}` };
}

/**
 * IIS Express keeps its per-user file in Documents\IISExpress\config. On Windows the
 * Documents folder is the user's known folder (User Shell Folders\Personal, which OneDrive
 * Known Folder Move and Folder Redirection change), with %VARIABLES% expanded; USERPROFILE\Documents
 * only when Windows records none. Elsewhere HOME stands in, so the layout can be tested off Windows.
 */
export function iisExpressUserConfig(facts: PlatformFacts, io: LocateIo = machineIo): string {
  if (facts.platform === 'win32') {
    const recorded = io.documentsFolder(facts);
    const profile = environmentValue(facts.env, 'USERPROFILE');
    const documents = recorded ? expandEnvironment(recorded, facts.env) : profile ? path.win32.join(profile, 'Documents') : undefined;
    if (!documents) throw new HttpApiError('NO_SOURCE', 'Cannot find the IIS Express configuration: Windows records no Documents folder and USERPROFILE is not set. Give --config FILE.', { platform: facts.platform });
    return path.win32.join(documents, 'IISExpress', 'config', 'applicationhost.config');
  }
  const home = facts.env.HOME ?? facts.env.USERPROFILE;
  if (!home) {
    throw new HttpApiError('NO_SOURCE', `Cannot find the IIS Express configuration: neither USERPROFILE nor HOME is set. Give --config FILE.`, { platform: facts.platform });
  }
  return path.posix.join(home, 'Documents', 'IISExpress', 'config', 'applicationhost.config');
}

/**
 * Visual Studio keeps a solution's IIS Express file in .vs\<solution>\config (VS 2017 and
 * later) or .vs\config (VS 2015). DIR may also be the .sln file itself, which names the solution.
 * Several solutions' files under one .vs: the one named like the only .sln beside it is taken,
 * and the answer says so; with no such clue the choice is left to the caller.
 */
export function locateSolutionConfig(solution: string): ConfigLocation {
  let directory = path.resolve(solution);
  let wanted: string | undefined;
  if (/\.slnx?$/i.test(directory) && isFile(directory)) {
    wanted = path.basename(directory).replace(/\.slnx?$/i, '');
    directory = path.dirname(directory);
  }
  if (!isDirectory(directory)) {
    throw new HttpApiError('SOURCE_UNREADABLE', `Cannot read the solution folder ${directory}: there is no such folder.`, { file: directory });
  }
  const vs = path.join(directory, '.vs');
  const found: { name: string; file: string }[] = [];
  for (const entry of entries(vs)) {
    const file = configIn(path.join(vs, entry));
    if (file) found.push({ name: entry, file });
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const legacy = configIn(vs);
  if (found.length === 0 && legacy) return { path: legacy, origin: 'solution' };
  if (found.length === 0) {
    throw new HttpApiError(
      'SOURCE_UNREADABLE',
      `No IIS Express configuration under ${vs}: looked for .vs/<solution>/config/applicationhost.config (Visual Studio 2017 and later) and .vs/config/applicationhost.config (Visual Studio 2015). Open the solution in Visual Studio once, or give --config FILE.`,
      { file: vs },
    );
  }
  wanted ??= onlySolutionName(directory);
  const chosen = found.length === 1 ? found[0]! : found.find((candidate) => candidate.name.toLowerCase() === wanted?.toLowerCase());
  const names = found.map((candidate) => candidate.name).join(', ');
  if (!chosen) {
    throw new HttpApiError(
      'INVALID_ARGUMENT',
      `${vs} holds the IIS Express configurations of ${found.length} solutions (${names}) and nothing says which one is meant. Give --solution with the .sln file, or --config with one of: ${found.map((candidate) => candidate.file).join(', ')}.`,
      { solutions: found.map((candidate) => candidate.name), files: found.map((candidate) => candidate.file) },
    );
  }
  const others = [...found.filter((candidate) => candidate !== chosen).map((candidate) => candidate.name), ...(legacy ? ['the Visual Studio 2015 .vs/config'] : [])];
  if (others.length === 0) return { path: chosen.file, origin: 'solution' };
  return { path: chosen.file, origin: 'solution', note: `Read the configuration of solution '${chosen.name}'; ${vs} also holds ${others.join(', ')}.` };
}

/** config/applicationhost.config under a folder, matching the name without case as Windows does. */
function configIn(folder: string): string | undefined {
  const config = entries(folder).find((entry) => entry.toLowerCase() === 'config');
  if (!config) return undefined;
  const file = entries(path.join(folder, config)).find((entry) => entry.toLowerCase() === 'applicationhost.config');
  return file && isFile(path.join(folder, config, file)) ? path.join(folder, config, file) : undefined;
}

/** The one solution beside .vs; Shop.sln and Shop.slnx (the XML format of Visual Studio 17.13) are one solution. */
function onlySolutionName(directory: string): string | undefined {
  const names = new Set(entries(directory).filter((entry) => /\.slnx?$/i.test(entry)).map((entry) => entry.replace(/\.slnx?$/i, '').toLowerCase()));
  return names.size === 1 ? [...names][0] : undefined;
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
