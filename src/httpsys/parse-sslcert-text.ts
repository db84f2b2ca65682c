import { kindOfKeyShape, parseMappingKey, type MappingKind } from './mapping-key.js';
import { normalizeAppId, normalizeCertificateHash, normalizeStoreName, type ExtendedPropertyBlock, type SslMapping, type SslOption } from './ssl-mapping.js';
import { extendedPropertyFieldsById, fitsOptionType, inferOptionValue, optionByName, sslOptionOrders, typeOptionValue, type SslOptionSpec } from './ssl-options.js';
import { mainFieldOrder } from './sslcert-labels.js';
import { SslcertLineReader, type Field } from './sslcert-line-reader.js';
import { type BlockDraft, type EntryTail, type FinishedTail, tailEndAt } from './sslcert-entry-tail.js';
import { isBlankRange, isDashRange, LineCursor, type UnplacedLine } from './text-lines.js';

export interface SslcertTextParse {
  mappings: SslMapping[];
  /** Lines that are neither frame (header, dashes, blank) nor part of an entry. */
  unplaced: UnplacedLine[];
}

interface Draft {
  kind: MappingKind;
  key: Field;
  /** The key label was not recognized; the kind comes from the value's shape. */
  kindFromShape: boolean;
  fields: Field[];
  blocks: BlockDraft[];
  /** The tail taken again for this entry, if it was. */
  tail?: EntryTail;
}

/** Where the tail of the open entry started (see EntryTail), to keep it when the entry ends. */
interface TailStart {
  offset: number;
  number: number;
  unplaced: number;
}

/**
 * Parses `netsh http show sslcert` text of any Windows era (docs/domain.md §7, docs/netsh.md §2)
 * by structure, never by line numbers: an entry starts at a key line and runs to the next blank
 * line or key line; ` Extended Properties:` lines open sub-blocks. Never throws: whatever it cannot
 * give a meaning to is returned in `unplaced`.
 */
export function parseSslcertText(text: string): SslcertTextParse {
  const mappings: SslMapping[] = [];
  const unplaced: UnplacedLine[] = [];
  const reader = new SslcertLineReader();
  const blockLabels = new Map<string, string>();
  let ordinal = 0;
  let draft: Draft | undefined;
  let block: BlockDraft | undefined;
  let atBlockStart = true;
  let tail: EntryTail | undefined;
  let tailStart: TailStart | undefined;
  let lastEnd = 0;
  let lastNumber = 0;
  const close = (atBlankLine: boolean) => {
    if (draft && atBlankLine && tailStart && unplaced.length === tailStart.unplaced && draft.fields.length > 3) {
      const lines = lastNumber - tailStart.number + 1;
      tail = { text: text.slice(tailStart.offset, lastEnd), lines, fields: draft.fields.slice(3), blocks: draft.blocks.slice() };
    }
    if (draft) mappings.push(finish(draft));
    draft = block = tailStart = undefined;
    atBlockStart = true;
    ordinal = 0;
  };

  const cursor = new LineCursor(text);
  while (cursor.advance()) {
    const { start, end, number } = cursor;
    const dashes = isDashRange(text, start, end);
    if (dashes || isBlankRange(text, start, end)) {
      close(!dashes);
      continue;
    }
    if (draft && !block && !tailStart && draft.fields.length === 3) {
      const next = tail ? tailEndAt(text, start, tail) : -1;
      if (tail && next >= 0) {
        draft.fields.push(...tail.fields);
        draft.blocks.push(...tail.blocks);
        draft.tail = tail;
        cursor.jump(next, tail.lines - 1);
        continue;
      }
      tailStart = { offset: start, number, unplaced: unplaced.length };
    }
    lastEnd = end;
    lastNumber = number;
    const field = reader.read(text, start, end, ordinal++);
    if (!field) {
      const line = reader.line;
      const trimmed = line.trim();
      if (trimmed.endsWith(':') && draft) {
        block = { label: blockLabels.get(line) ?? remember(blockLabels, line, trimmed.slice(0, -1).trim()), fields: [] };
        draft.blocks.push(block);
      } else if (trimmed.endsWith(':')) {
        // The list header (`SSL Certificate bindings:`, localized elsewhere).
        atBlockStart = true;
      } else {
        unplaced.push({ line: number, text: line });
        atBlockStart = false;
      }
      continue;
    }
    const keyKind = field.info.keyKind;
    if (keyKind) {
      close(false);
      ordinal = 1;
      draft = { kind: keyKind, key: field, kindFromShape: false, fields: [], blocks: [] };
    } else if (draft) {
      (block ?? draft).fields.push(field);
    } else if (atBlockStart && field.value === '') {
      // A localized header whose label ends in ` :` (French style).
      continue;
    } else {
      const shapeKind = atBlockStart && !field.info.known ? kindOfKeyShape(field.value) : undefined;
      if (shapeKind) draft = { kind: shapeKind, key: field, kindFromShape: true, fields: [], blocks: [] };
      else unplaced.push({ line: number, text: text.slice(start, end) });
    }
    atBlockStart = false;
  }
  close(true);
  return { mappings, unplaced };
}

