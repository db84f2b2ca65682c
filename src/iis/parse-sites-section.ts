import { XMLParser } from 'fast-xml-parser';
import { hasEndpoint, parseBindingInformation } from './binding-information.js';
import { ConfigFault } from './config-error.js';
import type { SitesChunk } from './sites-chunks.js';
import type { ConfigSection, IisApplication, IisBinding, IisSite } from './iis-config.js';
import { parseSslFlagsAttribute, sslFlagNames, unknownSslFlags } from './ssl-flags.js';
import { attributes, children, section, tagName, type OrderedNode } from './xml-node.js';

/*
 * Options chosen for speed on large files (see read-application-host-config.ts). preserveOrder
 * skips the conversion to keyed objects and needs no isArray callback (a callback costs a
 * path string per element): together that halves the parse. Entities are left alone
 * (decodeAttribute does the few values that hold one), values stay strings, and nothing is
 * trimmed, so bindingInformation arrives exactly as written.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  preserveOrder: true,
  jPath: false,
});

export interface SitesSection {
  sites: IisSite[];
  siteDefaults?: ConfigSection;
  applicationDefaults?: Record<string, string>;
  virtualDirectoryDefaults?: Record<string, string>;
}

/**
 * Parses the elements of the `<sites>` section, chunk by chunk, into the model; each chunk's
 * parse tree is dropped as soon as its sites are read. `lineAt` turns an offset in the file
 * into a line, for an error the parser itself reports.
 */
export function parseSitesSection(chunks: Iterable<SitesChunk>, lineAt: (offset: number) => number): SitesSection {
  const result: SitesSection = { sites: [] };
  for (const chunk of chunks) {
    let nodes: OrderedNode[];
    try {
      nodes = parser.parse(chunk.text) as OrderedNode[];
    } catch (error) {
      // The scan has checked the structure already, so this is rare (a name such as
      // "constructor" that the parser refuses); its own line numbers would count lines of the
      // trimmed chunk, so the line where the chunk starts is what can be said.
      const detail = error instanceof Error ? error.message : String(error);
      const line = lineAt(chunk.start);
      throw new ConfigFault(line, `cannot be read in its <sites> section (in the element at line ${line} or one after it): ${detail}`);
    }
    for (const node of nodes) {
      const name = tagName(node);
      if (name === 'site') result.sites.push(readSite(node));
      else if (name === 'siteDefaults') result.siteDefaults ??= section(node);
      else if (name === 'applicationDefaults') result.applicationDefaults ??= attributes(node);
      else if (name === 'virtualDirectoryDefaults') result.virtualDirectoryDefaults ??= attributes(node);
    }
  }
  return result;
}

function readSite(node: OrderedNode): IisSite {
  const all = attributes(node);
  const idText = all.id?.trim();
  const site: IisSite = { name: all.name ?? '', id: idText !== undefined && /^[0-9]{1,10}$/.test(idText) ? Number(idText) : null, applications: [], bindings: [], attributes: all };
  for (const child of children(node)) {
    const name = tagName(child);
    if (name === 'application') site.applications.push(readApplication(child));
    else if (name === 'bindings') {
      for (const binding of children(child)) if (tagName(binding) === 'binding') site.bindings.push(readBinding(binding));
    } else if (name === 'applicationDefaults') site.applicationDefaults ??= attributes(child);
  }
  const autoStart = all.serverAutoStart?.trim().toLowerCase();
  if (autoStart === 'true' || autoStart === 'false') site.serverAutoStart = autoStart === 'true';
  return site;
}

function readApplication(node: OrderedNode): IisApplication {
  const all = attributes(node);
  const application: IisApplication = { path: all.path ?? '', virtualDirectories: [], attributes: all };
  if (all.applicationPool !== undefined) application.applicationPool = all.applicationPool;
  for (const child of children(node)) {
    if (tagName(child) !== 'virtualDirectory') continue;
    const directory = attributes(child);
    application.virtualDirectories.push({ path: directory.path ?? '', physicalPath: directory.physicalPath ?? '', attributes: directory });
  }
  return application;
}

function readBinding(node: OrderedNode): IisBinding {
  const all = attributes(node);
  const protocol = all.protocol;
  const bindingInformation = all.bindingInformation;
  const flags = parseSslFlagsAttribute(all.sslFlags);
  const binding: IisBinding = {
    protocol: protocol ?? '',
    bindingInformation: bindingInformation ?? '',
    sslFlags: flags.value,
    sslFlagNames: sslFlagNames(flags.value),
    unknownSslFlags: unknownSslFlags(flags.value),
  };
  const problems: string[] = [];
  if (protocol === undefined) problems.push('the binding has no protocol attribute');
  if (bindingInformation === undefined) problems.push('the binding has no bindingInformation attribute');
  else if (protocol !== undefined && hasEndpoint(protocol)) {
    const parsed = parseBindingInformation(bindingInformation);
    if (parsed.endpoint) binding.endpoint = parsed.endpoint;
    else if (parsed.problem) problems.push(parsed.problem);
  }
  if (flags.problem) problems.push(flags.problem);
  if (problems.length > 0) binding.problem = problems.join('; ');
  return binding;
}
