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

/** The dotted form of an OBJECT IDENTIFIER element's content (X.690 §8.19). */
export function objectIdentifier(der: Uint8Array, element: Tlv): string {
  if (element.tag !== 0x06 || element.end === element.start) throw new RangeError(`expected an OBJECT IDENTIFIER at byte ${element.start}`);
  const arcs: number[] = [];
  let value = 0;
  for (let offset = element.start; offset < element.end; offset++) {
    const byte = der[offset]!;
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  return arcs.join('.');
}

/** A small non-negative INTEGER's value (iteration counts, key lengths, versions). */
export function smallInteger(der: Uint8Array, element: Tlv): number {
  if (element.tag !== 0x02 || element.end === element.start || element.end - element.start > 6) throw new RangeError(`expected a small INTEGER at byte ${element.start}`);
  let value = 0;
  for (let offset = element.start; offset < element.end; offset++) value = value * 256 + der[offset]!;
  return value;
}

/**
 * The bytes of an OCTET STRING, primitive or (BER, as some PKCS#12 writers emit) constructed
 * of primitive pieces; `tags` names the primitive and constructed tags accepted (an IMPLICIT
 * [0] OCTET STRING is 0x80 / 0xa0).
 */
export function octetString(der: Uint8Array, element: Tlv, tags: { primitive: number; constructed: number } = { primitive: 0x04, constructed: 0x24 }): Buffer {
  if (element.tag === tags.primitive) return Buffer.from(der.subarray(element.start, element.end));
  if (element.tag === tags.constructed) return Buffer.concat(children(der, element).map((piece) => octetString(der, piece)));
  throw new RangeError(`expected an OCTET STRING at byte ${element.start}`);
}
