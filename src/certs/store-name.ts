/** The store a mapping without a store name uses (netsh and http.sys read none, or `(null)`, as MY). */
export const DefaultStoreName = 'MY';

/**
 * LocalMachine store names. Windows compares them without case; netsh prints the name a
 * mapping was made with (`MY`, `My`, `my`) or `(null)`, which http.sys reads as MY.
 */
export function storeName(name: string): string {
  return name.toUpperCase() === DefaultStoreName || name === '(null)' ? DefaultStoreName : name;
}

export function sameStore(a: string, b: string): boolean {
  return storeName(a).toUpperCase() === storeName(b).toUpperCase();
}
