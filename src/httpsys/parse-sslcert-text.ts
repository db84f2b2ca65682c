import { kindOfKeyShape, parseMappingKey, type MappingKind } from './mapping-key.js';
import { normalizeAppId, normalizeCertificateHash, normalizeStoreName, type ExtendedPropertyBlock, type SslMapping, type SslOption } from './ssl-mapping.js';
import {
  extendedPropertyByLabel,
  extendedPropertyFieldsById,
  fitsOptionType,
  inferOptionValue,
  optionByLabel,
  optionByName,
  sslOptionOrders,
  typeOptionValue,
  type SslOptionSpec,
} from './ssl-options.js';
import { keyKindOfLabel, mainFieldOfLabel, mainFieldOrder, type MainField } from './sslcert-labels.js';
import { isDashLine, normalizeLabel, splitAlignedField, splitAlignedFieldFirst, splitLines, type UnplacedLine } from './text-lines.js';

export interface SslcertTextParse {
  mappings: SslMapping[];
  /** Lines that are neither frame (header, dashes, blank) nor part of an entry. */
  unplaced: UnplacedLine[];
}

interface Field {
  label: string;
  value: string;
  normalized: string;
}

interface Draft {
  kind: MappingKind;
  key: Field;
  /** The key label was not recognized; the kind comes from the value's shape. */
  kindFromShape: boolean;
  fields: Field[];
  blocks: { label: string; fields: Field[] }[];
}

/**
 * Parses `netsh http show sslcert` text of any Windows era (domain.md §7, reference/netsh.md §2)
 * by structure, never by line numbers: an entry starts at a key line and runs to the next blank
 * line or key line; ` Extended Properties:` lines open sub-blocks. Never throws: whatever it cannot
 * give a meaning to is returned in `unplaced`.
 */
export function parseSslcertText(text: string): SslcertTextParse {
  const mappings: SslMapping[] = [];
  const unplaced: UnplacedLine[] = [];
  const normalized = new Map<string, string>();
  const normalize = (label: string) => {
    let value = normalized.get(label);
    if (value === undefined) normalized.set(label, (value = normalizeLabel(label)));
    return value;
  };
  let draft: Draft | undefined;
  let block: Draft['blocks'][number] | undefined;
  let atBlockStart = true;
  const close = () => {
    if (draft) mappings.push(finish(draft));
    draft = block = undefined;
    atBlockStart = true;
  };

  const lines = splitLines(text);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '' || isDashLine(line)) {
      close();
      continue;
    }
    const field = readField(line, normalize);
    if (!field) {
      const trimmed = line.trim();
      if (trimmed.endsWith(':') && draft) {
        block = { label: trimmed.slice(0, -1).trim(), fields: [] };
        draft.blocks.push(block);
      } else if (trimmed.endsWith(':')) {
        // The list header (`SSL Certificate bindings:`, localized elsewhere).
        atBlockStart = true;
      } else {
        unplaced.push({ line: index + 1, text: line });
        atBlockStart = false;
      }
      continue;
    }
    const keyKind = keyKindOfLabel(field.normalized);
    if (keyKind) {
      close();
      draft = { kind: keyKind, key: field, kindFromShape: false, fields: [], blocks: [] };
    } else if (draft) {
      (block ?? draft).fields.push(field);
    } else if (atBlockStart && field.value === '') {
      // A localized header whose label ends in ` :` (French style).
      continue;
    } else {
      const shapeKind = atBlockStart && !isKnownLabel(field.normalized) ? kindOfKeyShape(field.value) : undefined;
      if (shapeKind) draft = { kind: shapeKind, key: field, kindFromShape: true, fields: [], blocks: [] };
      else unplaced.push({ line: index + 1, text: line });
    }
    atBlockStart = false;
  }
  close();
  return { mappings, unplaced };
}

function isKnownLabel(normalized: string): boolean {
  return Boolean(keyKindOfLabel(normalized) ?? mainFieldOfLabel(normalized) ?? optionByLabel(normalized) ?? extendedPropertyByLabel(normalized));
}

