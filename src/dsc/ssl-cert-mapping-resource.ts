import { DefaultStoreName } from '../certs/store-name.js';
import { absentWhenNotFound } from './absent-when-not-found.js';
import { HttpApiError } from '../errors.js';
import { carriedOptions } from '../httpsys/carried-options.js';
import type { SslMapping } from '../httpsys/ssl-mapping.js';
import { optionByName, sslOptionCatalog, type SslOptionValue } from '../httpsys/ssl-options.js';
import type { Dispatch } from '../rpc/dispatcher.js';
import type { ResultOf } from '../protocol/method.js';
import type { SslCertList } from '../protocol/index.js';
import type { SourceSpec } from '../source/source-spec.js';
import { existDifference, mergeChanges, sameText, type DscResource } from './dsc-resource.js';
import { SslCertMappingInstance, type SslCertMappingDesired } from './instance-schemas.js';

const settable = sslOptionCatalog.filter((option) => option.parameter !== null);
const isCcs = (kind: string) => kind === 'ccs' || kind === 'scopedccs';

/** The settable options with the values the mapping has, by catalog name; `changedOnly` keeps those away from netsh's default. */
function optionState(mapping: SslMapping, changedOnly: boolean): Record<string, SslOptionValue> {
  const state: Record<string, SslOptionValue> = {};
  for (const option of mapping.options) {
    const spec = settable.find((candidate) => candidate.name === option.name);
    if (!spec || option.value === null) continue;
    if (changedOnly && option.value === spec.defaultValue) continue;
    state[spec.name] = option.value;
  }
  return state;
}

function mappingState(mapping: SslMapping, changedOnly: boolean): Record<string, unknown> {
  const options = optionState(mapping, changedOnly);
  return {
    kind: mapping.kind,
    key: mapping.key,
    ...(mapping.certificateHash ? { certificateHash: mapping.certificateHash } : {}),
    ...(mapping.appId ? { appId: mapping.appId } : {}),
    // netsh prints (null) for a mapping made without certstorename; http.sys then uses MY.
    ...(isCcs(mapping.kind) ? {} : { certificateStoreName: mapping.certificateStoreName ?? DefaultStoreName }),
    ...(changedOnly && Object.keys(options).length === 0 ? {} : { options }),
  };
}

async function readMappings(dispatch: Dispatch, source: SourceSpec | undefined, filter: { kind?: string; key?: string } = {}) {
  return absentWhenNotFound(dispatch('sslcert/list', { source, ...filter }).then((result) => (result as ResultOf<typeof SslCertList>).mappings as SslMapping[]));
}

/** netsh parameters for the options a desired state names. */
const optionParameters = (options: SslCertMappingDesired['options']) =>
  Object.fromEntries(Object.entries(options ?? {}).flatMap(([name, value]) => (value === undefined ? [] : [[optionByName(name)!.parameter!, value]])));

/**
 * `HttpApi/SslCertMapping`: one http.sys SSL certificate mapping. A missing one is added
 * (sslcert/add), a different one updated with everything not stated carried over (sslcert/update
 * replaces the whole record), an unwanted one deleted (sslcert/delete).
 */
export const sslCertMappingResource: DscResource<SslCertMappingDesired> = {
  type: 'HttpApi/SslCertMapping',
  name: 'SslCertMapping',
  description: 'An http.sys SSL certificate mapping (netsh http add/update/delete sslcert).',
  schema: SslCertMappingInstance,

  async read(desired, dispatch) {
    const [mapping] = await readMappings(dispatch, desired.source, { kind: desired.kind, key: desired.key });
    if (!mapping) return { kind: desired.kind, key: desired.key, _exist: false };
    return { ...mappingState(mapping, false), _exist: true };
  },

  differences(desired, actual) {
    const exist = existDifference(desired, actual);
    if (exist) return exist;
    const differing: string[] = [];
    if (desired.certificateHash !== undefined && desired.certificateHash !== actual.certificateHash) differing.push('certificateHash');
    if (desired.appId !== undefined && desired.appId !== actual.appId) differing.push('appId');
    if (desired.certificateStoreName !== undefined && !sameText(desired.certificateStoreName, actual.certificateStoreName)) differing.push('certificateStoreName');
    const actualOptions = (actual.options ?? {}) as Record<string, SslOptionValue>;
    // An option the netsh of this Windows does not print has netsh's default value.
    const differs = Object.entries(desired.options ?? {}).some(([name, value]) => value !== undefined && value !== (actualOptions[name] ?? optionByName(name)?.defaultValue));
    if (differs) differing.push('options');
    return differing;
  },

  async change(desired, actual, _differing, dispatch, whatIf) {
    const common = { source: desired.source, whatIf, kind: desired.kind };
    if (!(desired._exist ?? true)) return mergeChanges(await dispatch('sslcert/delete', { ...common, key: actual.key, allowSharedMapping: desired.allowSharedMapping }));
    if (!actual._exist) {
      if (desired.appId === undefined) throw new HttpApiError('INVALID_ARGUMENT', `appId: the mapping ${desired.kind} ${desired.key} does not exist, and creating it needs the owning application's id (IIS: {4dc3e181-e14b-4a21-b022-59fc669b0914}). Nothing was changed.`, { field: 'appId' });
      return mergeChanges(
        await dispatch('sslcert/add', { ...common, key: desired.key, certificateHash: desired.certificateHash, appId: desired.appId, certificateStoreName: desired.certificateStoreName, options: optionParameters(desired.options) }),
      );
    }
    const [current] = await readMappings(dispatch, desired.source, { kind: desired.kind, key: desired.key });
    if (!current) throw new HttpApiError('NOT_FOUND', `The mapping ${desired.kind} ${desired.key} disappeared while it was being changed; nothing was changed.`, { kind: desired.kind, key: desired.key });
    const appId = desired.appId ?? current.appId;
    if (appId === null) throw new HttpApiError('INVALID_ARGUMENT', `appId: the mapping ${desired.kind} ${desired.key} shows no readable application id; state appId. Nothing was changed.`, { field: 'appId' });
    return mergeChanges(
      await dispatch('sslcert/update', {
        ...common,
        key: current.key,
        certificateHash: desired.certificateHash ?? current.certificateHash ?? undefined,
        appId,
        certificateStoreName: desired.certificateStoreName ?? current.certificateStoreName ?? undefined,
        options: { ...carriedOptions(current), ...optionParameters(desired.options) },
      }),
    );
  },

  async export(source, dispatch, warn) {
    const mappings = await readMappings(dispatch, source);
    return mappings.flatMap((mapping) => {
      if ((!mapping.certificateHash && !isCcs(mapping.kind)) || !mapping.appId) {
        warn(`Mapping ${mapping.kind} ${mapping.key} is left out of the export: its ${mapping.appId ? 'certificate hash' : 'application id'} is not readable, so no configuration could recreate it.`);
        return [];
      }
      return [mappingState(mapping, true)];
    });
  },
};
