// Every line the netsh double may print, with where Windows was seen printing it. Written by
// hand, apart from the double's own code (netsh-texts.mjs), so that a text the double invents is
// caught: texts.test.ts runs every command and error of the double and fails on a line this list
// does not hold, and checks each line credited to a capture against that capture file.
//
// `text`: the line; `{}` stands for a value (a key, hash, GUID, store, number, URL, user, SDDL).
// `source`: a capture in the netsh corpus (`*.txt`, checked), a public URL where the line is
//   printed (cited, not checked offline), or `inferred: why` when no source shows it.
// `scopes`: where the line is credited: `sslcert:<layout>` / `urlacl:<layout>` (layouts pre2012,
//   2012, win10, 2022, 2025), `urlacl:it`, `json`; none means in every output.
// `asCaptured`: the line as the capture has it, where the double prints a repaired form.

const aligned = (label, value = '{}') => `    ${label.padEnd(28)} : ${value}`;
const allLayouts = ['pre2012', '2012', 'win10', '2022', '2025'];
const sslcert = (...layouts) => layouts.map((layout) => `sslcert:${layout}`);
const urlacl = (...layouts) => layouts.map((layout) => `urlacl:${layout}`);
const alignedLayouts = ['2012', 'win10', '2022', '2025'];

const classicOptions = [
  ['Verify Client Certificate Revocation', ['Enabled', 'Disabled']],
  ['Verify Revocation Using Cached Client Certificate Only', ['Enabled', 'Disabled']],
  ['Usage Check', ['Enabled', 'Disabled']],
  ['Revocation Freshness Time', ['{}']],
  ['URL Retrieval Timeout', ['{}']],
  ['Ctl Identifier', ['{}']],
  ['Ctl Store Name', ['{}']],
  ['DS Mapper Usage', ['Enabled', 'Disabled']],
  ['Negotiate Client Certificate', ['Enabled', 'Disabled']],
];
/** Seen with `Disabled` only. */
const rejectOption = 'Reject Connections';
/** Seen with `Not Set` only: no capture shows one of them set. */
const setOptions = [
  'Disable HTTP2', 'Disable QUIC', 'Disable TLS1.2', 'Disable TLS1.3', 'Disable OCSP Stapling', 'Enable Token Binding',
  'Log Extended Events', 'Disable Legacy TLS Versions', 'Enable Session Ticket',
];
const newestOptions = ['Disable Session ID', 'Enable Caching Client Hello'];

/** The value each enumerated option has in the aligned captures (2012 R2 and later): only the defaults. */
const alignedSeenValue = {
  'Verify Client Certificate Revocation': 'Enabled',
  'Verify Revocation Using Cached Client Certificate Only': 'Disabled',
  'Usage Check': 'Enabled',
  'DS Mapper Usage': 'Disabled',
  'Negotiate Client Certificate': 'Disabled',
};

/** sslcert-en-pre2012-01/-02 as captured: irregular padding, trailing spaces on some lines. */
const pre2012Lines = [
  ['    IP:port                 : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    Certificate Hash        : {}', 'sslcert-en-pre2012-01.txt'],
  ['    Application ID          : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    Certificate Store Name  : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    Verify Client Certificate Revocation    : Enabled', 'sslcert-en-pre2012-01.txt'],
  ['    Verify Client Certificate Revocation    : Disabled', 'sslcert-en-pre2012-02.txt'],
  ['    Verify Revocation Using Cached Client Certificate Only    : Disabled', 'sslcert-en-pre2012-01.txt'],
  ['    Verify Revocation Using Cached Client Certificate Only    : Enabled', 'sslcert-en-pre2012-02.txt'],
  ['    Usage Check    : Enabled', 'sslcert-en-pre2012-01.txt'],
  ['    Usage Check    : Disabled', 'sslcert-en-pre2012-02.txt'],
  ['    Revocation Freshness Time : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    URL Retrieval Timeout   : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    Ctl Identifier          : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    Ctl Store Name          : {} ', 'sslcert-en-pre2012-01.txt'],
  ['    DS Mapper Usage    : Disabled', 'sslcert-en-pre2012-01.txt'],
  ['    DS Mapper Usage    : Enabled', 'sslcert-en-pre2012-02.txt'],
  ['    Negotiate Client Certificate    : Disabled', 'sslcert-en-pre2012-01.txt'],
  ['    Negotiate Client Certificate    : Enabled', 'sslcert-en-pre2012-02.txt'],
];

