// `netsh http show sslcert` and `show urlacl` text as Windows 10/11 and Server 2019+ print it.
// sslcert: the header and the 20 fields of corpus/netsh/sslcert-en-win10-02.txt, in that order,
// with its label column (labels padded to 28, then ` : `; longer labels keep one space);
// one blank line after the dashes and after every entry. urlacl: corpus/netsh/urlacl-en-win10-01.txt.
// Both with CRLF line ends, as netsh writes them (docs/domain.md §7).

const label = (name, value) => `    ${name.padEnd(28)} : ${value}`;

/**
 * @param {{ kind: 'ipport' | 'hostnameport', key: string, hash: string, appId: string, store: string }[]} mappings
 */
export function sslcertText(mappings) {
  const out = ['', 'SSL Certificate bindings:', '-------------------------', ''];
  for (const mapping of mappings) {
    out.push(
      label(mapping.kind === 'ipport' ? 'IP:port' : 'Hostname:port', mapping.key),
      label('Certificate Hash', mapping.hash),
      label('Application ID', mapping.appId),
      label('Certificate Store Name', mapping.store),
      label('Verify Client Certificate Revocation', 'Enabled'),
      label('Verify Revocation Using Cached Client Certificate Only', 'Disabled'),
      label('Usage Check', 'Enabled'),
      label('Revocation Freshness Time', '0'),
      label('URL Retrieval Timeout', '0'),
      label('Ctl Identifier', '(null)'),
      label('Ctl Store Name', '(null)'),
      label('DS Mapper Usage', 'Disabled'),
      label('Negotiate Client Certificate', 'Disabled'),
      label('Reject Connections', 'Disabled'),
      label('Disable HTTP2', 'Not Set'),
      label('Disable QUIC', 'Not Set'),
      label('Disable TLS1.2', 'Not Set'),
      label('Disable TLS1.3', 'Not Set'),
      label('Disable OCSP Stapling', 'Not Set'),
      label('Disable Legacy TLS Versions', 'Not Set'),
      '',
    );
  }
  return `${out.join('\r\n')}\r\n`;
}

/** @param {{ url: string, users: string[], sddl: string }[]} reservations */
export function urlaclText(reservations) {
  const out = ['', 'URL Reservations:', '-----------------', ''];
  for (const reservation of reservations) {
    out.push(`    Reserved URL            : ${reservation.url}`);
    for (const user of reservation.users) out.push(`        User: ${user}`, '            Listen: Yes', '            Delegate: No');
    out.push(`            SDDL: ${reservation.sddl}`, '');
  }
  return `${out.join('\r\n')}\r\n`;
}
