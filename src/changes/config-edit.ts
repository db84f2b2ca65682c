import { HttpApiError } from '../errors.js';
import { unifiedDiff } from '../iis/config-diff.js';
import { ConfigFault, configInvalid } from '../iis/config-error.js';
import { assertUnchanged, readConfigFile, type ConfigFileBytes } from '../iis/config-file.js';
import { decodeConfigText, type DecodedConfigText } from '../iis/decode-config-text.js';
import { applyTextEdit, type TextEdit } from '../iis/edit-bindings.js';
import { editConfigBytes } from '../iis/edit-config-bytes.js';
import type { ConfigLocation } from '../source/locate-config.js';
import { readApplicationHostConfig, type IisConfig } from '../iis/read-application-host-config.js';
import { scanDocument } from '../iis/scan-document.js';
import { locateSites, siteElements, type ElementSpan } from '../iis/site-elements.js';

/** A configuration read for a change: its model, and the bytes and identity the model came from. */
export interface ConfigForEdit {
  config: IisConfig;
  file: ConfigFileBytes;
  decoded: DecodedConfigText;
  /** The `<site>` elements, index for index with config.sites. */
  siteElements: ElementSpan[];
}

export interface PlannedConfigEdit {
  bytes: Buffer;
  text: string;
  step: { kind: 'config'; file: string; diff: string; description: string };
}

/**
 * Reads the file's bytes and its model. The model is read by the ordinary reader, so a
 * change sees exactly what `sites` shows; the bytes are read before and checked after, so
 * the model and the bytes that will be edited are the same file.
 */
export async function readConfigForEdit(location: ConfigLocation): Promise<ConfigForEdit> {
  const file = await readConfigFile(location.path);
  const config = await readApplicationHostConfig(location);
  await assertUnchanged(location.path, file.identity);
  const decoded = decodeConfigText(file.bytes);
  const scan = scanDocument(decoded.text);
  const sites = scan.sites ? siteElements(locateSites(decoded.text, scan.sites)) : [];
  if (sites.length !== config.sites.length) {
    throw configInvalid(location.path, 1, `holds ${config.sites.length} sites for the reader but ${sites.length} <site> elements for the editor, so an edit could land in the wrong site; nothing was changed`);
  }
  return { config, file, decoded, siteElements: sites };
}

/**
 * The edited bytes and the diff, checked before anything is written: the new text must still
 * be a well-formed document whose sites the editor finds again.
 */
export function planConfigEdit(edit: ConfigForEdit, change: TextEdit, description: string): PlannedConfigEdit {
  const text = applyTextEdit(edit.decoded.text, change);
  try {
    const scan = scanDocument(text);
    const sites = scan.sites ? siteElements(locateSites(text, scan.sites)) : [];
    if (sites.length !== edit.siteElements.length) throw new ConfigFault(1, 'the edit changed the number of sites');
  } catch (error) {
    const reason = error instanceof ConfigFault ? error.reason : String(error);
    throw new HttpApiError('CONFIG_INVALID', `The edit of ${edit.file.file} (${description}) would make it unreadable (${reason}); nothing was written. Please report this with the file.`, { file: edit.file.file });
  }
  const bytes = editConfigBytes(edit.file.bytes, edit.decoded, change);
  return { bytes, text, step: { kind: 'config', file: edit.file.file, diff: unifiedDiff(edit.file.file, edit.decoded.text, text), description } };
}
