import { HttpApiError } from '../errors.js';
import type { HttpSysSource } from '../source/resolve-source.js';
import { decodeCaptureFile } from './decode-console-output.js';
import { readSourceFile, whyUnreadable } from '../source/read-source-file.js';
import { netshRunError, runFailed } from './netsh-error.js';
import { lastParse } from '../text/last-parse.js';
import { parseSslcertJson } from './parse-sslcert-json.js';
import { parseSslcertText } from './parse-sslcert-text.js';
import { parseUrlaclText } from './parse-urlacl-text.js';
import { describeCommand } from '../process/describe-command.js';
import { runNetsh } from './run-netsh.js';
import type { SslMapping } from './ssl-mapping.js';
import type { UnplacedLine } from './text-lines.js';
import { reportUnplaced } from './unplaced-lines.js';
import type { UrlReservation } from './url-reservation.js';

export interface SslMappingsRead {
  mappings: SslMapping[];
  /** Which output was parsed: `show sslcert json=enable` or the text form. */
  format: 'text' | 'json';
  /** Where the data came from, which format and why, and anything odd on the way. */
  notes: string[];
  /** The first few lines that are part of nothing (see unplaced-lines.ts), and how many there are. */
  unplaced: UnplacedLine[];
  unplacedCount: number;
}

export interface UrlReservationsRead {
  reservations: UrlReservation[];
  /** `show urlacl` has no JSON form. */
  format: 'text';
  notes: string[];
  /** The first few lines that are part of nothing (see unplaced-lines.ts), and how many there are. */
  unplaced: UnplacedLine[];
  unplacedCount: number;
}

// netsh on a live server, run for every request, prints the same text until the server changes.
// (A capture's read is kept by its file's identity instead: load-server-state.ts.)
const netshJson = lastParse(parseSslcertJson);
const netshSslcertText = lastParse(parseSslcertText);
const netshUrlaclText = lastParse(parseUrlaclText);

interface ReadOptions {
  signal?: AbortSignal;
}

/**
 * SSL certificate mappings from a capture file or from netsh: `show sslcert json=enable` preferred,
 * the text form when JSON is refused, unreadable, or carries no options (the only JSON shape known,
 * docs/netsh.md §1.2, has none).
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
        return { mappings: json.mappings, format: 'json', notes: [...notes, 'the capture is `show sslcert json=enable` output', ...optionless, ...json.notes], unplaced: [], unplacedCount: 0 };
      }
      notes.push(`the capture starts like JSON but ${json.reason}; read as text`);
    }
    return fromText(text, notes, { file, option: '--sslcert-file' });
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
      const json = netshJson(jsonRun.output);
      if (json.ok && !withoutOptions(json.mappings)) {
        formatByNetsh.set(source.path, { format: 'json', reason: `${describeCommand(source.path, jsonArgv)} works and carries options` });
        return { mappings: json.mappings, format: 'json', notes: [`read with ${describeCommand(source.path, jsonArgv)}`, ...json.notes], unplaced: [], unplacedCount: 0 };
      }
      // An update must carry every option over (docs/domain.md §8): JSON without them is not enough.
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
  return fromText(textRun.output, [...notes, `read with ${describeCommand(source.path, textArgv)}`], { command: describeCommand(source.path, textArgv) });
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

function fromText(text: string, notes: string[], origin: OutputOrigin): SslMappingsRead {
  const parsed = ('command' in origin ? netshSslcertText : parseSslcertText)(text);
  if (parsed.mappings.length === 0) refuseUnrecognized(parsed.unplaced, 'netsh http show sslcert', origin);
  const { note, ...unplaced } = reportUnplaced(parsed.unplaced, 'mapping');
  if (note) notes.push(note);
  return { mappings: parsed.mappings, format: 'text', notes, ...unplaced };
}

/** URL reservations from a capture file or from `netsh http show urlacl`. */
export async function readUrlReservations(source: HttpSysSource, options: ReadOptions = {}): Promise<UrlReservationsRead> {
  let text: string;
  let origin: OutputOrigin;
  const notes: string[] = [];
  if (source.kind === 'capture') {
    const file = captureFile(source.urlaclFile, 'netsh http show urlacl', '--urlacl-file FILE (or a --snapshot folder holding urlacl.txt)');
    const decoded = await readCapture(file, '--urlacl-file');
    text = decoded.text;
    origin = { file, option: '--urlacl-file' };
    notes.push(`read the capture ${file} (${decoded.encoding})`);
  } else {
    const argv = ['http', 'show', 'urlacl'];
    const run = await runNetsh(source.path, argv, options);
    const failed = runFailed(run);
    if (failed) throw netshRunError(run, failed);
    text = run.output;
    origin = { command: describeCommand(source.path, argv) };
    notes.push(`read with ${origin.command}`);
  }
  const parsed = ('command' in origin ? netshUrlaclText : parseUrlaclText)(text);
  if (parsed.reservations.length === 0) refuseUnrecognized(parsed.unplaced, 'netsh http show urlacl', origin);
  const { note, ...unplaced } = reportUnplaced(parsed.unplaced, 'reservation');
  if (note) notes.push(note);
  return { reservations: parsed.reservations, format: 'text', notes, ...unplaced };
}

type OutputOrigin = { file: string; option: string } | { command: string };

/**
 * Output in which the parser recognised nothing, not even the list's header, and which still has
 * lines: a wrong file (`--sslcert-file /etc/hostname`, an sslcert capture given as --urlacl-file),
 * an error message, a format of the future. Read on, it would look like a server without mappings.
 * A server that has none prints only the header, which is recognised (and so has no unplaced line).
 */
function refuseUnrecognized(unplaced: readonly UnplacedLine[], command: string, origin: OutputOrigin): void {
  if (unplaced.length === 0) return;
  const shown = unplaced.slice(0, 3).map((line) => JSON.stringify(line.text.length > 60 ? `${line.text.slice(0, 60)}...` : line.text));
  const where = 'file' in origin ? `the capture ${origin.file} (${origin.option})` : `the output of ${origin.command}`;
  throw new HttpApiError(
    'NETSH_OUTPUT_UNRECOGNIZED',
    `Nothing in ${where} reads as \`${command}\` output; its first lines: ${shown.join(', ')}${unplaced.length > 3 ? ` (${unplaced.length} lines in all)` : ''}.`,
    { ...('file' in origin ? { file: origin.file } : { command: origin.command }), expected: command, firstLines: unplaced.slice(0, 3) },
  );
}

function captureFile(file: string | undefined, command: string, option: string): string {
  if (file) return file;
  throw new HttpApiError('NO_SOURCE', `No capture of \`${command}\` in this source: give ${option}, or --netsh PATH to run netsh.`, { needs: command });
}

async function readCapture(file: string, option: string) {
  try {
    return decodeCaptureFile((await readSourceFile(file, 'capture')).bytes);
  } catch (error) {
    const { code, why } = whyUnreadable(error);
    throw new HttpApiError('SOURCE_UNREADABLE', `Cannot read the capture ${file} (${option}): ${code === 'ENOENT' ? 'no such file' : why}.`, { file, code }, { cause: error });
  }
}
