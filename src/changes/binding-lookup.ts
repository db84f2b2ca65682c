import { HttpApiError } from '../errors.js';
import type { BindingEndpoint } from '../iis/binding-information.js';
import { hasEndpoint, parseBindingInformation } from '../iis/binding-information.js';
import type { IisBinding, IisConfig, IisSite } from '../iis/read-application-host-config.js';
import { sameSiteName } from '../iis/site-name.js';
import { notFoundError } from '../text/not-found-error.js';
import { MappingIndex } from '../join/mapping-index.js';
import { resolveBinding } from '../join/resolve-binding.js';
import { IisAppId, IisExpressAppId } from '../join/well-known-app-ids.js';
import type { MappingTarget } from './mapping-change.js';

export function findSite(config: IisConfig, name: string): { site: IisSite; index: number } {
  const exact = config.sites.findIndex((site) => site.name === name);
  const index = exact >= 0 ? exact : config.sites.findIndex((site) => sameSiteName(site.name, name));
  if (index >= 0) return { site: config.sites[index]!, index };
  throw notFoundError('site named', name, config.file, config.sites.map((site) => site.name), { site: name, file: config.file });
}

/** The binding written exactly so, else the one that means the same (case, `*` for an empty address, IPv6 spelling). */
export function findBinding(config: IisConfig, site: IisSite, protocol: string | undefined, bindingInformation: string): { binding: IisBinding; index: number } {
  const protocolMatches = (binding: IisBinding) => protocol === undefined || binding.protocol.toLowerCase() === protocol.toLowerCase();
  let index = site.bindings.findIndex((binding) => protocolMatches(binding) && binding.bindingInformation === bindingInformation);
  if (index < 0) {
    const wanted = bindingKey(protocol ?? 'https', bindingInformation);
    index = site.bindings.findIndex((binding) => protocolMatches(binding) && bindingKey(protocol ?? binding.protocol, binding.bindingInformation) === wanted);
  }
  if (index >= 0) return { binding: site.bindings[index]!, index };
  const listed = site.bindings.map((binding) => `${binding.protocol} ${binding.bindingInformation}`);
  throw new HttpApiError(
    'NOT_FOUND',
    `Site '${site.name}' has no ${protocol ? `${protocol} ` : ''}binding '${bindingInformation}' in ${config.file}. Its bindings: ${listed.length > 0 ? listed.join(', ') : 'none'}.`,
    { site: site.name, bindingInformation, bindings: site.bindings.map(({ protocol, bindingInformation }) => ({ protocol, bindingInformation })) },
  );
}

/**
 * What makes two bindings the same listener: protocol and bindingInformation without case,
 * an empty address read as `*`, IPv6 addresses in one spelling.
 */
export function bindingKey(protocol: string, bindingInformation: string): string {
  const lower = protocol.toLowerCase();
  const endpoint = hasEndpoint(lower) ? parseBindingInformation(bindingInformation).endpoint : undefined;
  if (!endpoint) return `${lower}|${bindingInformation.toLowerCase()}`;
  const address = endpoint.address === '' ? '*' : endpoint.addressKind === 'ipv6' ? `[${new URL(`http://${endpoint.address}/`).hostname.slice(1, -1)}]` : endpoint.address;
  return `${lower}|${address}:${endpoint.port}:${endpoint.host.toLowerCase()}`;
}

/** IIS Express configurations get IIS Express's application id on their mappings; everything else IIS's. */
export function appIdFor(config: IisConfig): string {
  return config.configKind === 'iisexpress' ? IisExpressAppId : IisAppId;
}

/** The mapping the binding declares (docs/domain.md §6): hostname:port for SNI, the port for CCS, ip:port otherwise. */
export function declaredTarget(endpoint: BindingEndpoint, sslFlags: number): MappingTarget | null {
  const declared = resolveBinding(endpoint, sslFlags, new MappingIndex([])).declared;
  return declared ? { kind: declared.kind, key: declared.key } : null;
}

/** The configuration as it will be: with `site` replaced by its new bindings. */
export function withSiteBindings(config: IisConfig, index: number, bindings: IisBinding[]): IisConfig {
  return { ...config, sites: config.sites.map((site, at) => (at === index ? { ...site, bindings } : site)) };
}
