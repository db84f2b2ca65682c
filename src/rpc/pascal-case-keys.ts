/**
 * A result with every property name's first letter upper-cased (bindingInformation becomes
 * BindingInformation), for clients whose objects show PascalCase names: PowerShell renaming
 * the keys itself costs a regular expression pass per letter over the whole frame, here it is
 * one walk over objects already in memory. Values, including strings, are left as they are.
 */
export function pascalCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const renamed: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) renamed[pascalCase(key)] = pascalCaseKeys(inner);
  return renamed;
}

// An answer repeats the same few dozen names thousands of times.
const names = new Map<string, string>();

function pascalCase(key: string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = key.charAt(0).toUpperCase() + key.slice(1);
    names.set(key, name);
  }
  return name;
}

// Results a handler gives again (a reused answer, reused-joins.ts) are renamed once.
const renamedResults = new WeakMap<object, unknown>();

/** pascalCaseKeys of a handler's result: the same renamed object for the same result. */
export function pascalCaseResult(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  let renamed = renamedResults.get(value);
  if (renamed === undefined) renamedResults.set(value, (renamed = pascalCaseKeys(value)));
  return renamed;
}
