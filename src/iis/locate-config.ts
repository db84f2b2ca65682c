import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HttpApiError } from '../errors.js';
import type { SourceSpec } from '../source/source-spec.js';

export interface ConfigLocation {
  path: string;
  origin: 'explicit' | 'snapshot' | 'live' | 'iis-express' | 'solution';
  /** How the file was chosen when the choice was not obvious (several solutions); told to the caller. */
  note?: string;
}

/**
 * Which applicationHost.config a request means; see docs/domain.md §2 for the places. An explicit
 * file wins, then the IIS Express choices (they name the configuration and nothing else),
 * then a snapshot's copy, then the live IIS file on Windows.
 */
export function locateConfig(spec: SourceSpec, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): ConfigLocation {
  if (spec.configPath) return { path: path.resolve(spec.configPath), origin: 'explicit' };
  if (spec.solution) return locateSolutionConfig(spec.solution);
  if (spec.iisExpress) return { path: iisExpressUserConfig(platform, env), origin: 'iis-express' };
  if (spec.snapshot) return { path: path.resolve(spec.snapshot, 'applicationHost.config'), origin: 'snapshot' };
  if (platform === 'win32') {
    const windir = env.windir ?? env.SystemRoot ?? 'C:\\Windows';
    return { path: path.win32.join(windir, 'System32', 'inetsrv', 'config', 'applicationHost.config'), origin: 'live' };
  }
  throw new HttpApiError(
    'NO_SOURCE',
    'No source for the IIS configuration: this is not Windows, so there is no live applicationHost.config. Give --snapshot DIR, --config FILE, --iis-express or --solution DIR.',
    { platform },
  );
}

/**
 * IIS Express keeps its per-user file in Documents\IISExpress\config. Windows takes the
 * profile from USERPROFILE; elsewhere HOME stands in, so the layout can be tested off Windows.
 * (A Documents folder redirected elsewhere, e.g. to OneDrive, is not followed.)
 */
export function iisExpressUserConfig(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const home = (platform === 'win32' ? env.USERPROFILE : undefined) ?? env.HOME ?? env.USERPROFILE;
  if (!home) {
    throw new HttpApiError('NO_SOURCE', `Cannot find the IIS Express configuration: neither USERPROFILE nor HOME is set. Give --config FILE.`, { platform });
  }
  return join(home, 'Documents', 'IISExpress', 'config', 'applicationhost.config');
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

function onlySolutionName(directory: string): string | undefined {
  const solutions = entries(directory).filter((entry) => /\.slnx?$/i.test(entry));
  return solutions.length === 1 ? solutions[0]!.replace(/\.slnx?$/i, '') : undefined;
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
