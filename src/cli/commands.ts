import type { z } from 'zod';
import * as P from '../protocol/index.js';
import type { MethodDefinition } from '../protocol/method.js';
import { formatBindings } from './format/bindings.js';
import { formatCertificates } from './format/certificates.js';
import { formatChange } from './format/change.js';
import { formatDiagnostics } from './format/findings.js';
import { formatGeneric } from './format/generic.js';
import { formatInfo } from './format/info.js';
import { formatRecovery } from './format/recovery.js';
import { formatSites } from './format/sites.js';
import { formatSnapshotExport } from './format/snapshot.js';
import { formatSslcert } from './format/sslcert.js';
import { formatUrlacl } from './format/urlacl.js';
import type { View } from './view.js';

type Finding = z.output<typeof P.FindingSchema>;

export interface Command {
  /** Words as typed: `sites`, `binding add`. */
  words: readonly string[];
  definition: MethodDefinition;
  /** The readable view (without --json). */
  format: (result: never, view: View) => string;
  /** The findings the command reports: any of severity error makes the exit code 2. */
  findings?: (result: never) => readonly Finding[];
  /** One command line shown in its help (and checked against its schema by a test). */
  example: string;
}

const read = (words: string, definition: MethodDefinition, example: string, format: (result: never, view: View) => string = formatGeneric): Command => ({
  words: words.split(' '),
  definition,
  format,
  example,
});
const change = (words: string, definition: MethodDefinition, example: string): Command => ({ words: words.split(' '), definition, format: formatChange as never, example });

const hash = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5';

/** One command per method; the option list of each comes from its params schema. */
export const commands: Command[] = [
  read('info', P.ServerInfo, 'httpapi info --snapshot fixtures/demo-server', formatInfo as never),
  {
    ...read('sites', P.SitesList, 'httpapi sites --snapshot fixtures/demo-server --site "contoso www"', formatSites as never),
    findings: ((result: { findings?: Finding[] }) => result.findings ?? []) as never,
  },
  {
    ...read('bindings', P.BindingsHttps, 'httpapi bindings --snapshot fixtures/demo-server --site "Contoso WWW" --as-of 2027-01-01', formatBindings as never),
    findings: ((result: { bindings: { findings: Finding[] }[]; findings: Finding[] }) => [...result.bindings.flatMap((binding) => binding.findings), ...result.findings]) as never,
  },
  read('sslcert', P.SslCertList, 'httpapi sslcert --sslcert-file captured-show-sslcert.txt --kind hostnameport', formatSslcert as never),
  read('urlacl', P.UrlAclList, 'httpapi urlacl --urlacl-file captured-show-urlacl.txt --url http://+:80/Temporary_Listen_Addresses/', formatUrlacl as never),
  read('certificates', P.CertificatesList, 'httpapi certificates --snapshot fixtures/demo-server --store WebHosting', formatCertificates as never),
  {
    ...read('diagnose', P.DiagnosticsRun, 'httpapi diagnose --snapshot fixtures/demo-server --expiry-days 45', formatDiagnostics as never),
    findings: ((result: { findings: Finding[] }) => result.findings) as never,
  },
  change('binding add', P.BindingsAdd, `httpapi binding add --site "Contoso WWW" --protocol https --port 443 --host shop.contoso.com --ssl-flags 1 --certificate-hash ${hash} --what-if`),
  change('binding remove', P.BindingsRemove, 'httpapi binding remove --site "Contoso WWW" --protocol https --binding-information "*:443:www.contoso.com" --what-if'),
  change('binding set-certificate', P.BindingsSetCertificate, `httpapi binding set-certificate --site "Contoso WWW" --binding-information "*:443:www.contoso.com" --certificate-hash ${hash} --what-if`),
  change('binding update', P.BindingsUpdate, 'httpapi binding update --site "Contoso WWW" --binding-information "*:443:www.contoso.com" --host www2.contoso.com --what-if'),
  change('sslcert add', P.SslCertAdd, `httpapi sslcert add --kind hostnameport --key www.contoso.com:443 --certificate-hash ${hash} --app-id {4dc3e181-e14b-4a21-b022-59fc669b0914} --what-if`),
  change('sslcert update', P.SslCertUpdate, `httpapi sslcert update --kind ipport --key 0.0.0.0:443 --certificate-hash ${hash} --app-id {4dc3e181-e14b-4a21-b022-59fc669b0914} --options '{"clientcertnegotiation":true}' --what-if`),
  change('sslcert delete', P.SslCertDelete, 'httpapi sslcert delete --kind ipport --key 0.0.0.0:8443 --what-if'),
  change('urlacl add', P.UrlAclAdd, 'httpapi urlacl add --url http://+:8080/ --users \'[{"user":"Everyone","listen":true}]\' --what-if'),
  change('urlacl update', P.UrlAclUpdate, 'httpapi urlacl update --url http://+:8080/ --sddl "D:(A;;GX;;;BU)" --what-if'),
  change('urlacl delete', P.UrlAclDelete, 'httpapi urlacl delete --url http://+:8080/ --what-if'),
  change('certificate replace', P.CertificatesReplace, `httpapi certificate replace --old-hash ${hash} --new-hash D54DAFC94E7E55489195BE690C85192991847ED5 --what-if`),
  read('recover', P.ChangesRecover, 'httpapi recover --config-path C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config --apply undo', formatRecovery as never),
  read('snapshot export', P.SnapshotExport, 'httpapi snapshot export --directory ./snapshot-web01', formatSnapshotExport as never),
];

/** The longest command whose words start the argument list. */
export function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  const matches = commands
    .filter((command) => command.words.every((word, index) => argv[index] === word))
    .sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  return command ? { command, rest: argv.slice(command.words.length) } : undefined;
}
