import process from 'node:process';
import { Discover, Methods, ServerInfo } from '../protocol/index.js';
import { buildOpenRpcDocument } from '../protocol/openrpc.js';
import { implement } from '../protocol/handler.js';
import type { CcsSource, ResolvedSource } from '../source/resolve-source.js';
import { sslcertFormatOf } from '../httpsys/read-http-sys.js';
import { interruptedChangeNote } from '../changes/change-journal.js';

// The same for every call, and clients ping with server/info: built once.
const methods = Methods.map((definition) => ({
  name: definition.method,
  // Implementations is a record keyed by every method: a worker that lacks one does not build.
  implemented: true,
  changes: definition.changes,
  summary: definition.summary,
}));

export const serverInfo = implement(ServerInfo, (_params, context) => ({
  name: 'HttpApi',
  version: context.version,
  platform: process.platform,
  node: process.version,
  source: describeSource(context.source),
  methods,
}));

let openRpc: ReturnType<typeof buildOpenRpcDocument> | undefined;

export const discover = implement(Discover, () => (openRpc ??= buildOpenRpcDocument()) as never);

/**
 * Says where each half of the state would come from, without reading anything. Without a
 * source off Windows each half throws NO_SOURCE, and only the message is kept: the stack
 * trace V8 would capture for each of the three errors was most of the cost of a server/info
 * call (clients ping with it), so none is captured here.
 */
function describeSource(source: ResolvedSource) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return describeEachHalf(source);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function describeEachHalf(source: ResolvedSource) {
  const notes: string[] = [];
  const resolved = <T>(what: () => T): T | null => {
    try {
      return what();
    } catch (error) {
      notes.push((error as Error).message);
      return null;
    }
  };
  const attempt = <T>(what: () => T, show: (value: T) => string): string | null => {
    const value = resolved(what);
    return value === null ? null : show(value);
  };
  const httpSys = resolved(source.httpSys);
  const config = attempt(source.config, (location) => {
    // Shared Configuration or a choice among solutions: which file, and why that one.
    if (location.note) notes.push(location.note);
    const interrupted = interruptedChangeNote(location.path);
    if (interrupted) notes.push(interrupted);
    return `${location.path} (${location.origin})`;
  });
  return {
    config,
    httpSys: httpSys && (httpSys.kind === 'netsh' ? `netsh: ${httpSys.path}` : `captures: ${[httpSys.sslcertFile, httpSys.urlaclFile].filter(Boolean).join(', ')}`),
    sslcertFormat: httpSys && sslcertFormat(httpSys),
    certificates: attempt(source.certificates, (certs) => (certs.kind === 'directory' ? `files: ${certs.path}` : 'Windows certificate stores')),
    ccs: describeCcs(source.ccs()),
    notes,
  };
}

function describeCcs(ccs: CcsSource | null): string | null {
  if (!ccs) return null;
  return ccs.kind === 'directory' ? `folder: ${ccs.path}` : 'IIS provider settings: HKLM\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider';
}

/** Which form of `show sslcert` is read (without an http.sys source there is none, and a note says why). */
function sslcertFormat(httpSys: ReturnType<ResolvedSource['httpSys']>): string {
  if (httpSys.kind === 'capture') return 'text or JSON, as the capture holds it';
  const known = sslcertFormatOf(httpSys.path);
  return known ? `${known.format}: ${known.reason}` : 'not read yet: `show sslcert json=enable` is tried first, the text form when it is refused or carries no options';
}