/** Splits at the last spaced colon; if that gives an unknown label but the first one a known label, the value held ` :`. */
function readField(line: string, normalize: (label: string) => string): Field | undefined {
  const last = splitAlignedField(line);
  if (!last) return undefined;
  const field = { ...last, normalized: normalize(last.label) };
  if (isKnownLabel(field.normalized)) return field;
  const first = splitAlignedFieldFirst(line);
  if (first && first.label !== last.label) {
    const normalizedFirst = normalize(first.label);
    if (isKnownLabel(normalizedFirst)) return { ...first, normalized: normalizedFirst };
  }
  return field;
}

function finish(draft: Draft): SslMapping {
  const notes: string[] = [];
  const key = draft.key.value;
  const parts = parseMappingKey(draft.kind, key);
  if (parts.problem) notes.push(`key ${parts.problem}`);
  if (draft.kindFromShape) notes.push(`key label '${draft.key.label}' is not a known label; kind ${draft.kind} taken from the key's shape`);

  const main: Partial<Record<MainField, string>> = {};
  const optionFields: Field[] = [];
  let positionalMain = false;
  draft.fields.forEach((field, index) => {
    const known = mainFieldOfLabel(field.normalized);
    const slot = mainFieldOrder[index];
    if (known && main[known] === undefined) {
      main[known] = field.value;
    } else if (!known && !optionByLabel(field.normalized) && optionFields.length === 0 && slot && main[slot] === undefined) {
      // The three main fields come first in every era: a localized label is placed by position.
      main[slot] = field.value;
      positionalMain = true;
    } else {
      optionFields.push(field);
    }
  });
  if (positionalMain) notes.push('certificate hash, application id and store name lines have labels not recognized; placed by their position');

  const certificateHashRaw = main.certificateHash ?? null;
  const appIdRaw = main.appId ?? null;
  const certificateStoreNameRaw = main.certificateStoreName ?? null;
  return {
    kind: draft.kind,
    key,
    keyLabel: draft.key.label,
    address: parts.address,
    host: parts.host,
    port: parts.port,
    certificateHash: normalizeCertificateHash(certificateHashRaw, draft.kind, notes),
    certificateHashRaw,
    appId: normalizeAppId(appIdRaw, notes),
    appIdRaw,
    certificateStoreName: normalizeStoreName(certificateStoreNameRaw),
    certificateStoreNameRaw,
    options: nameOptions(optionFields, notes),
    extendedProperties: draft.blocks.map(finishBlock),
    notes,
  };
}

function toOption(field: Field, spec: SslOptionSpec | undefined): SslOption {
  if (!spec) return { name: 'unknown', label: field.label, raw: field.value, value: inferOptionValue(field.value), parameter: null };
  return { name: spec.name, label: field.label, raw: field.value, value: typeOptionValue(spec.type, field.value), parameter: spec.parameter };
}

/**
 * Names option lines by their English label. When none is recognized (a localized Windows),
 * names them by position in the era layout with as many lines, checking each value's shape.
 */
function nameOptions(fields: Field[], notes: string[]): SslOption[] {
  if (fields.length === 0 || fields.some((field) => optionByLabel(field.normalized))) {
    return fields.map((field) => toOption(field, optionByLabel(field.normalized)));
  }
  const order = sslOptionOrders.find((candidate) => candidate.length === fields.length) ?? sslOptionOrders[sslOptionOrders.length - 2]!;
  notes.push(`option labels not recognized (localized output?); options named by their position in the ${order.length}-line layout`);
  return fields.map((field, position) => {
    const name = order[position];
    const spec = name === undefined ? undefined : optionByName(name);
    return toOption(field, spec && fitsOptionType(spec.type, field.value) ? spec : undefined);
  });
}

function finishBlock(block: Draft['blocks'][number]): ExtendedPropertyBlock {
  const known = block.fields.some((field) => extendedPropertyByLabel(field.normalized));
  let propertyId: number | null = null;
  const fields = block.fields.map((field, index) => {
    let spec = extendedPropertyByLabel(field.normalized);
    if (!spec && !known) {
      const name = index === 0 ? 'propertyId' : propertyId === null ? undefined : extendedPropertyFieldsById[propertyId]?.[index - 1];
      const candidate = name === undefined ? undefined : optionByName(name);
      spec = candidate && fitsOptionType(candidate.type, field.value) ? candidate : undefined;
    }
    const option = toOption(field, spec);
    if (option.name === 'propertyId' && typeof option.value === 'number' && propertyId === null) propertyId = option.value;
    return option;
  });
  return { label: block.label, propertyId, fields };
}
