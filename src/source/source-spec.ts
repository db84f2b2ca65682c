/**
 * Where state comes from. Every field is optional: a request's `source` is laid over the
 * worker's start-up default, field by field, and what is still missing falls back to the
 * live Windows machine (or, elsewhere, to a NO_SOURCE error when a method needs it).
 */
export interface SourceSpec {
  /** A snapshot folder: applicationHost.config, sslcert.txt, urlacl.txt, certs/, ccs/. */
  snapshot?: string;
  /** The applicationHost.config to read (overrides the snapshot's). */
  configPath?: string;
  /** The per-user IIS Express configuration (Documents\IISExpress\config). */
  iisExpress?: boolean;
  /** A Visual Studio solution folder whose .vs/<name>/config/applicationhost.config is read. */
  solution?: string;
  /** The netsh executable for the http.sys side (reads and changes). */
  netshPath?: string;
  /** A captured `netsh http show sslcert` output (overrides the snapshot's). */
  sslcertFile?: string;
  /** A captured `netsh http show urlacl` output (overrides the snapshot's). */
  urlaclFile?: string;
  /** A folder of certificate files (PEM, DER, CER) standing for the LocalMachine stores. */
  certsDir?: string;
  /** A folder standing for the Central Certificate Store: `<host>.pfx` files and provider.json (a snapshot's ccs/). */
  ccsDir?: string;
}

export function mergeSourceSpecs(defaults: SourceSpec, request: SourceSpec | undefined): SourceSpec {
  if (!request) return defaults;
  const merged: SourceSpec = { ...defaults };
  for (const [key, value] of Object.entries(request) as [keyof SourceSpec, never][]) {
    if (value !== undefined) merged[key] = value;
  }
  // A request that names its own snapshot does not inherit file overrides meant for another one.
  if (request.snapshot !== undefined && request.snapshot !== defaults.snapshot) {
    for (const key of ['configPath', 'iisExpress', 'solution', 'sslcertFile', 'urlaclFile', 'certsDir', 'ccsDir'] as const) {
      if (request[key] === undefined) delete merged[key];
    }
  }
  return merged;
}
