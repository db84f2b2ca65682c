import { HttpApiError } from '../errors.js';

/**
 * A configuration file that cannot be read as an applicationHost.config. The reason is a
 * phrase that follows the file name ("contains git merge-conflict markers (<<<<<<<) at line
 * 166"), so the message reads as one sentence and data carries the same facts for programs.
 */
export function configInvalid(file: string, line: number, reason: string): HttpApiError {
  return new HttpApiError('CONFIG_INVALID', `${file} ${reason}.`, { file, line, reason });
}

/** Thrown inside the reader before the file name is known to the code that found the fault. */
export class ConfigFault extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ConfigFault';
  }
}

/** 1-based line of a character offset; counts LF, which also ends CRLF lines. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Lines of ascending offsets in one pass over the text. */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = new Array(offsets.length);
  let line = 1;
  let at = text.indexOf('\n');
  for (let index = 0; index < offsets.length; index++) {
    const offset = offsets[index]!;
    while (at !== -1 && at < offset) {
      line++;
      at = text.indexOf('\n', at + 1);
    }
    lines[index] = line;
  }
  return lines;
}
