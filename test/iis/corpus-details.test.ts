import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readApplicationHostConfig } from '../../src/iis/read-application-host-config.js';

/**
 * Details of single corpus files, every expectation written by reading the file (line numbers
 * as an editor shows them). The file-by-file comparison lives in corpus.test.ts.
 */
const corpusDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/corpus/applicationhost');
const read = (file: string) => readApplicationHostConfig({ path: path.join(corpusDir, file), origin: 'snapshot' });
const site = async (file: string, name: string) => (await read(file)).sites.find((candidate) => candidate.name === name)!;

describe('corpus details', () => {
  it('001: applications with their pools and paths, net.* bindings kept opaque, the site line', async () => {
    const first = await site('001.config', 'Default Web Site');
    expect(first).toMatchObject({ id: 1, line: 823 });
    expect(first.serverAutoStart).toBeUndefined();
    expect(first.applications.slice(0, 2)).toEqual([
      { path: '/', virtualDirectories: [{ path: '/', physicalPath: '%SystemDrive%\\inetpub\\wwwroot', attributes: { path: '/', physicalPath: '%SystemDrive%\\inetpub\\wwwroot' } }], attributes: { path: '/' } },
      {
        path: '/BAM',
        applicationPool: 'BAMAppPool',
        virtualDirectories: [{ path: '/', physicalPath: 'C:\\Program Files (x86)\\Microsoft BizTalk Server 2010\\BAMPortal', attributes: expect.any(Object) }],
        attributes: { path: '/BAM', applicationPool: 'BAMAppPool' },
      },
    ]);
    expect(first.applications.map((application) => application.path)).toEqual(['/', '/BAM', '/BAM/BAMQueryService', '/BAM/BAMManagementService', '/HistoryMatch']);
    const netTcp = first.bindings.find((binding) => binding.protocol === 'net.tcp')!;
    expect(netTcp).toEqual({ protocol: 'net.tcp', bindingInformation: '808:*', sslFlags: 0, sslFlagNames: [], unknownSslFlags: 0, line: 841 });
    expect((await site('001.config', 'ImageClearingImagesService')).serverAutoStart).toBe(true);
  });

  it('004: an SNI binding, decoded', async () => {
    const https = (await site('004.config', 'Default Web Site')).bindings[1]!;
    expect(https).toEqual({
      protocol: 'https',
      bindingInformation: '*:443:aldongrove.100mountain.net',
      sslFlags: 1,
      sslFlagNames: ['Sni'],
      unknownSslFlags: 0,
      endpoint: { addressKind: 'any', address: '*', port: 443, host: 'aldongrove.100mountain.net', wildcardHost: false },
      line: 183,
    });
  });

  it('002: specific IPv4 addresses', async () => {
    const config = await read('002.config');
    const binding = config.sites.flatMap((entry) => entry.bindings).find((entry) => entry.bindingInformation === '10.16.32.193:443:')!;
    expect(binding).toMatchObject({ protocol: 'https', line: 587, endpoint: { addressKind: 'ipv4', address: '10.16.32.193', port: 443, host: '' } });
  });

  it('030: siteDefaults, applicationDefaults and virtualDirectoryDefaults', async () => {
    const config = await read('030.config');
    expect(config.siteDefaults).toEqual({
      attributes: {},
      elements: [
        { path: 'logFile', attributes: { logFormat: 'W3C', directory: '%SystemDrive%\\inetpub\\logs\\LogFiles' } },
        { path: 'traceFailedRequestsLogging', attributes: { directory: '%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles' } },
      ],
    });
    expect(config.applicationDefaults).toEqual({ applicationPool: 'DefaultAppPool' });
    expect(config.virtualDirectoryDefaults).toEqual({ allowSubDirConfig: 'true' });
  });

  it('039: non-ASCII site names', async () => {
    const config = await read('039.config');
    expect(config.sites.map((entry) => [entry.name, entry.line])).toEqual([
      ['WebSite1', 156],
      ['WebApplication1', 164],
      ['Genomgång', 172],
      ['BlogGenomgång', 180],
      ['MyBlog', 188],
    ]);
  });

  it('051: BOM, CRLF and a Cyrillic physical path', async () => {
    const config = await read('051.config');
    const application = config.sites[1]!;
    expect(application.name).toBe('WebApplication1');
    expect(application.applications[0]!.virtualDirectories[0]!.physicalPath).toBe('C:\\Users\\khaki\\OneDrive\\Рабочий стол\\dscc.coursework-backend\\WebApplication1');
    expect(application.applications[0]!.applicationPool).toBe('WebApplication1 AppPool');
    expect(application.bindings.map((binding) => [binding.bindingInformation, binding.line])).toEqual([
      ['*:34566:localhost', 163],
      ['*:44384:localhost', 164],
    ]);
    expect(config.configKind).toBe('iisexpress');
  });

  it('065: a placeholder port is kept raw and flagged', async () => {
    const config = await read('065.config');
    const binding = config.sites[0]!.bindings[0]!;
    expect(binding).toMatchObject({ protocol: 'https', bindingInformation: ':[PORT]:localhost', problem: "port '[PORT]' is not a number (an unfilled template placeholder?)", line: 163 });
    expect(binding.endpoint).toBeUndefined();
    expect(config.findings).toContainEqual(expect.objectContaining({ code: 'BINDING_INVALID', severity: 'warning', site: 'HttpsTestSite', binding: ':[PORT]:localhost' }));
  });

  it('066: a commented-out site and commented-out applications are not read', async () => {
    const config = await read('066.config');
    expect(config.sites.map((entry) => entry.name)).toEqual(['WebSite1']);
    const paths = config.sites[0]!.applications.map((application) => application.path);
    expect(paths.slice(0, 4)).toEqual(['/', '/wsclient', '/URLRewrite', '/ErrorHandling_NotExisting']);
    expect(config.sites[0]!.applications.flatMap((application) => application.virtualDirectories).map((directory) => directory.physicalPath)).not.toContain('C:\\temp\\jhkim');
  });

  it('068: every site inside one comment leaves no site', async () => {
    const config = await read('068.config');
    expect(config.sites).toEqual([]);
    expect(config.configKind).toBe('iisexpress');
  });

  it('047: LAN addresses used as host names are reported', async () => {
    const config = await read('047.config');
    const odd = config.findings.filter((finding) => finding.code === 'BINDING_HOST_IS_IP');
    expect(odd.map((finding) => finding.binding)).toEqual(['*:50354:192.168.0.101', '*:44364:192.168.0.101', '*:50354:192.168.0.102', '*:50355:192.168.0.102', '*:50356:192.168.0.102', '*:12496:192.168.0.102']);
  });

  it('036: the same https binding in two IIS Express sites is reported as information', async () => {
    const config = await read('036.config');
    const duplicates = config.findings.filter((finding) => finding.code === 'DUPLICATE_BINDING');
    expect(duplicates.map((finding) => [finding.binding, finding.severity])).toContainEqual(['*:44302:localhost', 'info']);
  });

  it('067: the Jexus Manager fixture: odd bindings of every protocol', async () => {
    const config = await read('067.config');
    const bindings = config.sites[0]!.bindings;
    expect(bindings.map((binding) => [binding.protocol, binding.bindingInformation, binding.endpoint?.addressKind ?? binding.problem ?? 'opaque'])).toEqual([
      ['http', ':8080:localhost', 'unspecified'],
      ['net.tcp', '808:*', 'opaque'],
      ['net.msmq', 'localhost', 'opaque'],
      ['msmq.formatname', 'localhost', 'opaque'],
      ['net.pipe', '*', 'opaque'],
      ['ftp', '*:21:', 'opaque'],
      ['http', ':8080:*', 'unspecified'],
      ['https', ':443:localhost', 'unspecified'],
      ['https', ':44300:*', 'unspecified'],
      ['ftp', '*:210:localhost', 'opaque'],
      ['net.tcp', '*', 'opaque'],
      ['net.msmq', '*', 'opaque'],
      ['msmq.formatname', '*', 'opaque'],
      ['net.pipe', 'localhost', 'opaque'],
    ]);
    expect(config.findings.filter((finding) => finding.code === 'BINDING_HOST_STAR').map((finding) => finding.binding)).toEqual([':8080:*', ':44300:*']);
  });
});
