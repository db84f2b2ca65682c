// A seeded generator of a large, realistic applicationHost.config: a full-IIS skeleton
// (configSections, application pools, global modules, handlers, location tags, the comments
// IIS ships with) around N sites holding exactly 2·N bindings in the forms real files use.
// Reused by the whole-product benchmark, which also needs the https bindings it holds.

/** Mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODULES = [
  'HttpLoggingModule:loghttp', 'UriCacheModule:cachuri', 'FileCacheModule:cachfile', 'TokenCacheModule:cachtokn',
  'HttpCacheModule:cachhttp', 'StaticCompressionModule:compstat', 'DefaultDocumentModule:defdoc', 'DirectoryListingModule:dirlist',
  'ProtocolSupportModule:protsup', 'HttpRedirectionModule:redirect', 'StaticFileModule:static', 'AnonymousAuthenticationModule:authanon',
  'WindowsAuthenticationModule:authsspi', 'UrlAuthorizationModule:urlauthz', 'BasicAuthenticationModule:authbas',
  'RequestFilteringModule:modrqflt', 'CustomErrorModule:custerr', 'IsapiModule:isapi', 'IsapiFilterModule:filter',
  'RequestMonitorModule:iisreqs', 'DynamicCompressionModule:compdyn', 'CgiModule:cgi', 'FastCgiModule:iisfcgi',
];

const SECTIONS = {
  'system.applicationHost': ['applicationPools', 'configHistory', 'customMetadata', 'listenerAdapters', 'log', 'serviceAutoStartProviders', 'sites', 'webLimits'],
  'system.webServer': ['asp', 'caching', 'cgi', 'defaultDocument', 'directoryBrowse', 'fastCgi', 'globalModules', 'handlers', 'httpCompression', 'httpErrors', 'httpLogging', 'httpProtocol', 'httpRedirect', 'httpTracing', 'isapiFilters', 'modules', 'odbcLogging', 'serverRuntime', 'serverSideInclude', 'staticContent', 'tracing', 'urlCompression', 'validation', 'webSocket'],
};

/**
 * `sharedNonSni` caps the non-SNI host-named https bindings on *:443 (all served by the one
 * 0.0.0.0:443 mapping, so each lists all the others); past the cap such bindings require SNI.
 * Without it, about 10% of the https bindings share 0.0.0.0:443.
 * @param {{ sites: number, seed: number, sharedNonSni?: number }} options
 * @returns {{ xml: string, httpsBindings: { site: string, siteId: number, bindingInformation: string, sslFlags: number, address: string, port: number, host: string }[] }}
 */
