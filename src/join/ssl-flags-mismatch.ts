import { bindingFlagOptions } from '../httpsys/binding-flag-options.js';
import { catalogued } from '../finding-codes.js';
import type { BindingRef, Finding, JoinMapping } from './join-model.js';

/**
 * SSLFLAGS_MAPPING_MISMATCH: the binding asks for DisableHTTP2, DisableOCSPStp, DisableQUIC,
 * DisableTLS13 or DisableLegacyTLS (sslFlags 4-64) and its mapping's option says otherwise, or
 * the other way round. http.sys enforces the mapping's options, not the configuration
 * (docs/precedence.md §4). An option the mapping does not print (an older netsh) is not judged.
 */
export function sslFlagsMismatchFinding(binding: BindingRef & { sslFlags: number }, mapping: JoinMapping | undefined): Finding | null {
  if (!mapping?.options) return null;
  const printed = new Map(mapping.options.map((option) => [option.name, option.value]));
  const differ: string[] = [];
  for (const entry of bindingFlagOptions) {
    const value = printed.get(entry.option);
    if (typeof value !== 'boolean') continue;
    const wanted = (binding.sslFlags & entry.bit) !== 0;
    if (value !== wanted) differ.push(`${entry.flag} is ${wanted ? 'set' : 'not set'} on the binding but ${value ? 'enabled' : 'disabled'} on the mapping (${entry.parameter})`);
  }
  if (differ.length === 0) return null;
  const fixes = bindingFlagOptions
    .filter((entry) => typeof printed.get(entry.option) === 'boolean' && ((binding.sslFlags & entry.bit) !== 0) !== printed.get(entry.option))
    .map((entry) => `"${entry.parameter}": ${(binding.sslFlags & entry.bit) !== 0}`)
    .join(', ');
  return {
    ...catalogued('SSLFLAGS_MAPPING_MISMATCH'),
    message: `${differ.join('; ')}. http.sys enforces the mapping's options, so the binding's sslFlags ${binding.sslFlags} do not hold.`,
    fix: `Make the mapping match the binding: sslcert/update of ${mapping.kind} ${mapping.key} with options { ${fixes} } (the CLI's sslcert update --options, Set-HttpSslCert), or change the binding's sslFlags.`,
    site: binding.site,
    binding: binding.bindingInformation,
    mapping: `${mapping.kind}:${mapping.key}`,
  };
}
