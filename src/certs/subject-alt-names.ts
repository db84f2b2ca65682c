/** The parts of a subjectAltName extension that name a TLS server. */
export interface SubjectAltNames {
  dnsNames: string[];
  ipAddresses: string[];
}

/**
 * Reads Node's X509Certificate.subjectAltName text: `DNS:a.com, IP Address:10.0.0.5`, where
 * a value holding a comma or quote is written as a JSON string (`DNS:"a\u002cb.com"`).
 * Other kinds (email, URI, ...) are skipped.
 */
export function parseSubjectAltNames(text: string | undefined): SubjectAltNames {
  const names: SubjectAltNames = { dnsNames: [], ipAddresses: [] };
  if (!text) return names;
  const entry = /([A-Za-z][A-Za-z ]*):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/y;
  let match: RegExpExecArray | null;
  while (entry.lastIndex < text.length && (match = entry.exec(text)) !== null) {
    const raw = match[2]!;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    if (match[1] === 'DNS') names.dnsNames.push(value);
    else if (match[1] === 'IP Address') names.ipAddresses.push(canonicalIp(value));
  }
  return names;
}

/** IPv4 as is; IPv6 in RFC 5952 form (OpenSSL prints `2001:DB8:0:0:0:0:0:5`). */
export function canonicalIp(address: string): string {
  if (!address.includes(':')) return address;
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address.toLowerCase();
  }
}