function finish(draft: Draft): SslMapping {
  const notes: string[] = [];
  const key = draft.key.value;
  const parts = parseMappingKey(draft.kind, key);
  if (parts.problem) notes.push(`key ${parts.problem}`);
  if (draft.kindFromShape) notes.push(`key label '${draft.key.info.label}' is not a known label; kind ${draft.kind} taken from the key's shape`);

  // Hash, app id and store name: by their label, or (labels not recognized) by their place, first.
  const main: (string | undefined)[] = [undefined, undefined, undefined];
  const optionFields: Field[] = [];
  let positionalMain = false;
  for (let index = 0; index < draft.fields.length; index++) {
    const field = draft.fields[index]!;
    const known = field.info.mainField === undefined ? -1 : mainFieldOrder.indexOf(field.info.mainField);
    if (known >= 0 && main[known] === undefined) {
      main[known] = field.value;
    } else if (known < 0 && !field.info.option && optionFields.length === 0 && index < 3 && main[index] === undefined) {
      main[index] = field.value;
      positionalMain = true;
    } else {
      optionFields.push(field);
    }
  }
  if (positionalMain) notes.push('certificate hash, application id and store name lines have labels not recognized; placed by their position');

  const certificateHashRaw = main[0] ?? null;
  const appIdRaw = main[1] ?? null;
  const certificateStoreNameRaw = main[2] ?? null;
  const certificateHash = normalizeCertificateHash(certificateHashRaw, draft.kind, notes);
  const appId = normalizeAppId(appIdRaw, notes);
  const rest = finishRest(draft, optionFields);
  notes.push(...rest.notes);
  return {
    kind: draft.kind,
    key,
    keyLabel: draft.key.info.label,
    address: parts.address,
    host: parts.host,
    port: parts.port,
    certificateHash,
    certificateHashRaw,
    appId,
    appIdRaw,
    certificateStoreName: normalizeStoreName(certificateStoreNameRaw),
    certificateStoreNameRaw,
    options: rest.options.slice(),
    extendedProperties: rest.blocks.slice(),
    notes,
  };
}

/**
 * The options and extended property blocks of an entry. An entry whose tail was taken again (see
 * EntryTail) gets the same frozen objects as the entry it was first read in, in arrays of its own.
 */
function finishRest(draft: Draft, optionFields: Field[]): FinishedTail {
  const tail = draft.tail;
  const same = tail !== undefined && optionFields.length === tail.fields.length && optionFields.every((field, index) => field === tail.fields[index]);
  if (same && tail.finished) return tail.finished;
  const notes: string[] = [];
  const options = nameOptions(optionFields, notes);
  const blocks = draft.blocks.map((block) => Object.freeze(finishBlock(block)));
  const finished = { options, blocks, notes };
  if (same) tail.finished = finished;
  return finished;
}

/**
 * The option a line holds. A line repeated in many entries is read once (see SslcertLineReader),
 * so its option is made once and shared, frozen, between those mappings (ten thousand mappings
 * print `Disable QUIC : Not Set` ten thousand times): the model stays exact and a big capture
 * costs a fraction of the memory and time.
 */
function toOption(field: Field, spec: SslOptionSpec | undefined): SslOption {
  const label = field.info.label;
  if (!spec) return { name: 'unknown', label, raw: field.value, value: inferOptionValue(field.value), parameter: null };
  if (field.option !== undefined && field.option.name === spec.name) return field.option;
  const option: SslOption = { name: spec.name, label, raw: field.value, value: typeOptionValue(spec.type, field.value), parameter: spec.parameter };
  field.option = Object.freeze(option);
  return option;
}

/**
 * Names option lines by their English label. When none is recognized (a localized Windows),
 * names them by position in the era layout with as many lines, checking each value's shape.
 */
function nameOptions(fields: Field[], notes: string[]): SslOption[] {
  const options: SslOption[] = [];
  let anyKnown = false;
  for (const field of fields) anyKnown ||= field.info.option !== undefined;
  if (fields.length === 0 || anyKnown) {
    for (const field of fields) options.push(toOption(field, field.info.option));
    return options;
  }
  const order = sslOptionOrders.find((candidate) => candidate.length === fields.length) ?? sslOptionOrders[sslOptionOrders.length - 2]!;
  notes.push(`option labels not recognized (localized output?); options named by their position in the ${order.length}-line layout`);
  return fields.map((field, position) => {
    const name = order[position];
    const spec = name === undefined ? undefined : optionByName(name);
    return toOption(field, spec && fitsOptionType(spec.type, field.value) ? spec : undefined);
  });
}

function remember(labels: Map<string, string>, line: string, label: string): string {
  labels.set(line, label);
  return label;
}

function finishBlock(block: BlockDraft): ExtendedPropertyBlock {
  let known = false;
  for (const field of block.fields) known ||= field.info.extended !== undefined;
  let propertyId: number | null = null;
  const fields: SslOption[] = [];
  for (let index = 0; index < block.fields.length; index++) {
    const field = block.fields[index]!;
    let spec = field.info.extended;
    if (!spec && !known) {
      // Labels not recognized (localized): PropertyId first, then the fields its id is known to have.
      const name = index === 0 ? 'propertyId' : propertyId === null ? undefined : extendedPropertyFieldsById[propertyId]?.[index - 1];
      const candidate = name === undefined ? undefined : optionByName(name);
      spec = candidate && fitsOptionType(candidate.type, field.value) ? candidate : undefined;
    }
    const option = toOption(field, spec);
    if (option.name === 'propertyId' && typeof option.value === 'number' && propertyId === null) propertyId = option.value;
    fields.push(option);
  }
  return { label: block.label, propertyId, fields };
}
