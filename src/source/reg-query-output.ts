export interface RegQueryValue {
  type: string;
  /** REG_DWORD in decimal (printed `0x1`, kept as `1`), strings as written. */
  data: string;
}

/**
 * The values in `reg query` output, by lower-case name. The layout (the key on its own line,
 * then one line per value: four spaces, name, four spaces, REG_ type, four spaces, data; a
 * DWORD printed in hex like `0x1`) is that of reg.exe as Windows prints it, which Microsoft's
 * reg query page does not spell out: inferred. The one parser of that output: the Central
 * Certificate Store provider's settings and the Documents known folder are both read with it.
 */
export function parseRegQueryOutput(output: string): Map<string, RegQueryValue> {
  const values = new Map<string, RegQueryValue>();
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s+(.+?)\s{4}(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line);
    if (!match) continue;
    const type = match[2]!;
    const data = (match[3] ?? '').trimEnd();
    values.set(match[1]!.toLowerCase(), { type, data: type === 'REG_DWORD' ? String(Number.parseInt(data, 16)) : data });
  }
  return values;
}
