/**
 * Results kept under what they were made from. A result is given again while every part it was
 * made from is the same: the same object (the readers hand out the same objects while their
 * sources are unchanged), or for a string or number the same value. One result per key, the
 * most recently used `capacity` keys. Results are shared between callers, who treat them as
 * read-only. Used by the certificate folder and store readers, netsh's last text
 * (last-parse.ts) and the kept joins (reused-joins.ts).
 */
export class KeptResults<T> {
  private readonly entries = new Map<string, { parts: readonly unknown[]; value: T }>();

  constructor(private readonly capacity: number) {}

  /** The result kept under `key` if it was made from these parts, else the one `make` gives, kept in its place. */
  get(key: string, parts: readonly unknown[], make: () => T): T {
    const known = this.entries.get(key);
    this.entries.delete(key);
    const value = known && sameParts(known.parts, parts) ? known.value : make();
    this.entries.set(key, { parts, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}
