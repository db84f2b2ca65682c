import { normalizeLabel } from './text-lines.js';

/** How an option's printed value is typed: Enabled/Disabled and Set/Not Set are booleans. */
export type SslOptionType = 'boolean' | 'uint' | 'string';

export type SslOptionValue = string | number | boolean | null;

/**
 * One option line of `netsh http show sslcert`: its stable name, the English label netsh
 * prints, the `add/update sslcert` parameter that sets it (null where netsh has none), and
 * how its value is typed. Sources: docs/netsh.md §1.3, §2.4, §4.3.
 */
export interface SslOptionSpec {
  name: string;
  label: string;
  parameter: string | null;
  type: SslOptionType;
  /** What netsh sets when the parameter is not given (docs/netsh.md §1.3); undefined when not documented. */
  defaultValue?: SslOptionValue;
}

const spec = (name: string, label: string, parameter: string | null, type: SslOptionType, defaultValue?: SslOptionValue): SslOptionSpec => ({
  name,
  label,
  parameter,
  type,
  ...(defaultValue === undefined ? {} : { defaultValue }),
});

/** Every option line known, in the order the newest Windows prints them. */
export const sslOptionCatalog: readonly SslOptionSpec[] = [
  spec('verifyClientCertRevocation', 'Verify Client Certificate Revocation', 'verifyclientcertrevocation', 'boolean', true),
  spec('verifyRevocationWithCachedClientCertOnly', 'Verify Revocation Using Cached Client Certificate Only', 'verifyrevocationwithcachedclientcertonly', 'boolean', false),
  // Dec-2025 builds print these three here (segor/SslCertBinding.Net da67ec1); netsh has no parameter for them yet.
  spec('useRevocationFreshnessTime', 'Use Revocation Freshness Time', null, 'boolean'),
  spec('verifyRevocationUsingCachedUrlsOnly', 'Verify Revocation Using Cached URLs Only', null, 'boolean'),
  spec('disableAuthorityInfoAccess', 'Disable Authority Info Access', null, 'boolean'),
  spec('usageCheck', 'Usage Check', 'usagecheck', 'boolean', true),
  spec('revocationFreshnessTime', 'Revocation Freshness Time', 'revocationfreshnesstime', 'uint', 0),
  spec('urlRetrievalTimeout', 'URL Retrieval Timeout', 'urlretrievaltimeout', 'uint', 0),
  spec('sslCtlIdentifier', 'Ctl Identifier', 'sslctlidentifier', 'string', null),
  spec('sslCtlStoreName', 'Ctl Store Name', 'sslctlstorename', 'string', null),
  spec('dsMapperUsage', 'DS Mapper Usage', 'dsmapperusage', 'boolean', false),
  spec('clientCertNegotiation', 'Negotiate Client Certificate', 'clientcertnegotiation', 'boolean', false),
  spec('reject', 'Reject Connections', 'reject', 'boolean', false),
  spec('disableHttp2', 'Disable HTTP2', 'disablehttp2', 'boolean', false),
  spec('disableQuic', 'Disable QUIC', 'disablequic', 'boolean', false),
  spec('disableTls12', 'Disable TLS1.2', 'disabletls12', 'boolean', false),
  spec('disableTls13', 'Disable TLS1.3', 'disabletls13', 'boolean', false),
  spec('disableOcspStapling', 'Disable OCSP Stapling', 'disableocspstapling', 'boolean', false),
  spec('enableTokenBinding', 'Enable Token Binding', 'enabletokenbinding', 'boolean', false),
  spec('logExtendedEvents', 'Log Extended Events', 'logextendedevents', 'boolean', false),
  spec('disableLegacyTls', 'Disable Legacy TLS Versions', 'disablelegacytls', 'boolean', false),
  spec('enableSessionTicket', 'Enable Session Ticket', 'enablesessionticket', 'boolean', false),
  spec('disableSessionId', 'Disable Session ID', 'disablesessionid', 'boolean', false),
  spec('enableCachingClientHello', 'Enable Caching Client Hello', null, 'boolean'),
];

/** Fields inside ` Extended Properties:` blocks (docs/netsh.md §2.6). */
export const extendedPropertyCatalog: readonly SslOptionSpec[] = [
  spec('propertyId', 'PropertyId', 'propertyid', 'uint'),
  spec('receiveWindow', 'Receive Window', 'receivewindow', 'uint'),
  spec('maxSettingsPerFrame', 'Max Settings Per Frame', 'maxsettingsperframe', 'uint'),
  spec('maxSettingsPerMinute', 'Max Settings Per Minute', 'maxsettingsperminute', 'uint'),
];

