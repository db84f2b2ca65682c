/**
 * The command line CreateProcess receives when Node spawns `file` with `argv` (shell: false,
 * windowsVerbatimArguments: false): libuv's make_program_args joins the program and every
 * argument with single spaces, each quoted by quote_cmd_arg (libuv src/win/process.c):
 * - empty -> ""
 * - no space, tab or quote -> as is
 * - no quote or backslash -> wrapped in quotes
 * - otherwise wrapped, with every quote escaped by a backslash and backslashes doubled where
 *   they precede a quote or the closing quote.
 * Reproduced here so tests can state the exact string; Node on Linux never builds it.
 */
export function windowsCommandLine(file: string, argv: readonly string[]): string {
  return [file, ...argv].map(quoteCommandArgument).join(' ');
}

export function quoteCommandArgument(source: string): string {
  if (source === '') return '""';
  if (!/[ \t"]/.test(source)) return source;
  if (!/["\\]/.test(source)) return `"${source}"`;
  let quoted = '';
  let beforeQuote = true;
  for (let index = source.length - 1; index >= 0; index--) {
    const char = source[index]!;
    if (beforeQuote && char === '\\') quoted = `\\\\${quoted}`;
    else if (char === '"') {
      beforeQuote = true;
      quoted = `\\"${quoted}`;
    } else {
      beforeQuote = false;
      quoted = char + quoted;
    }
  }
  return `"${quoted}"`;
}
