/** One DER element: its tag and where its content lies in the buffer. */
export interface Tlv {
  tag: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte. */
  end: number;
}

/** The element at `offset` (definite lengths up to 4 bytes); throws RangeError past the end. */
export function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = byteAt(der, offset);
  let length = byteAt(der, offset + 1);
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError(`unsupported DER length at byte ${offset}`);
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + byteAt(der, start + index);
    start += count;
  }
  if (start + length > der.length) throw new RangeError(`DER element at byte ${offset} runs past the end`);
  return { tag, start, end: start + length };
}

/** The elements inside a constructed element. */
export function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const list: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(der, offset);
    list.push(child);
    offset = child.end;
  }
  return list;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function byteAt(der: Uint8Array, offset: number): number {
  const value = der[offset];
  if (value === undefined) throw new RangeError(`DER ends at byte ${offset}`);
  return value;
}