export const texts = [
  // ---- frames shared by every output ----
  { text: '', source: 'sslcert-en-win10-02.txt' },
  { text: 'SSL Certificate bindings:', source: 'sslcert-en-win10-02.txt', scopes: sslcert(...allLayouts) },
  { text: '-------------------------', source: 'sslcert-en-win10-02.txt', scopes: sslcert(...allLayouts) },

  // ---- show sslcert, aligned layouts (2012 R2 and later) ----
  { text: aligned('IP:port'), source: 'sslcert-en-win10-02.txt', scopes: sslcert(...alignedLayouts) },
  { text: aligned('Hostname:port'), source: 'sslcert-en-2012r2-hostname-01.txt', scopes: sslcert(...alignedLayouts) },
  { text: aligned('Central Certificate Store'), source: 'inferred: no capture shows a CCS mapping; one public test of netsh output uses this label (docs/netsh.md §2.3)', scopes: sslcert(...allLayouts) },
  { text: aligned('Scoped CCS:port'), source: 'inferred: no capture shows a scoped CCS mapping; label of a test helper that parses real netsh (docs/netsh.md §2.3)', scopes: sslcert(...allLayouts) },
  { text: aligned('Certificate Hash'), source: 'sslcert-en-win10-01.txt', scopes: sslcert(...alignedLayouts) },
  { text: aligned('Application ID'), source: 'sslcert-en-win10-01.txt', scopes: sslcert(...alignedLayouts) },
  { text: aligned('Certificate Store Name'), source: 'sslcert-en-win10-01.txt', scopes: sslcert(...alignedLayouts) },
  ...classicOptions.flatMap(([label, values]) =>
    values.map((value) => ({
      text: aligned(label, value),
      source:
        value === '{}' || alignedSeenValue[label] === value
          ? 'sslcert-en-2012r2-hostname-01.txt'
          : `inferred: the aligned captures show "${label}" as ${alignedSeenValue[label]} only (sslcert-en-pre2012-02.txt shows ${value} in the older padding)`,
      scopes: sslcert('2012', 'win10', '2025'),
    })),
  ),
  { text: aligned(rejectOption, 'Disabled'), source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
  { text: aligned(rejectOption, 'Enabled'), source: `inferred: every capture shows ${rejectOption} Disabled`, scopes: sslcert('win10', '2022', '2025') },
  ...setOptions.flatMap((label) => [
    { text: aligned(label, 'Not Set'), source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
    { text: aligned(label, 'Set'), source: `inferred: every capture shows "${label}" as Not Set; "Set" is the other value the label implies`, scopes: sslcert('win10', '2022', '2025') },
  ]),
  ...newestOptions.flatMap((label) => [
    { text: aligned(label, 'Not Set'), source: 'sslcert-en-2025-01.txt', scopes: sslcert('2025') },
    { text: aligned(label, 'Set'), source: `inferred: the one capture shows "${label}" as Not Set`, scopes: sslcert('2025') },
  ]),
  // The 2022 capture shows only the key, hash, app id and store of its mapping: the option lines
  // after the store name are inferred from the Windows 10 capture (2022 and win10 take the same
  // parameters, usage-en-2022-add-sslcert-01.txt).
  ...[...classicOptions.flatMap(([label, values]) => values.map((value) => aligned(label, value))), aligned(rejectOption, 'Disabled'), ...setOptions.map((label) => aligned(label, 'Not Set'))].map((text) => ({
    text,
    source: 'inferred: sslcert-en-2022-01.txt stops after the store name; these lines are the Windows 10 ones',
    scopes: sslcert('2022'),
  })),
  { text: ' Extended Properties:', source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
  { text: aligned('PropertyId'), source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
  { text: aligned('Receive Window'), source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
  { text: aligned('Max Settings Per Frame'), source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
  { text: aligned('Max Settings Per Minute'), source: 'sslcert-en-win10-01.txt', scopes: sslcert('win10', '2025') },
  ...[' Extended Properties:', aligned('PropertyId'), aligned('Receive Window'), aligned('Max Settings Per Frame'), aligned('Max Settings Per Minute')].map((text) => ({
    text,
    source: 'inferred: sslcert-en-2022-01.txt stops after the store name; the Windows 10 blocks are assumed',
    scopes: sslcert('2022'),
  })),

  // ---- show sslcert, before Windows Server 2012 ----
  ...pre2012Lines.map(([text, source]) => ({ text, source, scopes: sslcert('pre2012') })),
  { text: '    Central Certificate Store : {}', source: 'inferred: CCS mappings exist since Windows Server 2012; no pre-2012 capture can show one', scopes: sslcert('pre2012') },
  { text: '    Scoped CCS:port : {}', source: 'inferred: scoped CCS mappings are newer still; no pre-2012 capture can show one', scopes: sslcert('pre2012') },
  { text: '    Hostname:port           : {} ', source: 'inferred: SNI mappings exist since Windows Server 2012; no pre-2012 capture can show one, padded like IP:port', scopes: sslcert('pre2012') },

  // ---- show urlacl ----
  { text: 'URL Reservations:', source: 'urlacl-en-win10-01.txt', scopes: urlacl('win10', '2022', '2025') },
  { text: '-----------------', source: 'urlacl-en-win10-01.txt', scopes: urlacl('win10', '2022', '2025') },
  { text: '    Reserved URL            : {}', source: 'urlacl-en-win10-01.txt', scopes: urlacl('win10', '2022', '2025') },
  { text: '        User: {}', source: 'urlacl-en-win10-01.txt', scopes: urlacl(...allLayouts) },
  { text: '            Listen: Yes', source: 'urlacl-en-win10-01.txt', scopes: urlacl(...allLayouts) },
  { text: '            Listen: No', source: 'inferred: every capture shows Listen: Yes (a delegate-only ACE prints No)', scopes: urlacl(...allLayouts) },
  { text: '            Delegate: No', source: 'urlacl-en-win10-01.txt', scopes: urlacl(...allLayouts) },
  { text: '            Delegate: Yes', source: 'inferred: every capture shows Delegate: No; docs/netsh.md §3.1 gives Yes|No', scopes: urlacl(...allLayouts) },
  { text: '            SDDL: {}', source: 'urlacl-en-win10-01.txt', scopes: urlacl('win10', '2022', '2025') },
  // Server 2012 R2 era: the same indentation with a trailing space after the header, dashes, URL and SDDL.
  { text: 'URL Reservations: ', source: 'urlacl-en-error-6-01.txt', scopes: urlacl('pre2012', '2012') },
  { text: '----------------- ', source: 'urlacl-en-error-6-01.txt', scopes: urlacl('pre2012', '2012') },
  { text: '    Reserved URL            : {} ', source: 'https://github.com/win-acme/win-acme/issues/1418 (comment of 2020-07-19: trailing spaces with the indentation of today)', scopes: urlacl('pre2012', '2012') },
  { text: '            SDDL: {} ', source: 'https://github.com/win-acme/win-acme/issues/1418 (same comment)', scopes: urlacl('pre2012', '2012') },
  { text: 'URL prenotati           : {}', source: 'urlacl-it-01.txt', scopes: urlacl('it') },
  { text: '    Utente: {}', source: 'urlacl-it-01.txt', scopes: urlacl('it') },
  { text: '        In ascolto: Yes', source: 'urlacl-it-01.txt', scopes: urlacl('it') },
  { text: '        In ascolto: No', source: 'inferred: the Italian capture shows Yes only', scopes: urlacl('it') },
  { text: '        Delega: No', source: 'urlacl-it-01.txt', scopes: urlacl('it') },
  { text: '        Delega: Yes', source: 'inferred: the Italian capture shows No only', scopes: urlacl('it') },
  { text: '        SDDL: {}', source: 'urlacl-it-01.txt', scopes: urlacl('it') },

  // ---- results and errors of changes ----
  { text: 'SSL Certificate successfully added', source: 'success-en-sslcert-01.txt' },
  { text: 'SSL Certificate successfully deleted', source: 'success-en-sslcert-01.txt' },
  {
    text: 'SSL Certificate successfully updated',
    source:
      'https://github.com/MilestoneSystemsInc/PowerShellSamples/issues/9 (Set-MobileServerCertificate, which runs `netsh http update sslcert` and checks its output for this line on real Windows 10; a script, not a capture)',
  },
  { text: 'URL reservation successfully added', source: 'success-en-urlacl-add-01.txt' },
  { text: 'URL reservation successfully deleted', source: 'https://github.com/kurrent-io/KurrentDB/issues/2053 (Windows 10 console, 2019-11-14)' },
  { text: 'SSL Certificate add failed, Error: 183', source: 'error-en-183-sslcert-add-01.txt', asCaptured: '  SSL Certificate add failed, Error: 183' },
  { text: 'SSL Certificate add failed, Error: 5', source: 'error-en-5-sslcert-add-01.txt' },
  { text: 'SSL Certificate update failed, Error: 5', source: 'inferred: the add wording with "update"; no capture of a failed update' },
  { text: 'SSL Certificate update failed, Error: 2', source: 'inferred: the add wording with "update"; no capture of a failed update' },
  { text: 'SSL Certificate deletion failed, Error: 2', source: 'a RestPS walkthrough (Start-RestPSListener output; found by exact search, repository not named by the index): "SSL Certificate deletion failed, Error: 2" / "The system cannot find the file specified."' },
  { text: 'SSL Certificate deletion failed, Error: 5', source: 'inferred: the Error: 2 wording with 5' },
  { text: 'Url reservation add failed, Error: 87', source: 'error-en-87-urlacl-add-01.txt' },
  { text: 'Url reservation add failed, Error: 183', source: 'https://github.com/StrangeLoopGames/EcoIssues/issues/7120 ("Url reservation add failed, Error: 183" / "Cannot create a file when that file already exists.")' },
  { text: 'Url reservation add failed, Error: 5', source: 'inferred: the Error: 87 wording with 5' },
  { text: 'URL reservation delete failed, Error: 87', source: 'error-en-87-urlacl-delete-01.txt' },
  { text: 'URL reservation delete failed, Error: 2', source: 'https://github.com/kurrent-io/KurrentDB/issues/2053 (with "The system cannot find the file specified.")' },
  { text: 'URL reservation delete failed, Error: 5', source: 'inferred: the Error: 2 wording with 5' },
  { text: 'The system cannot find the file specified.', source: 'https://github.com/kurrent-io/KurrentDB/issues/2053' },
  { text: 'Access is denied.', source: 'inferred: error-en-5-sslcert-add-01.txt is cut after the first line; this is the Win32 text of error 5' },
  { text: 'The parameter is incorrect.', source: 'error-en-87-urlacl-add-01.txt' },
  { text: 'Cannot create a file when that file already exists.', source: 'error-en-183-sslcert-add-01.txt', asCaptured: '  Cannot create a file when that file already exists.' },
  {
    text: 'Die URL-Reservierung konnte nicht hinzugefügt werden. Fehler: 183',
    source: 'error-de-183-urlacl-add-01.txt',
    asCaptured: 'Die URL-Reservierung konnte nicht hinzugefgt werden. Fehler: 183',
  },
  { text: 'Eine Datei kann nicht erstellt werden, wenn sie bereits vorhanden ist.', source: 'error-de-183-urlacl-add-01.txt' },
  { text: 'One or more essential parameters were not entered.', source: 'usage-en-2022-add-sslcert-01.txt' },
  { text: 'Verify the required parameters, and reenter them.', source: 'usage-en-2022-add-sslcert-01.txt' },
  { text: 'The syntax supplied for this command is not valid. Check help for the correct syntax.', source: 'usage-en-2022-add-sslcert-01.txt' },
  { text: 'Usage: add sslcert hostnameport=<name:port> | ipport=<ipaddr:port> | ccs=<port>', source: 'usage-en-2022-add-sslcert-01.txt' },
  // The capture shows the parameter lines indented by 8 spaces; netsh writes a tab, which the page turned into spaces (inferred).
  ...[
    'appid=<GUID>', '[certhash=<string>]', '[certstorename=<string>]', '[verifyclientcertrevocation=enable|disable]',
    '[verifyrevocationwithcachedclientcertonly=enable|disable]', '[usagecheck=enable|disable]', '[revocationfreshnesstime=<u-int>]',
    '[urlretrievaltimeout=<u-int>]', '[sslctlidentifier=<string>]', '[sslctlstorename=<string>]', '[dsmapperusage=enable|disable]',
    '[clientcertnegotiation=enable|disable]', '[reject=enable|disable]', '[disablehttp2=enable|disable]', '[disablequic=enable|disable]',
    '[disablelegacytls=enable|disable]', '[disabletls12=enable|disable]', '[disabletls13=enable|disable]', '[disableocspstapling=enable|disable]',
    '[enabletokenbinding=enable|disable]', '[logextendedevents=enable|disable]', '[enablesessionticket=enable|disable]',
  ].map((parameter) => ({ text: `\t${parameter}`, source: 'usage-en-2022-add-sslcert-01.txt', asCaptured: `        ${parameter}` })),
  {
    text: 'The following command was not found: {}.',
    source: 'https://github.com/MilestoneSystemsInc/PowerShellSamples/issues/9 ("The following command was not found: http update sslcert ipport=… appid={…}." on Server 2012 R2) and https://github.com/MicrosoftDocs/windowsserverdocs/issues/5875',
  },
  { text: 'HTTPAPI_NETSH_LAYOUT must be one of {}', source: 'not netsh: the double refuses a layout setting it does not know', scopes: ['setting'] },
  { text: '{}', source: 'inferred: the `json=enable` answer; its shape is from docs/netsh.md §1.2, no capture', scopes: ['json'] },
];

/** A line's pattern: `{}` is any value, the rest literal. */
export function patternOf(text) {
  return new RegExp(`^${text.split('{}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The entries that hold `line` printed in `scope`. */
export function entriesFor(line, scope) {
  return texts.filter((entry) => (!entry.scopes || entry.scopes.includes(scope)) && patternOf(entry.text).test(line));
}

const sourceCell = (source) => (source.endsWith('.txt') ? `capture \`${source}\`` : source);
const show = (text) => `\`${text.replace(/\t/g, '\\t').replace(/ +$/, (spaces) => '·'.repeat(spaces.length)) || '(blank)'}\``;

/** The list as the Markdown table in test/netsh-double/README.md (`·` marks a trailing space). */
export function renderTable() {
  const rows = texts.map((entry) => `| ${show(entry.text).replace(/\|/g, '\\|')} | ${(entry.scopes ?? ['all']).join(', ')} | ${sourceCell(entry.source).replace(/\|/g, '\\|')} |`);
  return ['| text | where | source |', '| --- | --- | --- |', ...rows].join('\n');
}

// `node test/netsh-double/texts-list.mjs` prints the table for the README.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) console.log(renderTable());
