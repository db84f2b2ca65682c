import { DefaultStoreName } from '../certs/store-name.js';
import { HttpApiError } from '../errors.js';
import { parseBindingInformation } from '../iis/binding-information.js';
import type { ResultOf } from '../protocol/method.js';
import type { BindingsHttps, BindingsSetCertificate } from '../protocol/index.js';
import { existDifference, mergeChanges, sameText, type DscResource } from './dsc-resource.js';
import { HttpsBindingInstance, type HttpsBindingDesired } from './instance-schemas.js';

type Binding = ResultOf<typeof BindingsHttps>['bindings'][number];
type Mapping = ResultOf<typeof BindingsHttps>['mappings'][number];

/** A binding as DSC sees it: the certificate is the one its declared mapping names, when that mapping exists. */
function bindingState(binding: Binding, mappings: ReadonlyMap<string, Mapping>): Record<string, unknown> {
  const mapping = binding.declaredMapping === null ? undefined : mappings.get(binding.declaredMapping);
  const served = mapping?.exists && mapping.kind !== 'ccs' && mapping.kind !== 'scopedccs';
  return {
    site: binding.site,
    bindingInformation: binding.bindingInformation,
    sslFlags: binding.sslFlags,
    ...(served && mapping.certificateHash ? { certificateHash: mapping.certificateHash } : {}),
    // netsh prints (null) for a mapping made without certstorename; http.sys then uses MY.
    ...(served ? { certificateStoreName: mapping.certificateStoreName ?? DefaultStoreName } : {}),
  };
}

/** The answer lists each mapping once; bindings name theirs by id. */
function byId(mappings: readonly Mapping[]): ReadonlyMap<string, Mapping> {
  return new Map(mappings.map((mapping) => [mapping.id, mapping]));
}

/**
 * The thumbprint a certificateSubject chooses for this binding now: asked of the method set would
 * call, as a plan (acknowledgements given, since nothing changes), so test compares exactly what
 * set would write. None qualifying is CERTIFICATE_NOT_CHOSEN, from test as from set.
 */
async function chosenFor(desired: HttpsBindingDesired, binding: Binding, dispatch: Parameters<DscResource['read']>[1]): Promise<string | undefined> {
  const plan = (await dispatch('bindings/setCertificate', {
    source: desired.source,
    whatIf: true,
    allowSharedMapping: true,
    allowUnmatchedOptions: true,
    site: binding.site,
    bindingInformation: binding.bindingInformation,
    certificateSubject: desired.certificateSubject,
    certificateStoreName: desired.certificateStoreName,
  })) as ResultOf<typeof BindingsSetCertificate>;
  return plan.certificateChoice?.chosen;
}

async function readBindings(dispatch: Parameters<DscResource['read']>[1], source: HttpsBindingDesired['source']) {
  return (await dispatch('bindings/https', { source })) as ResultOf<typeof BindingsHttps>;
}

/**
 * `HttpApi/HttpsBinding`: an https binding of a site and the certificate its mapping serves.
 * A missing binding is added (bindings/add, with its mapping), an unwanted one removed
 * (bindings/remove), another certificate set through bindings/setCertificate. A certificateSubject
 * is compared by the thumbprint it chooses now (see chosenFor), so test is exact. Other sslFlags
 * go through bindings/update, which edits the binding in place and moves or updates its mapping
 * (the certificate too, when one is stated and differs).
 */
