import type { JoinMapping, MappingKind, MappingRef } from './join-model.js';

/**
 * Mappings by normalized key. http.sys compares host names case-insensitively and IPv6
 * addresses by value, so keys are folded the same way on both sides of the lookup.
 */
export class MappingIndex {
  private readonly byKey = new Map<string, JoinMapping>();
  /**
   * Each reference made, by kind and key as asked: thousands of bindings ask for the same
   * 0.0.0.0:443 and [::]:443, and the answer names a mapping by the one object (MappingRef is read-only).
   */
  private readonly refs = new Map<string, MappingRef>();

  constructor(readonly mappings: readonly JoinMapping[]) {
    for (const mapping of mappings) this.byKey.set(indexKey(mapping.kind, mapping.key), mapping);
  }

  get(kind: MappingKind, key: string): JoinMapping | undefined {
    return this.byKey.get(indexKey(kind, key));
  }

  /** The reference a binding holds: present or not, with what http.sys has there. */
  ref(kind: MappingKind, key: string): MappingRef {
    const asked = `${kind}|${key}`;
    let ref = this.refs.get(asked);
    if (!ref) {
      const mapping = this.get(kind, key);
      ref = {
        kind,
        key: mapping?.key ?? key,
        exists: mapping !== undefined,
        certificateHash: mapping?.certificateHash ?? null,
        certificateStoreName: mapping?.certificateStoreName ?? null,
        appId: mapping?.appId ?? null,
      };
      this.refs.set(asked, ref);
    }
    return ref;
  }
}

export function indexKey(kind: MappingKind, key: string): string {
  return `${kind}|${normalizeKey(kind, key)}`;
}

function normalizeKey(kind: MappingKind, key: string): string {
  if (kind === 'ccs') return String(Number(key));
  const lower = key.trim().toLowerCase();
  if (kind !== 'ipport' || !lower.startsWith('[')) return lower;
  const close = lower.indexOf(']');
  return `[${compressIpv6(lower.slice(1, close))}]${lower.slice(close + 1)}`;
}

/** Canonical IPv6 text (RFC 5952) so that [2001:db8:0::5] and [2001:db8::5] meet. */
function compressIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
}
