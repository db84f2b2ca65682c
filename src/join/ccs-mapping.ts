/**
 * A mapping served from the Central Certificate Store (ccs, or scopedccs): it names no
 * certificate, the store picks one per host name. One test, so what decides whether the store
 * is read and how a mapping's status is judged cannot drift apart.
 */
export function isCcsMapping(mapping: { kind: string }): boolean {
  return mapping.kind === 'ccs' || mapping.kind === 'scopedccs';
}
