import type { IisBinding, IisConfig, IisSite } from '../iis/read-application-host-config.js';
import { readKeptConfig } from '../join/kept-reads.js';
import type { ResultOf } from '../protocol/method.js';
import { SitesList } from '../protocol/index.js';
import { sameSiteName } from '../iis/site-name.js';
import { notFoundError } from '../text/not-found-error.js';
import { implement } from '../protocol/handler.js';

type SitesResult = ResultOf<typeof SitesList>;

export const sitesList = implement(SitesList, async (params, context) => {
  const location = context.source.config();
  context.progress(`Reading ${location.path}`);
  const config = await readKeptConfig(location);
  return sitesResult(config, params.site);
});

export function sitesResult(config: IisConfig, siteName?: string): SitesResult {
  let sites = config.sites;
  let findings = config.findings;
  if (siteName !== undefined) {
    sites = sites.filter((site) => sameSiteName(site.name, siteName));
    if (sites.length === 0) {
      throw notFoundError('site named', siteName, config.file, config.sites.map((site) => site.name), { site: siteName, file: config.file });
    }
    // Only what is about this site: a question about one site is not one about the server.
    findings = findings.filter((finding) => finding.site !== undefined && sameSiteName(finding.site, siteName));
  }
  const result: SitesResult = {
    file: config.file,
    origin: config.origin,
    configKind: config.configKind,
    configKindEvidence: config.configKindEvidence,
    sites: sites.map(site),
    findings,
  };
  if (config.siteDefaults) result.siteDefaults = config.siteDefaults;
  if (config.applicationDefaults) result.applicationDefaults = config.applicationDefaults;
  if (config.virtualDirectoryDefaults) result.virtualDirectoryDefaults = config.virtualDirectoryDefaults;
  return result;
}

function site(source: IisSite): SitesResult['sites'][number] {
  const { bindings, ...rest } = source;
  return { ...rest, bindings: bindings.map(binding) };
}

/** The protocol keeps the endpoint's parts on the binding itself (docs/protocol.md: address?, port?, host?). */
function binding(source: IisBinding): SitesResult['sites'][number]['bindings'][number] {
  const { endpoint, sslFlagNames, ...rest } = source;
  return { ...rest, sslFlagNames: [...sslFlagNames], ...endpoint };
}