export const httpsBindingResource: DscResource<HttpsBindingDesired> = {
  type: 'HttpApi/HttpsBinding',
  name: 'HttpsBinding',
  description: 'An IIS https binding and the certificate its http.sys mapping serves.',
  schema: HttpsBindingInstance,

  async read(desired, dispatch) {
    const { bindings, mappings } = await readBindings(dispatch, desired.source);
    const binding = bindings.find((candidate) => candidate.site === desired.site && sameText(candidate.bindingInformation, desired.bindingInformation));
    if (!binding) return { site: desired.site, bindingInformation: desired.bindingInformation, _exist: false };
    const state = bindingState(binding, byId(mappings));
    // The state names the subject only while its mapping serves the certificate that name chooses.
    const subject = desired.certificateSubject !== undefined && state.certificateHash !== undefined && state.certificateHash === (await chosenFor(desired, binding, dispatch));
    return { ...state, ...(subject ? { certificateSubject: desired.certificateSubject } : {}), _exist: true };
  },

  differences(desired, actual) {
    const exist = existDifference(desired, actual);
    if (exist) return exist;
    const differing: string[] = [];
    if (desired.sslFlags !== undefined && desired.sslFlags !== actual.sslFlags) differing.push('sslFlags');
    if (desired.certificateHash !== undefined && desired.certificateHash !== actual.certificateHash) differing.push('certificateHash');
    if (desired.certificateSubject !== undefined && desired.certificateSubject !== actual.certificateSubject) differing.push('certificateSubject');
    if (desired.certificateStoreName !== undefined && !sameText(desired.certificateStoreName, actual.certificateStoreName)) differing.push('certificateStoreName');
    return differing;
  },

  async change(desired, actual, differing, dispatch, whatIf) {
    const common = { source: desired.source, whatIf };
    if (!(desired._exist ?? true)) {
      return mergeChanges(await dispatch('bindings/remove', { ...common, site: desired.site, protocol: 'https', bindingInformation: actual.bindingInformation }));
    }
    if (!actual._exist) {
      const parsed = parseBindingInformation(desired.bindingInformation);
      if (!parsed.endpoint) throw new HttpApiError('INVALID_ARGUMENT', `bindingInformation: ${parsed.problem}`, { field: 'bindingInformation', value: desired.bindingInformation });
      const { address, port, host } = parsed.endpoint;
      return mergeChanges(
        await dispatch('bindings/add', {
          ...common,
          allowSharedMapping: desired.allowSharedMapping,
          site: desired.site,
          protocol: 'https',
          address,
          port,
          host: host === '' ? undefined : host,
          sslFlags: desired.sslFlags,
          certificateHash: desired.certificateHash,
          certificateSubject: desired.certificateSubject,
          certificateStoreName: desired.certificateStoreName,
        }),
      );
    }
    // The binding as it stands, which both remaining changes keep.
    const binding = { ...common, allowSharedMapping: desired.allowSharedMapping, site: desired.site, bindingInformation: actual.bindingInformation };
    if (differing.includes('sslFlags')) {
      // The certificate is stated only when it differs too: bindings/update keeps the mapping's otherwise.
      const certificate = differing.some((name) => name !== 'sslFlags');
      return mergeChanges(
        await dispatch('bindings/update', {
          ...binding,
          sslFlags: desired.sslFlags,
          ...(certificate ? { certificateHash: desired.certificateSubject === undefined ? desired.certificateHash : undefined, certificateSubject: desired.certificateSubject, certificateStoreName: desired.certificateStoreName } : {}),
        }),
      );
    }
    const certificateHash = desired.certificateSubject === undefined ? (desired.certificateHash ?? (actual.certificateHash as string | undefined)) : undefined;
    if (certificateHash === undefined && desired.certificateSubject === undefined) {
      throw new HttpApiError('INVALID_ARGUMENT', `certificateHash: the binding ${desired.site} (${actual.bindingInformation}) has no certificate to move to store ${desired.certificateStoreName}; state certificateHash too. Nothing was changed.`, { field: 'certificateHash' });
    }
    return mergeChanges(
      await dispatch('bindings/setCertificate', {
        ...binding,
        certificateHash,
        certificateSubject: desired.certificateSubject,
        certificateStoreName: desired.certificateStoreName,
      }),
    );
  },

  async export(source, dispatch) {
    const { bindings, mappings } = await readBindings(dispatch, source);
    const index = byId(mappings);
    return bindings.map((binding) => bindingState(binding, index));
  },
};
