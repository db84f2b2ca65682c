/** `netsh http add sslcert ipport=...`: the command line as a person would type it, for messages. */
export function describeCommand(file: string, argv: readonly string[]): string {
  return [file, ...argv].map((arg) => (/[\s"]/.test(arg) || arg === '' ? `"${arg.replace(/"/g, '\\"')}"` : arg)).join(' ');
}
