import type { z } from 'zod';
import { paramFields } from '../rpc/param-fields.js';

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
      return { field, flag: kebab(field), type, required, description: fieldSchema.description, choices };
    });
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
}

function describe(schema: z.ZodType): { type: OptionType; required: boolean; choices?: readonly string[] } {
  let current = schema;
  let required = true;
  for (;;) {
    const def = (current as unknown as { _zod: { def: ZodDef } })._zod.def;
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
