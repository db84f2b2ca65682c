import { certificateId } from './certificate-findings.js';
import type { ClientPath } from './client-paths.js';
import type { BindingRef, Finding, JoinCertificate, JoinMapping, JoinedBinding, MappingRef } from './join-model.js';
import { indexKey } from './mapping-index.js';

/** A mapping once per answer, with the bindings that share it listed once, here. */
export interface AnsweredMapping extends MappingRef {
  /** `kind:key`, the key bindings and findings refer to it by. */
  id: string;
  /** The bindings that declare this ip:port mapping without SNI or CCS, when two or more do: a new certificate here reaches all of them. */
  sharedBy: BindingRef[];
}

export type AnsweredCertificate<C extends JoinCertificate> = C & { id: string };

/** A joined binding whose mappings and certificate are named by id (the answer lists each once). */
export type AnsweredBinding<L> = Omit<JoinedBinding, 'declaredMapping' | 'effectiveMapping' | 'clientPaths' | 'certificate'> & {
  declaredMapping: string | null;
  effectiveMapping: { withSni: string | null; withoutSni: string | null };
  clientPaths: ClientPath<string>[];
  certificate: string | null;
  live?: L;
};

export interface HttpsAnswer<C extends JoinCertificate, L> {
  bindings: AnsweredBinding<L>[];
  mappings: AnsweredMapping[];
  certificates: AnsweredCertificate<C>[];
}

/**
 * The join as an answer whose size grows with the server: every binding refers to its
 * mappings and certificate by key, and each of those is written once however many bindings
 * use it (a 0.0.0.0:443 shared by a thousand bindings is one object, not a thousand copies
 * each listing the other 999). Mappings that only a finding names (orphans) are included so
 * every reference resolves.
 */
export function httpsAnswer<C extends JoinCertificate, L>(
  joined: { bindings: readonly (JoinedBinding<C> & { live?: L })[]; sharers: ReadonlyMap<string, BindingRef[]> },
  /** The findings the answer carries besides the bindings' own (orphans name mappings no binding uses). */
  findings: readonly Finding[],
  server: { mappings: readonly JoinMapping[]; certificates: readonly C[] | null },
): HttpsAnswer<C, L> {
  const { bindings, sharers } = joined;
  const mappings = new Map<string, AnsweredMapping>();
  const certificates = new Map<string, AnsweredCertificate<C>>();
  // The join hands out one ref object per mapping asked for (MappingIndex.ref): most are met again.
  const ids = new Map<MappingRef, string>();
  const mappingRef = (ref: MappingRef | null): string | null => {
    if (!ref) return null;
    const known = ids.get(ref);
    if (known !== undefined) return known;
    const id = `${ref.kind}:${ref.key}`;
    ids.set(ref, id);
    if (!mappings.has(id)) {
      const members = ref.kind === 'ipport' ? (sharers.get(indexKey(ref.kind, ref.key)) ?? []) : [];
      mappings.set(id, { id, ...ref, sharedBy: members.length > 1 ? members : [] });
    }
    return id;
  };
  const answered = bindings.map((binding): AnsweredBinding<L> => {
    let certificate: string | null = null;
    if (binding.certificate) {
      certificate = certificateId(binding.certificate);
      if (!certificates.has(certificate)) certificates.set(certificate, { id: certificate, ...binding.certificate });
    }
    return {
      site: binding.site,
      siteId: binding.siteId,
      bindingInformation: binding.bindingInformation,
      sslFlags: binding.sslFlags,
      address: binding.address,
      port: binding.port,
      host: binding.host,
      declaredMapping: mappingRef(binding.declaredMapping),
      effectiveMapping: { withSni: mappingRef(binding.effectiveMapping.withSni), withoutSni: mappingRef(binding.effectiveMapping.withoutSni) },
      clientPaths: binding.clientPaths.map((path) => ({ family: path.family, sni: path.sni, mapping: mappingRef(path.mapping), ipFirst: path.ipFirst.map((ref) => mappingRef(ref)!), ipFirstCount: path.ipFirstCount })),
      certificate,
      ccsFile: binding.ccsFile,
      findings: binding.findings,
      ...(binding.live !== undefined ? { live: binding.live } : {}),
    };
  });
  const named = [...findings, ...bindings.flatMap((binding) => binding.findings)].filter(
    (finding) => (finding.mapping !== undefined && !mappings.has(finding.mapping)) || (finding.certificate !== undefined && !certificates.has(finding.certificate)),
  );
  if (named.length > 0) {
    const serverMappings = new Map(server.mappings.map((mapping) => [`${mapping.kind}:${mapping.key}`, mapping]));
    const serverCertificates = new Map((server.certificates ?? []).map((certificate) => [certificateId(certificate), certificate]));
    for (const finding of named) {
      const mapping = finding.mapping === undefined ? undefined : serverMappings.get(finding.mapping);
      if (mapping) mappingRef({ kind: mapping.kind, key: mapping.key, exists: true, certificateHash: mapping.certificateHash, certificateStoreName: mapping.certificateStoreName, appId: mapping.appId });
      const id = finding.certificate;
      const certificate = id === undefined ? undefined : serverCertificates.get(id);
      if (id !== undefined && certificate && !certificates.has(id)) certificates.set(id, { id, ...certificate });
    }
  }
  return { bindings: answered, mappings: [...mappings.values()], certificates: [...certificates.values()] };
}
