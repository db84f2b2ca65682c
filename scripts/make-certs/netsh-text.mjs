/**
 * `netsh http show sslcert` / `show urlacl` text as Windows 10/11 and Server 2019 print it:
 * the layout of fixtures/corpus/netsh/sslcert-en-win10-01.txt (header and dashes as in
 * sslcert-en-win10-02.txt, one blank line after the dashes) and urlacl-en-win10-01.txt,
 * with CRLF line ends. Field lines are `4 spaces + label.padEnd(28) + " : " + value`.
 */
const crlf = (lines) => lines.join('\r\n');
const field = (label, value) => `    ${label.padEnd(28)} : ${value}`;

/** The fields after the key, in netsh's fixed order, with the values a fresh mapping has. */
const defaults = [
  ['Verify Client Certificate Revocation', 'Enabled'],
  ['Verify Revocation Using Cached Client Certificate Only', 'Disabled'],
  ['Usage Check', 'Enabled'],
  ['Revocation Freshness Time', '0'],
  ['URL Retrieval Timeout', '0'],
  ['Ctl Identifier', '(null)'],
  ['Ctl Store Name', '(null)'],
  ['DS Mapper Usage', 'Disabled'],
  ['Negotiate Client Certificate', 'Disabled'],
  ['Reject Connections', 'Disabled'],
  ['Disable HTTP2', 'Not Set'],
  ['Disable QUIC', 'Not Set'],
  ['Disable TLS1.2', 'Not Set'],
  ['Disable TLS1.3', 'Not Set'],
  ['Disable OCSP Stapling', 'Not Set'],
  ['Enable Token Binding', 'Not Set'],
  ['Log Extended Events', 'Not Set'],
  ['Disable Legacy TLS Versions', 'Not Set'],
  ['Enable Session Ticket', 'Not Set'],
];

/** @param {{kind: 'ipport'|'hostnameport', key: string, hash: string, appId: string, store: string, options?: Record<string, string>}[]} mappings */
export function renderSslCert(mappings) {
  const entries = mappings.map((mapping) =>
    crlf([
      field(mapping.kind === 'ipport' ? 'IP:port' : 'Hostname:port', mapping.key),
      field('Certificate Hash', mapping.hash),
      field('Application ID', mapping.appId),
      field('Certificate Store Name', mapping.store),
      ...defaults.map(([label, value]) => field(label, mapping.options?.[label] ?? value)),
      ' Extended Properties:',
      field('PropertyId', '0'),
      field('Receive Window', '1048576'),
      ' Extended Properties:',
      field('PropertyId', '1'),
      field('Max Settings Per Frame', '2796202'),
      field('Max Settings Per Minute', '4294967295'),
    ]),
  );
  return crlf(['', 'SSL Certificate bindings:', '-------------------------', '', entries.join('\r\n\r\n'), '', '']);
}

/** @param {{url: string, users: {user: string, listen: boolean, delegate: boolean}[], sddl: string}[]} reservations */
export function renderUrlAcl(reservations) {
  const yes = (flag) => (flag ? 'Yes' : 'No');
  const entries = reservations.map((reservation) =>
    crlf([
      `    ${'Reserved URL'.padEnd(24)}: ${reservation.url}`,
      ...reservation.users.flatMap((user) => [`        User: ${user.user}`, `            Listen: ${yes(user.listen)}`, `            Delegate: ${yes(user.delegate)}`]),
      `            SDDL: ${reservation.sddl}`,
    ]),
  );
  return crlf(['', 'URL Reservations:', '-----------------', '', entries.join('\r\n\r\n'), '', '']);
}
