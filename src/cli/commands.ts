import * as P from '../rpc/protocol/index.js';
import type { MethodDefinition } from '../rpc/method.js';
import { formatBindings } from './format/bindings.js';
import { formatCertificates } from './format/certificates.js';
import { formatChange } from './format/change.js';
import { formatDiagnostics } from './format/findings.js';
import { formatGeneric } from './format/generic.js';
import { formatRecovery } from './format/recovery.js';
import { formatSites } from './format/sites.js';
import { formatSslcert } from './format/sslcert.js';
import { formatUrlacl } from './format/urlacl.js';

export interface Command {
  /** Words as typed: `sites`, `binding add`. */
  words: readonly string[];
  definition: MethodDefinition;
  /** The readable view (without --json). */
  format: (result: never) => string;
  /** Exit code for a successful call (diagnose exits 2 on errors). */
  exitCode?: (result: never) => number;
}

const read = (words: string, definition: MethodDefinition, format: (result: never) => string = formatGeneric): Command => ({
  words: words.split(' '),
  definition,
  format,
});
const change = (words: string, definition: MethodDefinition): Command => ({ words: words.split(' '), definition, format: formatChange as never });

/** One command per method; the option list of each comes from its params schema. */
export const commands: Command[] = [
  read('info', P.ServerInfo),
  read('sites', P.SitesList, formatSites as never),
  read('bindings', P.BindingsHttps, formatBindings as never),
  read('sslcert', P.SslCertList, formatSslcert as never),
  read('urlacl', P.UrlAclList, formatUrlacl as never),
  read('certificates', P.CertificatesList, formatCertificates as never),
  {
    ...read('diagnose', P.DiagnosticsRun, formatDiagnostics as never),
    exitCode: ((result: { findings: { severity: string }[] }) => (result.findings.some((finding) => finding.severity === 'error') ? 2 : 0)) as never,
  },
  change('binding add', P.BindingsAdd),
  change('binding remove', P.BindingsRemove),
  change('binding set-certificate', P.BindingsSetCertificate),
  change('sslcert add', P.SslCertAdd),
  change('sslcert update', P.SslCertUpdate),
  change('sslcert delete', P.SslCertDelete),
  change('urlacl add', P.UrlAclAdd),
  change('urlacl delete', P.UrlAclDelete),
  change('certificate replace', P.CertificatesReplace),
  read('recover', P.ChangesRecover, formatRecovery as never),
  read('snapshot export', P.SnapshotExport),
];

/** The longest command whose words start the argument list. */
export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  const matches = commands
    .filter((command) => command.words.every((word, index) => argv[index] === word))
    .sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  return command ? { command, rest: argv.slice(command.words.length) } : undefined;
}
