// The texts the netsh double prints, copied from the real captures in fixtures/corpus/netsh
// (file named next to each). Where no capture exists the text is marked as inferred; the full
// list with sources is texts-list.mjs (rendered in README.md beside this file).

/** Option lines of `show sslcert` by the parameter that sets them; `type` says how the value prints. */
export const SslOptions = {
  verifyClientCertRevocation: { parameter: 'verifyclientcertrevocation', label: 'Verify Client Certificate Revocation', type: 'enabled', default: 'enable' },
  verifyRevocationWithCachedClientCertOnly: { parameter: 'verifyrevocationwithcachedclientcertonly', label: 'Verify Revocation Using Cached Client Certificate Only', type: 'enabled', default: 'disable' },
  usageCheck: { parameter: 'usagecheck', label: 'Usage Check', type: 'enabled', default: 'enable' },
  revocationFreshnessTime: { parameter: 'revocationfreshnesstime', label: 'Revocation Freshness Time', type: 'number', default: 0 },
  urlRetrievalTimeout: { parameter: 'urlretrievaltimeout', label: 'URL Retrieval Timeout', type: 'number', default: 0 },
  sslCtlIdentifier: { parameter: 'sslctlidentifier', label: 'Ctl Identifier', type: 'string', default: null },
  sslCtlStoreName: { parameter: 'sslctlstorename', label: 'Ctl Store Name', type: 'string', default: null },
  dsMapperUsage: { parameter: 'dsmapperusage', label: 'DS Mapper Usage', type: 'enabled', default: 'disable' },
  clientCertNegotiation: { parameter: 'clientcertnegotiation', label: 'Negotiate Client Certificate', type: 'enabled', default: 'disable' },
  // sslcert-en-win10-01.txt
  reject: { parameter: 'reject', label: 'Reject Connections', type: 'enabled', default: 'disable' },
  disableHttp2: { parameter: 'disablehttp2', label: 'Disable HTTP2', type: 'set', default: 'disable' },
  disableQuic: { parameter: 'disablequic', label: 'Disable QUIC', type: 'set', default: 'disable' },
  disableTls12: { parameter: 'disabletls12', label: 'Disable TLS1.2', type: 'set', default: 'disable' },
  disableTls13: { parameter: 'disabletls13', label: 'Disable TLS1.3', type: 'set', default: 'disable' },
  disableOcspStapling: { parameter: 'disableocspstapling', label: 'Disable OCSP Stapling', type: 'set', default: 'disable' },
  enableTokenBinding: { parameter: 'enabletokenbinding', label: 'Enable Token Binding', type: 'set', default: 'disable' },
  logExtendedEvents: { parameter: 'logextendedevents', label: 'Log Extended Events', type: 'set', default: 'disable' },
  disableLegacyTls: { parameter: 'disablelegacytls', label: 'Disable Legacy TLS Versions', type: 'set', default: 'disable' },
  enableSessionTicket: { parameter: 'enablesessionticket', label: 'Enable Session Ticket', type: 'set', default: 'disable' },
  // sslcert-en-2025-01.txt; `enablecachingclienthello` is no netsh parameter, only a state field.
  disableSessionId: { parameter: 'disablesessionid', label: 'Disable Session ID', type: 'set', default: 'disable' },
  enableCachingClientHello: { parameter: 'enablecachingclienthello', label: 'Enable Caching Client Hello', type: 'set', default: 'disable' },
};

const classic = ['verifyClientCertRevocation', 'verifyRevocationWithCachedClientCertOnly', 'usageCheck', 'revocationFreshnessTime', 'urlRetrievalTimeout', 'sslCtlIdentifier', 'sslCtlStoreName', 'dsMapperUsage', 'clientCertNegotiation'];
const win10 = [...classic, 'reject', 'disableHttp2', 'disableQuic', 'disableTls12', 'disableTls13', 'disableOcspStapling', 'enableTokenBinding', 'logExtendedEvents', 'disableLegacyTls', 'enableSessionTicket'];
const newest = [...win10, 'disableSessionId', 'enableCachingClientHello'];
const parametersOf = (names) => names.map((name) => SslOptions[name].parameter).filter((parameter) => parameter !== 'enablecachingclienthello');