export function generateApplicationHostConfig({ sites, seed, sharedNonSni = Infinity }) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const pools = Math.max(1, Math.ceil(sites / 20));
  const out = [];
  const httpsBindings = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\r\n<!--\r\n\r\n    IIS configuration sections.\r\n\r\n    For schema documentation, see\r\n    %windir%\\system32\\inetsrv\\config\\schema\\IIS_schema.xml.\r\n\r\n    Please make a backup of this file before making any changes to it.\r\n\r\n-->\r\n\r\n<configuration>\r\n');
  out.push('    <!-- The <configSections> section controls the registration of sections. -->\r\n    <configSections>\r\n');
  for (const [group, names] of Object.entries(SECTIONS)) {
    out.push(`        <sectionGroup name="${group}">\r\n`);
    for (const name of names) out.push(`            <section name="${name}" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />\r\n`);
    out.push('        </sectionGroup>\r\n');
  }
  out.push('    </configSections>\r\n\r\n    <system.applicationHost>\r\n\r\n        <applicationPools>\r\n');
  for (let pool = 1; pool <= pools; pool++) out.push(`            <add name="Pool${pool}" managedRuntimeVersion="v4.0" />\r\n`);
  out.push('            <applicationPoolDefaults managedRuntimeVersion="v4.0">\r\n                <processModel identityType="ApplicationPoolIdentity" loadUserProfile="true" setProfileEnvironment="false" />\r\n            </applicationPoolDefaults>\r\n        </applicationPools>\r\n\r\n');
  out.push('        <customMetadata />\r\n\r\n        <listenerAdapters>\r\n            <add name="http" />\r\n            <add name="net.tcp" identity="S-1-5-80-3579033775-2824656752-1522793541-1960352512-462907086" />\r\n        </listenerAdapters>\r\n\r\n');
  out.push('        <log>\r\n            <centralBinaryLogFile enabled="true" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />\r\n            <centralW3CLogFile enabled="true" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />\r\n        </log>\r\n\r\n');
  out.push('        <sites>\r\n');
  // Exactly two bindings per site on average: a third of the sites have one, a third two, a third three.
  for (let id = 1; id <= sites; id++) {
    const name = `site${String(id).padStart(5, '0')}.example.com`;
    const count = id > sites - (sites % 3) ? 2 : [1, 2, 3][id % 3];
    const pool = `Pool${1 + (id % pools)}`;
    out.push(`            <site name="${name}" id="${id}" serverAutoStart="true">\r\n`);
    out.push(`                <application path="/" applicationPool="${pool}">\r\n                    <virtualDirectory path="/" physicalPath="D:\\Sites\\${name}\\wwwroot" />\r\n`);
    if (next() < 0.1) out.push(`                    <virtualDirectory path="/media" physicalPath="\\\\fileserver\\media\\${name}" />\r\n`);
    out.push('                </application>\r\n');
    if (next() < 0.1) out.push(`                <application path="/api" applicationPool="${pool}">\r\n                    <virtualDirectory path="/" physicalPath="D:\\Sites\\${name}\\api" />\r\n                </application>\r\n`);
    out.push('                <bindings>\r\n');
    for (let index = 0; index < count; index++) {
      let binding = makeBinding(next, pick, id, index, name);
      if (binding.protocol === 'https' && binding.address === '*' && binding.port === 443 && binding.host && binding.sslFlags === 0 && sharedNonSni-- <= 0) {
        binding = https('*', 443, binding.host, 1);
      }
      out.push(`                    <binding protocol="${binding.protocol}" bindingInformation="${binding.bindingInformation}"${binding.sslFlags === undefined ? '' : ` sslFlags="${binding.sslFlags}"`} />\r\n`);
      if (binding.protocol === 'https') httpsBindings.push({ site: name, siteId: id, bindingInformation: binding.bindingInformation, sslFlags: binding.sslFlags ?? 0, address: binding.address, port: binding.port, host: binding.host });
    }
    out.push('                </bindings>\r\n');
    if (next() < 0.05) out.push(`                <logFile directory="E:\\Logs\\${name}" />\r\n`);
    out.push('            </site>\r\n');
  }
  out.push('            <siteDefaults>\r\n                <logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />\r\n                <traceFailedRequestsLogging directory="%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles" />\r\n            </siteDefaults>\r\n');
  out.push('            <applicationDefaults applicationPool="Pool1" />\r\n            <virtualDirectoryDefaults allowSubDirConfig="true" />\r\n        </sites>\r\n\r\n        <webLimits />\r\n\r\n    </system.applicationHost>\r\n\r\n');
  out.push('    <system.webServer>\r\n\r\n        <globalModules>\r\n');
  for (const module of MODULES) {
    const [moduleName, dll] = module.split(':');
    out.push(`            <add name="${moduleName}" image="%windir%\\System32\\inetsrv\\${dll}.dll" />\r\n`);
  }
  out.push('        </globalModules>\r\n\r\n        <handlers accessPolicy="Read, Script">\r\n');
  for (const ext of ['asp', 'cer', 'shtml', 'stm', 'shtm', 'aspx', 'ashx', 'asmx', 'svc', 'axd']) {
    out.push(`            <add name="${ext.toUpperCase()}-Integrated" path="*.${ext}" verb="GET,HEAD,POST,DEBUG" type="System.Web.UI.PageHandlerFactory" preCondition="integratedMode,runtimeVersionv4.0" />\r\n`);
  }
  out.push('            <add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" />\r\n        </handlers>\r\n\r\n    </system.webServer>\r\n');
  // Hosting panels write one location tag per site for authentication settings; keep a tenth of that.
  for (let id = 1; id <= sites; id += 10) {
    const name = `site${String(id).padStart(5, '0')}.example.com`;
    out.push(`    <location path="${name}">\r\n        <system.webServer>\r\n            <security>\r\n                <authentication>\r\n                    <anonymousAuthentication enabled="true" userName="" />\r\n                    <windowsAuthentication enabled="false" />\r\n                </authentication>\r\n            </security>\r\n        </system.webServer>\r\n    </location>\r\n`);
  }
  out.push('</configuration>\r\n');
  return { xml: out.join(''), httpsBindings };
}

/**
 * Bindings as a hosting server has them: unique, each https one in a form that needs its own
 * kind of http.sys mapping (SNI host, specific IPv4 or IPv6 address, or the shared 0.0.0.0:443).
 */
function makeBinding(next, pick, id, index, name) {
  const ipv4 = `10.${(id >> 16) & 255}.${(id >> 8) & 255}.${id & 255}`;
  const host = `${['www', 'api', 'cdn'][index]}.${name}`;
  if (index === 0) return pick([http('*', 80, host), http('*', 80, host), http('', 80, host), http(ipv4, 80, '')]);
  const roll = next();
  if (roll < 0.05) return { protocol: 'net.tcp', bindingInformation: `808:${host}` };
  if (roll < 0.1) return http('*', 8080, host);
  if (roll < 0.6) {
    const sniHost = roll < 0.15 ? `*.${host}` : host;
    return https('*', 443, sniHost, roll < 0.55 ? 1 : 5);
  }
  if (roll < 0.75) return https(ipv4, 442 + index, '', roll < 0.7 ? undefined : 0);
  if (roll < 0.85) return https('*', 443, host, 0);
  if (roll < 0.95) return https(`[2001:db8::${id.toString(16)}]`, 442 + index, '', undefined);
  return https('*', 44300 + (id % 100), host, undefined);
}

function https(address, port, host, sslFlags) {
  return { protocol: 'https', bindingInformation: `${address}:${port}:${host}`, sslFlags, address, port, host };
}

function http(address, port, host) {
  return { protocol: 'http', bindingInformation: `${address}:${port}:${host}`, address, port, host };
}
