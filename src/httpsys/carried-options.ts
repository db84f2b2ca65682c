import { HttpApiError } from '../errors.js';
import type { SslOptionInput } from './netsh-commands.js';
import type { SslMapping, SslOption } from './ssl-mapping.js';
import { optionByLabel, optionByParameter } from './ssl-options.js';
import { normalizeLabel } from './text-lines.js';

/**
 * The options netsh can set again, with the values the mapping has now. `update sslcert`
 * replaces the whole record, so every update passes these to keep the mapping as it was.
 *
 * Only lines whose label (or JSON property) names their option are passed. A line matched by
 * nothing, or named by its position because a localized netsh printed labels we do not know,
 * cannot be passed back safely, and the update would reset it (client-certificate negotiation,
 * for one): such an update is refused unless the caller acknowledges it with
 * allowUnmatchedOptions. `lenient` is for undo steps, which must run whatever they lose.
 */
export function carriedOptions(mapping: SslMapping, acknowledgement: { allowUnmatchedOptions?: boolean; lenient?: boolean } = {}): SslOptionInput {
  const unmatched = mapping.options.filter((option) => !matchedByLabel(option));
  if (unmatched.length > 0 && !acknowledgement.allowUnmatchedOptions && !acknowledgement.lenient) {
    const lines = unmatched.map((option) => `${option.label} : ${option.raw}`);
    throw new HttpApiError(
      'UNMATCHED_OPTIONS_NEED_ACK',
      `Mapping ${mapping.kind} ${mapping.key} has option lines whose labels are not recognised (${lines.join('; ')}). netsh update replaces the whole record and these cannot be passed again, so they would be reset to netsh's defaults; nothing was changed. Pass allowUnmatchedOptions to update anyway.`,
      { kind: mapping.kind, key: mapping.key, lines },
    );
  }
  const options: SslOptionInput = {};
  for (const option of mapping.options) {
    if (option.parameter && option.value !== null && matchedByLabel(option)) options[option.parameter] = option.value;
  }
  return options;
}

/** Text: the printed label is the option's English label; JSON: the property is its parameter or name. */
function matchedByLabel(option: SslOption): boolean {
  if (option.name === 'unknown') return false;
  return optionByLabel(normalizeLabel(option.label))?.name === option.name || optionByParameter(option.label)?.name === option.name;
}
