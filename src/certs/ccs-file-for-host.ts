/**
 * The Central Certificate Store file that serves a host name. Microsoft Learn, "Planning Step 4:
 * Plan SSL Central Certificate Store": "Certificate names must the following form: CN_name.pfx
 * (for example, www.contoso.com.pfx)" and "If the certificate is a wild character certificate,
 * use an underscore (_) as the wild character (for example, _.contoso.com.pfx)"; and "IIS 8.0
 * Centralized SSL Certificate Support": "www.contoso.com would use the certificate with a file
 * name www.contoso.com.pfx". So `<host>.pfx`, else the wildcard file of its parent domain.
 * Inferred (no source says): names compared without case (DNS names and Windows file names are
 * both case-insensitive); the wildcard file covers one label, as a `*.` certificate does
 * (RFC 6125), so a.b.contoso.com looks for _.b.contoso.com.pfx, never _.contoso.com.pfx; a
 * binding whose host is itself a wildcard (`*.contoso.com`) is served by `_.contoso.com.pfx`.
 */
export function ccsFileNamesForHost(host: string): string[] {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name.startsWith('*.')) return [`_${name.slice(1)}.pfx`];
  const dot = name.indexOf('.');
  return dot > 0 && dot < name.length - 1 ? [`${name}.pfx`, `_${name.slice(dot)}.pfx`] : [`${name}.pfx`];
}

/** The store's files by lower-case name, for ccsFileForHost: built once per join, not once per lookup. */
export function ccsFilesByName<F extends { name: string }>(files: readonly F[]): ReadonlyMap<string, F> {
  return new Map(files.map((file) => [file.name.toLowerCase(), file]));
}

/** The first file of `ccsFileNamesForHost` that the store holds (by ccsFilesByName), or null. */
export function ccsFileForHost<F>(byName: ReadonlyMap<string, F>, host: string): F | null {
  for (const name of ccsFileNamesForHost(host)) {
    const found = byName.get(name);
    if (found) return found;
  }
  return null;
}
