import type { z } from 'zod';
import { paramFields } from '../protocol/param-fields.js';

export type OptionType = 'string' | 'number' | 'boolean' | 'json';

export interface CliOption {
  /** The params field (camelCase) the option fills. */
  field: string;
  /** The option as typed (kebab-case, without dashes). */
  flag: string;
  type: OptionType;
  required: boolean;
  description?: string;
  choices?: readonly string[];
  /** JSON options: the value's shape, e.g. [{ "user": string, "listen"?: boolean }]. */
  shape?: string;
}

/** kebab-case of a camelCase params field: certificateHash → certificate-hash. */
export function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * Derives command-line options from a method's params schema, so the CLI can never offer
 * an option the protocol lacks or miss one it has. Nested objects and arrays take JSON.
 */
export function optionsFromSchema(schema: z.ZodType, skip: ReadonlySet<string> = new Set()): CliOption[] {
  return paramFields(schema)
    .map(({ name, schema: fieldSchema }) => [name, fieldSchema] as const)
    .filter(([field]) => !skip.has(field))
    .map(([field, fieldSchema]) => {
      const { type, required, choices } = describe(fieldSchema);
      const option: CliOption = { field, flag: kebab(field), type, required, description: descriptionOf(fieldSchema), choices };
      if (type === 'json') option.shape = shapeOf(fieldSchema);
      return option;
    });
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The field's description, wherever it sits: `.describe()` on the field or on the schema it wraps (optional, default, pipe). */
function descriptionOf(schema: z.ZodType): string | undefined {
  for (let current: z.ZodType | undefined = schema; current; ) {
    if (current.description) return current.description;
    const def = defOf(current);
    current = def.innerType ?? def.in;
  }
  return undefined;
}

/** A JSON value's shape for help, in the notation of TypeScript types: { "user": string, "listen"?: boolean }. */
function shapeOf(schema: z.ZodType): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return shapeOf(def.innerType!);
    case 'pipe':
      return shapeOf(def.in!);
    case 'array':
      return `[${shapeOf(def.element!)}, ...]`;
    case 'object':
      return `{ ${Object.entries(def.shape ?? {})
        .map(([key, value]) => `"${key}"${value.safeParse(undefined).success ? '?' : ''}: ${shapeOf(value)}`)
        .join(', ')} }`;
    case 'record':
      return `{ "<name>": ${shapeOf(def.valueType!)} }`;
    case 'union':
      return (def.options ?? []).map(shapeOf).join(' | ');
    case 'enum':
      return Object.values(def.entries ?? {})
        .map((entry) => `"${entry}"`)
        .join(' | ');
    default:
      return def.type;
  }
}

function describe(schema: z.ZodType): { type: OptionType; required: boolean; choices?: readonly string[] } {
  let current = schema;
  let required = true;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      required = false;
      current = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      current = def.in as z.ZodType;
    } else if (def.type === 'string') {
      return { type: 'string', required };
    } else if (def.type === 'number') {
      return { type: 'number', required };
    } else if (def.type === 'boolean') {
      return { type: 'boolean', required };
    } else if (def.type === 'enum') {
      return { type: 'string', required, choices: Object.values(def.entries ?? {}) };
    } else if (def.type === 'union') {
      const kinds = new Set((def.options ?? []).map((option) => describe(option).type));
      return { type: kinds.size === 1 ? [...kinds][0]! : 'string', required };
    } else {
      return { type: 'json', required };
    }
  }
}
