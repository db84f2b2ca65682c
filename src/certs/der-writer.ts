/** DER encoding of the few element kinds HttpApi writes (a certificate-only PKCS#12). */

export function derElement(tag: number, content: Uint8Array): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content]);
}

export function derSequence(...items: Uint8Array[]): Buffer {
  return derElement(0x30, Buffer.concat(items));
}

export function derOctetString(content: Uint8Array): Buffer {
  return derElement(0x04, content);
}

export function derSmallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError(`${value} is not a small non-negative integer`);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  if (bytes.length === 0 || bytes[0]! & 0x80) bytes.unshift(0);
  return derElement(0x02, Buffer.from(bytes));
}

/** Context-specific constructed [n] wrapping, as EXPLICIT tagging encodes it. */
export function derExplicit(tagNumber: number, inner: Uint8Array): Buffer {
  return derElement(0xa0 | tagNumber, inner);
}

export function derObjectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) throw new RangeError(`'${dotted}' is not an object identifier`);
  const values = [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)];
  const bytes: number[] = [];
  for (const value of values) {
    const group = [value % 128];
    for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) group.unshift(0x80 | (rest % 128));
    bytes.push(...group);
  }
  return derElement(0x06, Buffer.from(bytes));
}
