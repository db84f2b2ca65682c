import type { MappingKind } from './mapping-key.js';
import type { SslOption } from './ssl-mapping.js';
import { extendedPropertyByLabel, optionByLabel, type SslOptionSpec } from './ssl-options.js';
import { keyKindOfLabel, mainFieldOfLabel, type MainField } from './sslcert-labels.js';
import { normalizeLabel, splitAlignedFieldFirst } from './text-lines.js';

/** What a label means, worked out once per distinct label text and parse. */
export interface LabelInfo {
  label: string;
  keyKind: MappingKind | undefined;
  mainField: MainField | undefined;
  option: SslOptionSpec | undefined;
  extended: SslOptionSpec | undefined;
  known: boolean;
}

/** One `label : value` line of `show sslcert`; the same object for the same line in every entry. */
export interface Field {
  readonly info: LabelInfo;
  readonly value: string;
  /** The option this line was read as, made once for all entries that print the line. */
  option?: SslOption;
}

/**
 * Reads `label : value` lines of one parse. The n-th line of an entry nearly always repeats the
 * n-th line of the entry before (`    Disable QUIC                 : Not Set`), so a line equal to
 * the one read last at its position gives back the same field (fields are never changed), and a
 * label's meaning is worked out once: on a 300,000-line capture, slicing, looking up and allocating
 * once per line is what costs, not matching.
 */
export class SslcertLineReader {
  private readonly byText = new Map<string, LabelInfo>();
  private readonly last: ({ line: string; field: Field | undefined } | undefined)[] = [];
  /** The line read last, as a string. */
  line = '';

  /**
   * Reads the line of `text` between start and end, the `ordinal`-th line of its entry. Splits at
   * the last colon with white space before it (docs/domain.md §7); if that gives an unknown label but
   * the first such colon a known one, the value itself held ` :`. Undefined for lines without such
   * a colon.
   */
  read(text: string, start: number, end: number, ordinal: number): Field | undefined {
    const line = (this.line = text.slice(start, end));
    const last = this.last[ordinal];
    if (last !== undefined && last.line === line) return last.field;
    const field = this.split(text, start, end);
    if (ordinal < 64) this.last[ordinal] = { line, field };
    return field;
  }

  private split(text: string, start: number, end: number): Field | undefined {
    const at = this.lastSeparator(text, start, end);
    if (at < 0) return undefined;
    const info = this.labelInfo(text.slice(start, at));
    if (info.label === '') return undefined;
    if (!info.known) {
      const first = splitAlignedFieldFirst(text.slice(start, end));
      if (first && first.label !== info.label) {
        const firstInfo = this.labelInfo(first.label);
        if (firstInfo.known) return { info: firstInfo, value: first.value };
      }
    }
    let from = at + 2;
    let to = end;
    while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
    while (to > from && text.charCodeAt(to - 1) <= 32) to--;
    return { info, value: text.slice(from, to) };
  }

  private tabColon: boolean | undefined;
  private afterMiss = true;
  /** The next ` :` at or after the line being read (-1: none left); it only moves forward. */
  private nextSpace = -2;

  /**
   * Index of the white space before the last colon that has white space before it, or -1. Native
   * searches, kept linear on any text: after a line that had a separator, a backward search from
   * the line end stops in this line or the one before; after a line without one (where a backward
   * search could run far back), a forward search, resumed only once passed, first says whether the
   * line has one. Tab-colons are rare and looked for the slow way only in texts that have one.
   */
  private lastSeparator(text: string, start: number, end: number): number {
    this.tabColon ??= text.includes('\t:');
    if (this.tabColon) return lastSeparatorByHand(text, start, end);
    if (this.afterMiss) {
      if (this.nextSpace !== -1 && this.nextSpace < start) this.nextSpace = text.indexOf(' :', start);
      if (this.nextSpace === -1 || this.nextSpace + 1 >= end) return -1;
    }
    const at = end - start >= 2 ? text.lastIndexOf(' :', end - 2) : -1;
    this.afterMiss = at < start;
    return this.afterMiss ? -1 : at;
  }

  labelInfo(raw: string): LabelInfo {
    let info = this.byText.get(raw);
    if (info === undefined) {
      const label = raw.trim();
      const normalized = normalizeLabel(label);
      const keyKind = keyKindOfLabel(normalized);
      const mainField = mainFieldOfLabel(normalized);
      const option = optionByLabel(normalized);
      const extended = extendedPropertyByLabel(normalized);
      info = { label, keyKind, mainField, option, extended, known: Boolean(keyKind ?? mainField ?? option ?? extended) };
      this.byText.set(raw, info);
    }
    return info;
  }
}

function lastSeparatorByHand(text: string, start: number, end: number): number {
  for (let index = end - 1; index > start; index--) {
    if (text.charCodeAt(index) === 58) {
      const before = text.charCodeAt(index - 1);
      if (before === 32 || before === 9) return index - 1;
    }
  }
  return -1;
}
