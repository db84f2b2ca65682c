import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readConfig, withSites } from './write-config.js';

/** What the reader makes of content the corpus does not hold: written by hand, line by line. */
describe('reading sites', () => {
  it('keeps a site without id (id null) and says so', async () => {
    const config = await readConfig(withSites('      <site name="NoId"><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings></site>\n      <site name="Odd" id="x1" />'));
    expect(config.sites.map((site) => [site.name, site.id, site.line])).toEqual([
      ['NoId', null, 5],
      ['Odd', null, 6],
    ]);
    expect(config.findings.map((finding) => [finding.code, finding.site])).toEqual([
      ['SITE_WITHOUT_ID', 'NoId'],
      ['SITE_ID_INVALID', 'Odd'],
    ]);
  });

  it('decodes entities and normalizes white space in attribute values, as XML says', async () => {
    const config = await readConfig(withSites('      <site name="A &amp; B&#x2019;s\n site" id="1"><bindings><binding protocol="http" bindingInformation="*:80:a&#46;example" /></bindings></site>'));
    expect(config.sites[0]!.name).toBe('A & B’s  site');
    expect(config.sites[0]!.bindings[0]!.bindingInformation).toBe('*:80:a.example');
    expect(config.sites[0]!.bindings[0]!.endpoint?.host).toBe('a.example');
  });

  it('keeps bindingInformation exactly as written, spaces included, and flags it', async () => {
    const config = await readConfig(withSites('      <site name="S" id="1"><bindings><binding protocol="https" bindingInformation=" *:443:" /></bindings></site>'));
    expect(config.sites[0]!.bindings[0]).toMatchObject({ bindingInformation: ' *:443:', problem: "address ' *' is not '*', empty, an IPv4 address or a bracketed IPv6 address" });
  });

  it('skips commented-out bindings and still numbers the lines right', async () => {
    const sites = [
      '      <site name="S" id="1">',
      '        <bindings>',
      '          <!-- <binding protocol="http" bindingInformation="*:81:" /> -->',
      '          <binding protocol="http" bindingInformation="*:82:" />',
      '          <binding protocol="https" bindingInformation="*:443:s.example" sslFlags="Sni" />',
      '        </bindings>',
      '      </site>',
    ].join('\n');
    const config = await readConfig(withSites(sites));
    expect(config.sites[0]!.bindings.map((binding) => [binding.bindingInformation, binding.sslFlags, binding.line])).toEqual([
      ['*:82:', 0, 8],
      ['*:443:s.example', 1, 9],
    ]);
  });

  it('reads CDATA, text and elements it does not know inside a site without losing the bindings', async () => {
    const config = await readConfig(withSites('      <site name="S" id="1"><![CDATA[<binding protocol="x" bindingInformation="y"/>]]>text<limits maxBandwidth="100" /><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings></site>'));
    expect(config.sites[0]!.bindings.map((binding) => binding.bindingInformation)).toEqual(['*:80:']);
  });

  it('reads a site with two <bindings> elements and one with none', async () => {
    const config = await readConfig(withSites('      <site name="S" id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings><bindings><binding protocol="http" bindingInformation="*:81:" /></bindings></site><site name="T" id="2" />'));
    expect(config.sites.map((site) => site.bindings.map((binding) => binding.bindingInformation))).toEqual([['*:80:', '*:81:'], []]);
  });

  it('reads an empty <sites/> and a missing <sites> as no sites', async () => {
    expect((await readConfig('<configuration><system.applicationHost><sites/></system.applicationHost></configuration>')).sites).toEqual([]);
    expect((await readConfig('<configuration><system.applicationHost><applicationPools /></system.applicationHost></configuration>')).sites).toEqual([]);
  });

  it('reports duplicates: in one site an error, across IIS sites a warning', async () => {
    const config = await readConfig(
      withSites(
        [
          '      <site name="A" id="1"><bindings><binding protocol="http" bindingInformation="*:80:a" /><binding protocol="HTTP" bindingInformation="*:80:A" /></bindings></site>',
          '      <site name="B" id="1"><bindings><binding protocol="http" bindingInformation="*:80:a" /><binding protocol="net.tcp" bindingInformation="808:*" /></bindings></site>',
          '      <site name="C" id="3"><bindings><binding protocol="net.tcp" bindingInformation="808:*" /></bindings></site>',
          '      <site name="A" id="4" />',
        ].join('\n'),
      ),
    );
    expect(config.findings.map((finding) => [finding.code, finding.severity, finding.site])).toEqual([
      ['DUPLICATE_BINDING', 'error', 'A'],
      ['DUPLICATE_SITE_ID', 'error', 'B'],
      ['DUPLICATE_BINDING', 'warning', 'B'],
      ['DUPLICATE_SITE_NAME', 'error', 'A'],
    ]);
  });

  it('decodes sslFlags: names, unknown bits, SNI without a host, flags on http', async () => {
    const config = await readConfig(
      withSites(
        [
          '      <site name="S" id="1"><bindings>',
          '        <binding protocol="https" bindingInformation="*:443:" sslFlags="1" />',
          '        <binding protocol="https" bindingInformation="*:443:s.example" sslFlags="131" />',
          '        <binding protocol="https" bindingInformation="*:8443:s.example" sslFlags="Sni, CentralCertStore" />',
          '        <binding protocol="http" bindingInformation="*:80:" sslFlags="4" />',
          '        <binding protocol="https" bindingInformation="*:9443:" sslFlags="Ssl" />',
          '      </bindings></site>',
        ].join('\n'),
      ),
    );
    const [sniNoHost, unknown, named, http, bad] = config.sites[0]!.bindings;
    expect(sniNoHost).toMatchObject({ sslFlags: 1, sslFlagNames: ['Sni'] });
    expect(unknown).toMatchObject({ sslFlags: 131, sslFlagNames: ['Sni', 'CentralCertStore'], unknownSslFlags: 128 });
    expect(named).toMatchObject({ sslFlags: 3, sslFlagNames: ['Sni', 'CentralCertStore'] });
    expect(http).toMatchObject({ sslFlags: 4, sslFlagNames: ['DisableHTTP2'] });
    expect(bad).toMatchObject({ sslFlags: 0, problem: expect.stringContaining("sslFlags 'Ssl'") });
    expect(bad!.endpoint).toMatchObject({ port: 9443 });
    expect(config.findings.map((finding) => [finding.code, finding.binding])).toEqual([
      ['SNI_WITHOUT_HOST', '*:443:'],
      ['UNKNOWN_SSLFLAGS', '*:443:s.example'],
      ['SSL_FLAGS_NOT_HTTPS', '*:80:'],
      ['BINDING_INVALID', '*:9443:'],
    ]);
  });

  it('reads UTF-16 with a byte-order mark and a declared legacy code page', async () => {
    const text = withSites('      <site name="Café" id="1" />').replace('UTF-8', 'UTF-16');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await readConfig(utf16)).sites[0]!.name).toBe('Café');
    const latin = iconv.encode(withSites('      <site name="Café" id="1" />').replace('UTF-8', 'windows-1252'), 'windows-1252');
    expect((await readConfig(latin)).sites[0]!.name).toBe('Café');
  });

  it('keeps the origin and tells IIS Express by content', async () => {
    const config = await readConfig(withSites('      <site name="S" id="1"><application path="/"><virtualDirectory path="/" physicalPath="%IIS_SITES_HOME%\\S" /></application></site>'));
    expect(config).toMatchObject({ origin: 'explicit', configKind: 'iisexpress', configKindEvidence: 'no global modules; the sites use %IIS_SITES_HOME% (IIS Express)' });
  });
});