/** `    Label                        : value` (sslcert-en-13field-01, -win10-01, -2025-01). */
const aligned = (label, value) => `    ${label.padEnd(28)} : ${value}`;

/** The old irregular padding and trailing spaces, line by line from sslcert-en-pre2012-01. */
const pre2012Prefixes = {
  'IP:port': ['IP:port                 : ', ' '],
  'Hostname:port': ['Hostname:port           : ', ' '],
  'Certificate Hash': ['Certificate Hash        : ', ''],
  'Application ID': ['Application ID          : ', ' '],
  'Certificate Store Name': ['Certificate Store Name  : ', ' '],
  'Verify Client Certificate Revocation': ['Verify Client Certificate Revocation    : ', ''],
  'Verify Revocation Using Cached Client Certificate Only': ['Verify Revocation Using Cached Client Certificate Only    : ', ''],
  'Usage Check': ['Usage Check    : ', ''],
  'Revocation Freshness Time': ['Revocation Freshness Time : ', ' '],
  'URL Retrieval Timeout': ['URL Retrieval Timeout   : ', ' '],
  'Ctl Identifier': ['Ctl Identifier          : ', ' '],
  'Ctl Store Name': ['Ctl Store Name          : ', ' '],
  'DS Mapper Usage': ['DS Mapper Usage    : ', ''],
  'Negotiate Client Certificate': ['Negotiate Client Certificate    : ', ''],
};
const pre2012 = (label, value) => {
  const [prefix, suffix] = pre2012Prefixes[label] ?? [`${label} : `, ''];
  return `    ${prefix}${value}${suffix}`;
};

/** sslcert-en-win10-01 and -2025-01: two blocks after the options. */
const extendedProperties = [
  ' Extended Properties:',
  aligned('PropertyId', '0'),
  aligned('Receive Window', '1048576'),
  ' Extended Properties:',
  aligned('PropertyId', '1'),
  aligned('Max Settings Per Frame', '2796202'),
  aligned('Max Settings Per Minute', '4294967295'),
];

// IP:port and Hostname:port are in the captures; the CCS labels are inferred (docs/netsh.md §2.3).
const keyLabels = { ipport: 'IP:port', hostnameport: 'Hostname:port', ccs: 'Central Certificate Store', scopedccs: 'Scoped CCS:port' };

/** urlacl-en-server-01 / -win10-01: current Windows. */
const modernUrlacl = {
  header: ['', 'URL Reservations:', '-----------------', ''],
  url: (url) => `    Reserved URL            : ${url}`,
  user: (user) => [`        User: ${user.user}`, `            Listen: ${user.listen ? 'Yes' : 'No'}`, `            Delegate: ${user.delegate ? 'Yes' : 'No'}`],
  sddl: (sddl) => `            SDDL: ${sddl}`,
};

/** urlacl-en-2008r2-01 and urlacl-en-error-6-01 (NT 6.2): trailing spaces after the header, dashes, URL and SDDL. */
const trailingUrlacl = {
  header: ['URL Reservations: ', '----------------- ', ''],
  url: (url) => `    Reserved URL            : ${url} `,
  user: modernUrlacl.user,
  sddl: (sddl) => `            SDDL: ${sddl} `,
};

export const Layouts = {
  // sslcert-en-pre2012-01/-03; header as in sslcert-en-13field-ipv6-01.
  pre2012: { leadingBlank: false, blankLines: 1, options: classic, parameters: parametersOf(classic), line: pre2012, keyLabels, urlacl: trailingUrlacl },
  // sslcert-en-2012r2-hostname-01: leading blank line, one blank after the dashes.
  2012: { leadingBlank: true, blankLines: 1, options: classic, parameters: parametersOf(classic), line: aligned, keyLabels, urlacl: trailingUrlacl },
  // sslcert-en-win10-02 (header) and -win10-01 (fields).
  win10: { leadingBlank: false, blankLines: 1, options: win10, parameters: parametersOf(win10), line: aligned, keyLabels, extendedProperties, urlacl: modernUrlacl },
  // sslcert-en-2022-01: three blank lines after the dashes; usage-en-2022-add-sslcert-01 for the parameters.
  2022: { leadingBlank: true, blankLines: 3, options: win10, parameters: parametersOf(win10), line: aligned, keyLabels, extendedProperties, urlacl: modernUrlacl },
  // sslcert-en-2025-01 (its header is not in the capture: the 2022 one is used).
  2025: { leadingBlank: true, blankLines: 3, options: newest, parameters: parametersOf(newest), line: aligned, keyLabels, extendedProperties, urlacl: modernUrlacl },
};

