export const XDT_NAMESPACE = 'http://schemas.microsoft.com/XML-Document-Transform';

/** Elements that belong inside an applicationHost.config: a file rooted at one is a cut-out piece. */
const CONFIG_ELEMENTS = new Set([
  'system.applicationHost', 'system.webServer', 'system.web', 'sites', 'site', 'bindings', 'binding', 'application',
  'applicationPools', 'location', 'configSections', 'httpCompression', 'globalModules', 'handlers', 'modules', 'rewrite',
]);

/**
 * Says what a file is when its root element shows it is not an applicationHost.config, so
 * that the person who pointed at it knows which file they have instead.
 */
export function describeForeignRoot(name: string, line: number, xdt: boolean): string {
  if (xdt) {
    return `is an XDT transform (root <configuration> at line ${line} declares xmlns:xdt="${XDT_NAMESPACE}"), not an applicationHost.config; it describes changes to one`;
  }
  if (name.toLowerCase() === 'html') return `is an HTML page (root element <html> at line ${line}), not an applicationHost.config`;
  if (name.toLowerCase() === 'configuration') return `is not an applicationHost.config: its root element is <${name}> (line ${line}); XML names are case-sensitive and the root must be <configuration>`;
  if (CONFIG_ELEMENTS.has(name)) {
    const wrap = name === 'system.applicationHost' ? '; wrap it in <configuration>...</configuration> to read it' : '';
    return `is a fragment, not a whole applicationHost.config: its root element is <${name}> (line ${line}), where <configuration> is expected${wrap}`;
  }
  return `is not an applicationHost.config: its root element is <${name}> (line ${line}), where <configuration> is expected`;
}
