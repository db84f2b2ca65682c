import { XMLParser } from 'fast-xml-parser';
import { HttpApiError } from '../errors.js';

/** `<configurationRedirection>` of inetsrv\config\redirection.config (IIS Shared Configuration). */
export interface RedirectionConfig {
  enabled: boolean;
  /** The folder (usually a UNC share) holding the shared applicationHost.config. */
  path: string;
  /** The account IIS impersonates to read the share; HttpApi does not (it has no way to decrypt the password). */
  userName: string | null;
}

/**
 * Reads the section Microsoft documents as ConfigurationRedirectionSection: `enabled`
 * ("true if the location of the ApplicationHost.config and Administration.config files is
 * redirected to the location specified by the RedirectionPath property"; default false),
 * `path` (default ""), `userName`. Enabled without a path redirects nowhere, so it counts as off.
 */
export function parseRedirectionConfig(text: string, file: string): RedirectionConfig {
  let document: unknown;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, ignoreDeclaration: true }).parse(text.replace(/^\uFEFF/, ''), true);
  } catch (error) {
    throw new HttpApiError('CONFIG_INVALID', `${file} is not readable XML (${(error as Error).message}), so where IIS keeps its configuration is unknown.`, { file });
  }
  const section = (document as { configuration?: { configurationRedirection?: Record<string, unknown> | string } }).configuration?.configurationRedirection;
  const attributes = typeof section === 'object' && section !== null ? section : {};
  const enabled = String(attributes.enabled ?? 'false').trim().toLowerCase() === 'true';
  const target = typeof attributes.path === 'string' ? attributes.path.trim() : '';
  const userName = typeof attributes.userName === 'string' && attributes.userName.trim() ? attributes.userName.trim() : null;
  return { enabled: enabled && target !== '', path: target, userName };
}
