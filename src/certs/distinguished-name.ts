/**
 * Distinguished names as Windows shows them (`CN=www.contoso.com, O=Contoso Ltd, C=US`),
 * so snapshot files and Windows stores read alike. Node's X509Certificate prints them the
 * other way round: one RDN per line, least specific first, RFC 4514 backslash escapes,
 * multi-valued RDNs joined by ` + `.
 */
export interface NameAttribute {
  type: string;
  value: string;
}

/** Node's attribute names where Windows uses other short names (CertNameToStr). */
const WindowsNames: Record<string, string> = {
  ST: 'S',
  emailAddress: 'E',
  serialNumber: 'SERIALNUMBER',
  title: 'T',
  GN: 'G',
  street: 'STREET',
};

/** Parses Node's X509Certificate.subject / .issuer text: RDNs most specific first. */
export function parseNodeName(text: string): NameAttribute[][] {
  if (!text) return [];
  return text
    .split('\n')
    .reverse()
    .map((rdn) => splitUnescaped(rdn, ' + ').map(parseAttribute));
}

export function formatWindowsName(rdns: readonly (readonly NameAttribute[])[]): string {
  return rdns.map((rdn) => rdn.map((attribute) => `${WindowsNames[attribute.type] ?? attribute.type}=${quote(attribute.value)}`).join(' + ')).join(', ');
}

/** The most specific common name, or null. */
export function commonNameOf(rdns: readonly (readonly NameAttribute[])[]): string | null {
  for (const rdn of rdns) {
    const cn = rdn.find((attribute) => attribute.type === 'CN');
    if (cn) return cn.value;
  }
  return null;
}

/** The most specific CN of a name in Windows form, for callers that only kept the subject text. */
export function commonNameOfWindowsName(subject: string): string | null {
  for (const part of splitWindowsName(subject)) {
    const match = /^\s*CN=(.*)$/s.exec(part);
    if (match) return unquote(match[1]!.trim());
  }
  return null;
}

function parseAttribute(text: string): NameAttribute {
  const equals = text.indexOf('=');
  return { type: text.slice(0, equals), value: unescapeRfc4514(text.slice(equals + 1)) };
}

/** RFC 4514 §2.4: `\` before a special character, or `\` and two hex digits of UTF-8. */
function unescapeRfc4514(value: string): string {
  const bytes: number[] = [];
  const out: string[] = [];
  const flush = () => {
    if (bytes.length > 0) out.push(Buffer.from(bytes.splice(0)).toString('utf8'));
  };
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === '\\' && /^[0-9a-fA-F]{2}$/.test(value.slice(index + 1, index + 3))) {
      bytes.push(parseInt(value.slice(index + 1, index + 3), 16));
      index += 2;
      continue;
    }
    flush();
    if (char === '\\' && index + 1 < value.length) {
      out.push(value[++index]!);
      continue;
    }
    out.push(char);
  }
  flush();
  return out.join('');
}

/** Splits on a separator that is not preceded by an escaping backslash. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') {
      index++;
      continue;
    }
    if (text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      start = index + separator.length;
      index = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Windows quotes a value holding a separator or edge spaces, doubling inner quotes. */
function quote(value: string): string {
  return /[,+="\n<>#;]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1).replace(/""/g, '"') : value;
}

/** Splits a Windows-form name on the commas and pluses that are outside quotes. */
function splitWindowsName(name: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of name) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === ',' || char === '+')) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}
