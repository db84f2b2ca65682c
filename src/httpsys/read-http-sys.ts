import { readFile } from 'node:fs/promises';
import { HttpApiError } from '../errors.js';
import type { HttpSysSource } from '../source/resolve-source.js';
import { decodeCaptureFile } from './decode-console-output.js';
import { netshRunError, runFailed } from './netsh-error.js';
import { parseSslcertJson } from './parse-sslcert-json.js';
import { parseSslcertText } from './parse-sslcert-text.js';
import { parseUrlaclText } from './parse-urlacl-text.js';
import { describeCommand } from '../process/describe-command.js';
import { runNetsh } from './run-netsh.js';
import type { SslMapping } from './ssl-mapping.js';
import type { UnplacedLine } from './text-lines.js';
import type { UrlReservation } from './url-reservation.js';

export interface SslMappingsRead {
  mappings: SslMapping[];
  /** Which output was parsed: `show sslcert json=enable` or the text form. */
  format: 'text' | 'json';
  /** Where the data came from, which format and why, and anything odd on the way. */
  notes: string[];
  unplaced: UnplacedLine[];
}

export interface UrlReservationsRead {
  reservations: UrlReservation[];
  /** `show urlacl` has no JSON form. */
  format: 'text';
  notes: string[];
  unplaced: UnplacedLine[];
}

interface ReadOptions {
  signal?: AbortSignal;
}

/**
 * SSL certificate mappings from a capture file or from netsh: `show sslcert json=enable` preferred,
 * the text form when JSON is refused, unreadable, or carries no options (the only JSON shape known,
 * reference/netsh.md §1.2, has none).
 */
export async function readSslMappings(source: HttpSysSource, options: ReadOptions = {}): Promise<SslMappingsRead> {
  if (source.kind === 'capture') {
    const file = captureFile(source.sslcertFile, 'netsh http show sslcert', '--sslcert-file FILE (or a --snapshot folder holding sslcert.txt)');
    const { text, encoding } = await readCapture(file, '--sslcert-file');
    const notes = [`read the capture ${file} (${encoding})`];
    if (text.trimStart().startsWith('{')) {
      const json = parseSslcertJson(text);
      if (json.ok) {
        const optionless = withoutOptions(json.mappings) ? ['its bindings carry no options: only key, hash, app id and store are known'] : [];
        return { mappings: json.mappings, format: 'json', notes: [...notes, 'the capture is `show sslcert json=enable` output', ...optionless, ...json.notes], unplaced: [] };
      }
      notes.push(`the capture starts like JSON but ${json.reason}; read as text`);
    }
    return fromText(text, notes);
  }

  const notes: string[] = [];
  const known = formatByNetsh.get(source.path);
  if (known?.format === 'text') {
    notes.push(`text form, as before: ${known.reason}`);
  } else {
    const jsonArgv = ['http', 'show', 'sslcert', 'json=enable'];
    const jsonRun = await runNetsh(source.path, jsonArgv, options);
    const refused = runFailed(jsonRun);
    if (!refused) {
      const json = parseSslcertJson(jsonRun.output);
      if (json.ok && !withoutOptions(json.mappings)) {
        formatByNetsh.set(source.path, { format: 'json', reason: `${describeCommand(source.path, jsonArgv)} works and carries options` });
        return { mappings: json.mappings, format: 'json', notes: [`read with ${describeCommand(source.path, jsonArgv)}`, ...json.notes], unplaced: [] };
      }
      // An update must carry every option over (domain.md §8): JSON without them is not enough.
      const why = json.ok ? 'its bindings carry no options' : `this version cannot read it as JSON: ${json.reason}`;
      notes.push(`${describeCommand(source.path, jsonArgv)} worked, but ${why}; read the text form instead`);
    } else {
      const why = refused.headline ?? (refused.message || `no message`);
      notes.push(`this netsh refused json=enable (exit code ${jsonRun.exitCode}: ${why}); read the text form instead`);
    }
    // netsh does not change while the worker runs: later reads go straight to the text form.
    formatByNetsh.set(source.path, { format: 'text', reason: notes[notes.length - 1]! });
  }
  const textArgv = ['http', 'show', 'sslcert'];
  const textRun = await runNetsh(source.path, textArgv, options);
  const failed = runFailed(textRun);
  if (failed) throw netshRunError(textRun, failed);
  return fromText(textRun.output, [...notes, `read with ${describeCommand(source.path, textArgv)}`]);
}

const formatByNetsh = new Map<string, { format: 'text' | 'json'; reason: string }>();

/** Which form of `show sslcert` this worker reads from a netsh, and why; undefined before the first read. */
export function sslcertFormatOf(netshPath: string): { format: 'text' | 'json'; reason: string } | undefined {
  return formatByNetsh.get(netshPath);
}

/**
 * Forgets what the netsh executables answered to json=enable. Only for callers that put a
 * different netsh behind the same path while the process runs (the tests' double).
 */
export function forgetSslcertFormats(): void {
  formatByNetsh.clear();
}

/** The JSON shape known so far has no option fields; mappings read that way cannot be updated faithfully. */
function withoutOptions(mappings: readonly SslMapping[]): boolean {
  return mappings.length > 0 && mappings.every((mapping) => mapping.options.length === 0);
}

function fromText(text: string, notes: string[]): SslMappingsRead {
  const parsed = parseSslcertText(text);
  if (parsed.unplaced.length > 0) notes.push(`${parsed.unplaced.length} line(s) are not part of any mapping (see unplaced)`);
  return { mappings: parsed.mappings, format: 'text', notes, unplaced: parsed.unplaced };
}

/** URL reservations from a capture file or from `netsh http show urlacl`. */
export async function readUrlReservations(source: HttpSysSource, options: ReadOptions = {}): Promise<UrlReservationsRead> {
  let text: string;
  let origin: string;
  const notes: string[] = [];
  if (source.kind === 'capture') {
    origin = captureFile(source.urlaclFile, 'netsh http show urlacl', '--urlacl-file FILE (or a --snapshot folder holding urlacl.txt)');
    const decoded = await readCapture(origin, '--urlacl-file');
    text = decoded.text;
    notes.push(`read the capture ${origin} (${decoded.encoding})`);
  } else {
    const argv = ['http', 'show', 'urlacl'];
    const run = await runNetsh(source.path, argv, options);
    const failed = runFailed(run);
    if (failed) throw netshRunError(run, failed);
    text = run.output;
    origin = describeCommand(source.path, argv);
    notes.push(`read with ${origin}`);
  }
  const parsed = parseUrlaclText(text);
  if (parsed.unplaced.length > 0) notes.push(`${parsed.unplaced.length} line(s) are not part of any reservation (see unplaced)`);
  return { reservations: parsed.reservations, format: 'text', notes, unplaced: parsed.unplaced };
}

function captureFile(file: string | undefined, command: string, option: string): string {
  if (file) return file;
  throw new HttpApiError('NO_SOURCE', `No capture of \`${command}\` in this source: give ${option}, or --netsh PATH to run netsh.`, { needs: command });
}

async function readCapture(file: string, option: string) {
  try {
    return decodeCaptureFile(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new HttpApiError('SOURCE_UNREADABLE', `Cannot read the capture ${file} (${option}): ${why}.`, { file, code: code ?? null }, { cause: error });
  }
}
