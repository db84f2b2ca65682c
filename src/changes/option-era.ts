import { HttpApiError, isHttpApiError } from '../errors.js';
import { bindingFlagOptions } from '../httpsys/binding-flag-options.js';
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
  const found = unknownOptions(mappings, options);
  if (found === null || typeof found === 'string') return found;
  const { unknown, era } = found;
  const list = unknown.map((spec) => `${parameterOf(spec)} (since ${introducedIn(spec.name)})`).join(', ');
  throw new HttpApiError(
    'INVALID_ARGUMENT',
    `options.${parameterOf(unknown[0]!)}: this Windows' netsh does not know ${list}: its show sslcert prints the option lines of ${era}, and netsh would fail with error 87 (the parameter is incorrect); nothing was changed. Leave ${unknown.length > 1 ? 'them' : 'it'} out on this server.`,
    { field: `options.${parameterOf(unknown[0]!)}`, value: unknown.map(parameterOf), era },
  );
}

/**
 * The same check for a binding change: its netsh steps carry the binding's sslFlags 4-64 as the
 * mapping's disable* options (binding-flag-options.ts), which an older netsh answers with a bare
 * error 87. The options of every step are checked (those carried from a mapping are printed by
 * this netsh, so they pass); the refusal names the sslFlags bit behind each unknown option.
 */
export function checkStepOptionsKnown(mappings: readonly SslMapping[], steps: readonly ({ options?: SslOptionInput } | null)[]): string | null {
  const options: SslOptionInput = Object.assign({}, ...steps.map((step) => step?.options ?? {}));
  const found = unknownOptions(mappings, options);
  if (found === null) return null;
  if (typeof found === 'string') return "The binding's sslFlags options were not checked against this Windows' netsh: no mapping shows which options it knows.";
  const { unknown, era } = found;
  const bits = unknown.map((spec) => {
    const flag = bindingFlagOptions.find((entry) => entry.parameter === parameterOf(spec));
    return `${parameterOf(spec)} (since ${introducedIn(spec.name)})${flag ? `, which carries sslFlags bit ${flag.bit} (${flag.flag})` : ''}`;
  });
  throw new HttpApiError(
    'INVALID_ARGUMENT',
    `sslFlags: this Windows' netsh does not know ${bits.join(', ')}: its show sslcert prints the option lines of ${era}, and netsh would fail with error 87 (the parameter is incorrect); nothing was changed. Leave ${unknown.length > 1 ? 'those bits' : 'that bit'} out on this server.`,
    { field: 'sslFlags', value: unknown.map(parameterOf), era },
  );
}

/** null: nothing to check or all known; a note: no mapping shows the era; else what this netsh does not know. */
function unknownOptions(mappings: readonly SslMapping[], options: SslOptionInput): null | string | { unknown: SslOptionSpec[]; era: string } {
  const given = specsOf(options);
  if (given.length === 0) return null;
  const printed = new Set(mappings.flatMap((mapping) => mapping.options.map((option) => option.name)).filter((name) => name !== 'unknown'));
  if (printed.size === 0) return 'The options given were not checked against this Windows\' netsh: no mapping shows which options it knows.';
  const unknown = given.filter((spec) => !printed.has(spec.name));
  return unknown.length === 0 ? null : { unknown, era: eraOf(printed) };
}

/** A run that netsh failed with 87 although options were given: which of them an older Windows does not know. */
export function explainParameterError(error: unknown, options: SslOptionInput): unknown {
  if (!isHttpApiError(error) || error.data.win32Error !== 87) return error;
  const newer = specsOf(options).filter((spec) => sslOptionOrders.findIndex((order) => order.includes(spec.name)) > 0);
  if (newer.length === 0) return error;
  const list = newer.map((spec) => `${parameterOf(spec)} (since ${introducedIn(spec.name)})`).join(', ');
  return new HttpApiError(error.id, `${error.message} Of the options given, ${list} ${newer.length > 1 ? 'are' : 'is'} not known to the netsh of an older Windows, which answers with this error: leave ${newer.length > 1 ? 'them' : 'it'} out on this server.`, { ...error.data, options: newer.map(parameterOf) });
}