/** Fields of each known PropertyId after the PropertyId line, for blocks whose labels are not English. */
export const extendedPropertyFieldsById: Readonly<Record<number, readonly string[]>> = {
  0: ['receiveWindow'],
  1: ['maxSettingsPerFrame', 'maxSettingsPerMinute'],
};

const names = (...list: string[]) => list;
const classic = names(
  'verifyClientCertRevocation', 'verifyRevocationWithCachedClientCertOnly', 'usageCheck', 'revocationFreshnessTime', 'urlRetrievalTimeout',
  'sslCtlIdentifier', 'sslCtlStoreName', 'dsMapperUsage', 'clientCertNegotiation',
);
const win10 = [...classic, 'reject', 'disableHttp2', 'disableQuic', 'disableTls12', 'disableTls13', 'disableOcspStapling', 'enableTokenBinding', 'logExtendedEvents', 'disableLegacyTls', 'enableSessionTicket'];
const newest = [...win10, 'disableSessionId', 'enableCachingClientHello'];
const dec2025 = [...classic.slice(0, 2), 'useRevocationFreshnessTime', 'verifyRevocationUsingCachedUrlsOnly', 'disableAuthorityInfoAccess', ...newest.slice(2)];

/**
 * The option lines of each Windows era in printed order (docs/netsh.md §2.4). When no
 * option label is recognized (a localized Windows), options are named by their position in
 * the era whose line count matches.
 */
export const sslOptionOrders: readonly (readonly string[])[] = [classic, [...classic, 'reject', 'disableHttp2'], win10, newest, dec2025];

const byName = new Map([...sslOptionCatalog, ...extendedPropertyCatalog].map((option) => [option.name, option]));
const byLabel = new Map(sslOptionCatalog.map((option) => [normalizeLabel(option.label), option]));
const extendedByLabel = new Map(extendedPropertyCatalog.map((option) => [normalizeLabel(option.label), option]));
const byParameter = new Map(
  [...sslOptionCatalog, ...extendedPropertyCatalog].flatMap((option) => [
    [option.name.toLowerCase(), option] as const,
    ...(option.parameter ? [[option.parameter, option] as const] : []),
  ]),
);

export function optionByName(name: string): SslOptionSpec | undefined {
  return byName.get(name);
}

export function optionByLabel(normalizedLabel: string): SslOptionSpec | undefined {
  return byLabel.get(normalizedLabel);
}

export function extendedPropertyByLabel(normalizedLabel: string): SslOptionSpec | undefined {
  return extendedByLabel.get(normalizedLabel);
}

/** By netsh parameter or stable name, any case: `clientcertnegotiation`, `clientCertNegotiation`. */
export function optionByParameter(parameterOrName: string): SslOptionSpec | undefined {
  return byParameter.get(parameterOrName.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

const trueWords = new Set(['enabled', 'set', 'yes']);
const falseWords = new Set(['disabled', 'not set', 'no']);

/** Enabled/Set/Yes → true, Disabled/Not Set/No → false (printed in English even on localized Windows). */
export function booleanWord(raw: string): boolean | undefined {
  // The words as netsh prints them first: this runs for every option line.
  if (raw === 'Enabled' || raw === 'Set' || raw === 'Yes') return true;
  if (raw === 'Disabled' || raw === 'Not Set' || raw === 'No') return false;
  const word = raw.toLowerCase();
  if (trueWords.has(word)) return true;
  if (falseWords.has(word)) return false;
  return undefined;
}

const uint = /^\d{1,15}$/;

/** Types a printed value for its option; a value of an unexpected shape stays the string printed. */
export function typeOptionValue(type: SslOptionType, raw: string): SslOptionValue {
  if (raw === '' || raw === '(null)') return null;
  if (type === 'boolean') return booleanWord(raw) ?? raw;
  if (type === 'uint') return uint.test(raw) ? Number(raw) : raw;
  return raw;
}

/** Does the value have the shape its option expects? (Used to name localized lines by position.) */
export function fitsOptionType(type: SslOptionType, raw: string): boolean {
  if (type === 'boolean') return booleanWord(raw) !== undefined;
  if (type === 'uint') return uint.test(raw);
  return true;
}

/** Types a value of an unknown line by its shape alone. */
export function inferOptionValue(raw: string): SslOptionValue {
  if (raw === '' || raw === '(null)') return null;
  const word = booleanWord(raw);
  if (word !== undefined) return word;
  return uint.test(raw) ? Number(raw) : raw;
}
