import { HttpApiError, isHttpApiError } from '../errors.js';
import type { SslOptionInput } from '../httpsys/netsh-commands.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import { optionByParameter, sslOptionOrders, type SslOptionSpec } from '../httpsys/ssl-options.js';

// The eras of sslOptionOrders, in its order (docs/netsh.md §2.4; the intermediate one is inferred there).
const eraNames = ['Windows 8 / Server 2012 R2 and older', 'an early Windows 10 / Server 2016 build', 'Windows 10/11 and Server 2016-2022', 'Windows Server 2025', 'the newest Windows builds (December 2025)'];

/** The era whose option lines are exactly these, or a description by count. */
function eraOf(printed: ReadonlySet<string>): string {
  const index = sslOptionOrders.findIndex((order) => order.length === printed.size && order.every((name) => printed.has(name)));
  return index >= 0 ? eraNames[index]! : `a layout of ${printed.size} option lines`;
}

/** The first era whose `show sslcert` prints the option: netsh knows its parameter since then. */
function introducedIn(name: string): string {
  const index = sslOptionOrders.findIndex((order) => order.includes(name));
  return index >= 0 ? eraNames[index]! : 'an unknown Windows version';
}

const specsOf = (options: SslOptionInput) => Object.keys(options).flatMap((name) => optionByParameter(name) ?? []);
const parameterOf = (spec: SslOptionSpec) => spec.parameter ?? spec.name;

/**
 * netsh sets only the options its own `show sslcert` prints (docs/netsh.md §2.4): an older
 * Windows answers a newer parameter with error 87 after nothing more than "The parameter is
 * incorrect". The mappings read first show which era this netsh is; an option given that it
 * does not print is refused before anything runs. Without any mapping to show it, the era is
 * unknown and the answer says so.
 */
export function checkOptionsKnown(mappings: readonly SslMapping[], options: SslOptionInput): string | null {
  const given = specsOf(options);
  if (given.length === 0) return null;
  const printed = new Set(mappings.flatMap((mapping) => mapping.options.map((option) => option.name)).filter((name) => name !== 'unknown'));
  if (printed.size === 0) return 'The options given were not checked against this Windows\' netsh: no mapping shows which options it knows.';
  const unknown = given.filter((spec) => !printed.has(spec.name));
  if (unknown.length === 0) return null;
  const era = eraOf(printed);
  const list = unknown.map((spec) => `${parameterOf(spec)} (since ${introducedIn(spec.name)})`).join(', ');
  throw new HttpApiError(
    'INVALID_ARGUMENT',
    `options.${parameterOf(unknown[0]!)}: this Windows' netsh does not know ${list}: its show sslcert prints the option lines of ${era}, and netsh would fail with error 87 (the parameter is incorrect); nothing was changed. Leave ${unknown.length > 1 ? 'them' : 'it'} out on this server.`,
    { field: `options.${parameterOf(unknown[0]!)}`, value: unknown.map(parameterOf), era },
  );
}

/** A run that netsh failed with 87 although options were given: which of them an older Windows does not know. */
export function explainParameterError(error: unknown, options: SslOptionInput): unknown {
  if (!isHttpApiError(error) || error.data.win32Error !== 87) return error;
  const newer = specsOf(options).filter((spec) => sslOptionOrders.findIndex((order) => order.includes(spec.name)) > 0);
  if (newer.length === 0) return error;
  const list = newer.map((spec) => `${parameterOf(spec)} (since ${introducedIn(spec.name)})`).join(', ');
  return new HttpApiError(error.id, `${error.message} Of the options given, ${list} ${newer.length > 1 ? 'are' : 'is'} not known to the netsh of an older Windows, which answers with this error: leave ${newer.length > 1 ? 'them' : 'it'} out on this server.`, { ...error.data, options: newer.map(parameterOf) });
}
