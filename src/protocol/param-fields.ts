import { z } from 'zod';

/** One by-name param of a method, as OpenRPC, the CLI and the PowerShell check list it. */
export interface ParamField {
  name: string;
  /** What the param takes in any form of the params (optional when some form does not require it). */
  schema: z.ZodType;
  required: boolean;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A field declared `never` is one this form of the params refuses: it adds nothing to what the param takes. */
function isNever(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return def.type === 'never' || (def.type === 'optional' && isNever(def.innerType!));
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  return def.type === 'optional' ? unwrapOptional(def.innerType!) : schema;
}

/** The forms of a params schema: one object, or the objects of a (discriminated) union. */
function forms(params: z.ZodType): Record<string, z.ZodType>[] {
  const def = defOf(params);
  if (def.type === 'object') return [def.shape ?? {}];
  if (def.type === 'union') return (def.options ?? []).flatMap(forms);
  throw new Error(`params must be an object or a union of objects, not ${def.type}`);
}

/**
 * The by-name params of a method, in declaration order. A union of objects (sslcert/add's one
 * object per mapping kind) is listed as the params of all its forms: a param is required when
 * every form requires it, and takes what any form takes (literals merged into one enum).
 */
export function paramFields(params: z.ZodType): ParamField[] {
  const all = forms(params);
  const names = [...new Set(all.flatMap((shape) => Object.keys(shape)))];
  return names.map((name) => {
    const given = all.map((shape) => shape[name]).filter((schema): schema is z.ZodType => schema !== undefined && !isNever(schema));
    const required = all.every((shape) => shape[name] !== undefined && !shape[name].safeParse(undefined).success);
    if (given.every((schema) => schema === given[0])) {
      const schema = given[0]!;
      return { name, schema: required || schema.safeParse(undefined).success ? schema : schema.optional(), required };
    }
    const distinct = [...new Set(given.map(unwrapOptional))];
    let schema: z.ZodType = distinct.every((candidate) => defOf(candidate).type === 'literal')
      ? z.enum(distinct.flatMap((candidate) => defOf(candidate).values as string[]) as [string, ...string[]])
      : z.union(distinct as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    const descriptions = [...new Set(given.map((candidate) => candidate.description ?? unwrapOptional(candidate).description).filter(Boolean))];
    if (descriptions.length > 0) schema = schema.describe(descriptions.join(' '));
    return { name, schema: required ? schema : schema.optional(), required };
  });
}

/** Required params first, each group in declaration order (OpenRPC: "all optional params MUST be positioned after all required params"). */
export function paramsInOrder(params: z.ZodType): ParamField[] {
  const fields = paramFields(params);
  return [...fields.filter((field) => field.required), ...fields.filter((field) => !field.required)];
}

/**
 * The required params the input lacks. zod stops at a union's missing discriminator, so without
 * this a call with no params would hear only about `kind`, not also about `key` and `appId`.
 */
export function missingParams(params: z.ZodType, input: unknown): string[] {
  const given = typeof input === 'object' && input !== null ? input : {};
  return paramFields(params)
    .filter((field) => field.required && !(field.name in given))
    .map((field) => field.name);
}
