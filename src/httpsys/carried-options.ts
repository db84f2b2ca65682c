import type { SslOptionInput } from './netsh-commands.js';
import type { SslMapping } from './ssl-mapping.js';

/**
 * The options netsh can set again, with the values the mapping has now. `update sslcert`
 * replaces the whole record, so every update passes these to keep the mapping as it was.
 */
export function carriedOptions(mapping: SslMapping): SslOptionInput {
  const options: SslOptionInput = {};
  for (const option of mapping.options) {
    if (option.parameter && option.value !== null) options[option.parameter] = option.value;
  }
  return options;
}
