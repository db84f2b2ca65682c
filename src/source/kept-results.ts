/**
 * Results kept under what they were made from. A result is given again while every part it was
 * made from is the same: the same object (the readers hand out the same objects while their
 * sources are unchanged), or for a string or number the same value. One result per key, the
 * most recently used `capacity` keys. Results are shared between callers, who treat them as
 * read-only. Used by the file-identity caches, the certificate folder and store readers,
 * netsh's last text (last-parse.ts), the kept joins (reused-joins.ts) and their answers.
 */
export class KeptResults<T> {
  private readonly entries = new Map<string, { parts: readonly unknown[]; value: T }>();

  constructor(private readonly capacity: number) {}

  /** The result kept under `key` if it was made from these parts, else the one `make` gives, kept in its place. */
  get(key: string, parts: readonly unknown[], make: () => T): T {
    const known = this.find(key, parts);
    if (known) return known.value;
    const value = make();
    this.keep(key, parts, value);
    return value;
  }

  /** The result kept under `key` if it was made from these parts (it becomes the most recently used); one made from others is dropped. */
  find(key: string, parts: readonly unknown[]): { value: T } | undefined {
    const known = this.entries.get(key);
    this.entries.delete(key);
    if (!known || !sameParts(known.parts, parts)) return undefined;
    this.entries.set(key, known);
    return known;
  }

  /** Keeps `value` under `key`, made from these parts, in place of what was kept there. */
  keep(key: string, parts: readonly unknown[], value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { parts, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}
