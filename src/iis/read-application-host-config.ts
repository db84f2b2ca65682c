import { HttpApiError } from '../errors.js';
import { catalogued } from '../finding-codes.js';
import { readSourceFile, whyUnreadable } from '../source/read-source-file.js';
import { DeniedReadReason } from '../source/denied-read-reason.js';
import { configFindings } from './config-findings.js';
import { ConfigFault, configInvalid, lineAt, linesAt } from './config-error.js';
import { detectConfigKind } from './config-kind.js';
import { findConflictMarker } from './conflict-markers.js';
import { decodeConfigText } from './decode-config-text.js';
import type { IisConfig } from './iis-config.js';
import type { ConfigLocation } from '../source/locate-config.js';
import { parseSitesSection } from './parse-sites-section.js';
import { scanDocument, type DocumentScan } from './scan-document.js';
import { sitesChunks } from './sites-chunks.js';

export type { IisConfig, IisSite, IisBinding, IisApplication, IisVirtualDirectory, ConfigKind, ConfigFinding } from './iis-config.js';

/**
 * Reads the sites of an applicationHost.config (IIS, IIS Express, or a copy in a snapshot).
 *
 * How, and why this way: a plain fast-xml-parser parse of a whole 10,000-site file (about
 * 6 MB) already costs more than the budget for the whole read (300 ms), and most of it goes
 * to objects for sections nobody asked for, to white space walked one character at a time,
 * and to the garbage collector copying one huge tree again and again. So:
 *  1. scanDocument walks every tag of the file with indexOf and sticky regular expressions,
 *     checking that it is well-formed as far as structure goes (tags closed and nested,
 *     attributes quoted, comments/CDATA/PIs closed, entity references known, one root) and
 *     noting where `<sites>`, its elements and `globalModules` are. No tree is built.
 *  2. fast-xml-parser parses the elements of `<sites>` alone, in chunks of about 128 KB
 *     (sites-chunks.ts) with comments cut out (a commented-out site is not a site) and the
 *     white space between tags removed, with options that skip entity processing, value
 *     conversion and the keyed-object conversion; each chunk's tree is turned into the model
 *     and dropped, so it dies young.
 * On the generated 10,000-site file this takes about two thirds of the plain parse's time
 * (bench/iis.bench.mjs); what is left is mostly fast-xml-parser's own work on <sites> and
 * the allocation of the model itself.
 * The trade-off: outside `<sites>` the file gets the structural check of step 1 and no more,
 * so a fault only a validating parser sees (a forbidden control character, a duplicated
 * attribute, a bad namespace prefix) goes unreported there, as it does inside <sites>, where
 * fast-xml-parser is no stricter. Conflict markers and the root element are checked first.
 */
export async function readApplicationHostConfig(location: ConfigLocation): Promise<IisConfig> {
  const file = location.path;
  let bytes: Buffer;
  try {
    ({ bytes } = await readSourceFile(file, 'configuration'));
  } catch (error) {
    throw unreadable(location, error);
  }
  try {
    return readConfigText(bytes, location);
  } catch (error) {
    if (error instanceof ConfigFault) throw configInvalid(file, error.line, error.reason);
    throw error;
  }
}

function readConfigText(bytes: Buffer, location: ConfigLocation): IisConfig {
  const { text } = decodeConfigText(bytes);
  const conflict = findConflictMarker(text);
  if (conflict) {
    throw new ConfigFault(conflict.line, `contains git merge-conflict markers (${conflict.marker}) at line ${conflict.line}; resolve the merge (keep one side, delete the marker lines) and read it again`);
  }
  const scan = scanDocument(text);
  if (!scan.hasApplicationHost) {
    throw new ConfigFault(scan.rootLine, `has no <system.applicationHost> section under its root <configuration> (line ${scan.rootLine}), so it is not an applicationHost.config (a web.config?)`);
  }
  const parsed = scan.sites ? parseSitesSection(sitesChunks(text, scan.sites), (offset) => lineAt(text, offset)) : { sites: [] };
  addLines(text, scan, parsed.sites);
  const globalModules = scan.globalModules ? text.slice(scan.globalModules.start, scan.globalModules.end) : '';
  const { kind, evidence } = detectConfigKind(globalModules, () => (scan.sites ? text.slice(scan.sites.start, scan.sites.end) : ''));
  return {
    file: location.path,
    origin: location.origin,
    configKind: kind,
    configKindEvidence: evidence,
    ...parsed,
    findings: [
      ...(location.note ? [{ ...catalogued('CONFIG_CHOSEN'), message: location.note, fix: 'To read another one, give --solution with its .sln file or --config with its file.' }] : []),
      ...configFindings(parsed.sites, kind),
    ],
  };
}

/** Lines from the scan's offsets: the parser keeps document order, so the n-th site is the n-th offset. */
function addLines(text: string, scan: DocumentScan, sites: IisConfig['sites']): void {
  const bindings = sites.flatMap((site) => site.bindings);
  if (sites.length !== scan.siteOffsets.length || bindings.length !== scan.bindingOffsets.length) return;
  const siteLines = linesAt(text, scan.siteOffsets);
  const bindingLines = linesAt(text, scan.bindingOffsets);
  sites.forEach((site, index) => (site.line = siteLines[index]));
  bindings.forEach((binding, index) => (binding.line = bindingLines[index]));
}

function unreadable(location: ConfigLocation, error: unknown): HttpApiError {
  const { code, why: generic } = whyUnreadable(error);
  const why =
    code === 'ENOENT' && location.origin === 'iis-express'
      ? 'there is no such file (IIS Express creates it the first time it runs for this user)'
      : code === 'EACCES' || code === 'EPERM'
        ? `permission denied: ${DeniedReadReason}`
        : generic;
  return new HttpApiError('SOURCE_UNREADABLE', `Cannot read the IIS configuration ${location.path}: ${why}.`, { file: location.path, code });
}
