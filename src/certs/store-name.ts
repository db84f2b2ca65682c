/**
 * LocalMachine store names. Windows compares them without case; netsh prints the name a
 * mapping was made with (`MY`, `My`, `my`) or `(null)`, which http.sys reads as MY.
 */
export function storeName(name: string): string {
  return name.toUpperCase() === 'MY' || name === '(null)' ? 'MY' : name;
}

export function sameStore(a: string, b: string): boolean {
  return storeName(a).toUpperCase() === storeName(b).toUpperCase();
}