/** urlacl-it-01: Italian labels, Yes/No left in English; printed as captured (no header in the capture). */
export const LocalizedUrlacl = {
  it: {
    header: [],
    url: (url) => `URL prenotati           : ${url}`,
    user: (user) => [`    Utente: ${user.user}`, `        In ascolto: ${user.listen ? 'Yes' : 'No'}`, `        Delega: ${user.delegate ? 'Yes' : 'No'}`],
    sddl: (sddl) => `        SDDL: ${sddl}`,
  },
};

const systemMessages = {
  2: 'The system cannot find the file specified.', // kurrent-io/KurrentDB#2053 (URL reservation delete failed, Error: 2)
  5: 'Access is denied.', // inferred: error-en-5-sslcert-add-01 is cut after its first line; the Win32 text
  87: 'The parameter is incorrect.', // error-en-87-urlacl-add-01
  183: 'Cannot create a file when that file already exists.', // error-en-183-sslcert-add-01
};

export const Messages = {
  /**
   * `<Object> <verb> failed, Error: N` + message (error-en-*; `Url` for urlacl add, `URL` for delete).
   * Seen: sslcert add 183/5, deletion 2 (a RestPS walkthrough), urlacl add 87/183 (EcoIssues#7120),
   * delete 87/2 (KurrentDB#2053). Inferred: update (any N), deletion 5, urlacl add/delete 5.
   */
  failed: (object, number) => ['', `${object} failed, Error: ${number}`, systemMessages[number], ''],
  /** error-de-183-urlacl-add-01, with the `ü` the capture lost in decoding. */
  germanUrlaclAddFailed: (number) => [`Die URL-Reservierung konnte nicht hinzugefügt werden. Fehler: ${number}`, '', 'Eine Datei kann nicht erstellt werden, wenn sie bereits vorhanden ist.', ''],
  /** error-en-paramincorrect-sslcert-add-01. */
  parameterIncorrect: ['The parameter is incorrect.', ''],
  /** The first lines of usage-en-2022-add-sslcert-01 (commands without a captured usage block print only these). */
  essentialParameters: [
    '',
    'One or more essential parameters were not entered.',
    'Verify the required parameters, and reenter them.',
    'The syntax supplied for this command is not valid. Check help for the correct syntax.',
    '',
  ],
  notFound: systemMessages[2],
};

/** usage-en-2022-add-sslcert-01 (8 spaces there; that netsh indents with a tab is inferred). */
export const UsageAddSslcert = [
  ...Messages.essentialParameters,
  'Usage: add sslcert hostnameport=<name:port> | ipport=<ipaddr:port> | ccs=<port>',
  ...[
    'appid=<GUID>',
    '[certhash=<string>]',
    '[certstorename=<string>]',
    '[verifyclientcertrevocation=enable|disable]',
    '[verifyrevocationwithcachedclientcertonly=enable|disable]',
    '[usagecheck=enable|disable]',
    '[revocationfreshnesstime=<u-int>]',
    '[urlretrievaltimeout=<u-int>]',
    '[sslctlidentifier=<string>]',
    '[sslctlstorename=<string>]',
    '[dsmapperusage=enable|disable]',
    '[clientcertnegotiation=enable|disable]',
    '[reject=enable|disable]',
    '[disablehttp2=enable|disable]',
    '[disablequic=enable|disable]',
    '[disablelegacytls=enable|disable]',
    '[disabletls12=enable|disable]',
    '[disabletls13=enable|disable]',
    '[disableocspstapling=enable|disable]',
    '[enabletokenbinding=enable|disable]',
    '[logextendedevents=enable|disable]',
    '[enablesessionticket=enable|disable]',
  ].map((line) => `\t${line}`),
  '',
];
