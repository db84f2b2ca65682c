import { afterEach, describe, expect, it } from 'vitest';
import { copyServer, demoRecords, EXPIRED, IIS, json, WILDCARD, WWW, type Server } from './demo-server.js';

// bindings/setCertificate end to end: the real CLI, a copy of the demo server's
// applicationHost.config and the netsh double holding the demo server's mappings.
let server: Server;
afterEach(() => server.dispose());

const setCertificate = (site: string, bindingInformation: string, hash: string, extra: string[] = []) =>
  server.cli(['binding', 'set-certificate', '--site', site, '--binding-information', bindingInformation, '--certificate-hash', hash, ...extra, '--json']);

describe('binding set-certificate', () => {
  it('updates the SNI mapping, keeping its app id and options, and leaves the configuration alone', () => {
    const records = demoRecords().map((record) => (record.key === 'shop.fabrikam.com:443' ? { ...record, appid: '{12345678-1234-1234-1234-123456789abc}', options: { clientcertnegotiation: 'enable', revocationfreshnesstime: 60 } } : record));
    server = copyServer(undefined, records);
    const result = json(setCertificate('Fabrikam Shop', '*:443:shop.fabrikam.com', WWW));
    expect(result.applied).toBe(true);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ kind: 'netsh', argv: expect.arrayContaining(['http', 'update', 'sslcert', 'hostnameport=shop.fabrikam.com:443', `certhash=${WWW}`, 'appid={12345678-1234-1234-1234-123456789abc}', 'certstorename=MY', 'clientcertnegotiation=enable', 'revocationfreshnesstime=60']) });
    expect(result.affected).toEqual([{ site: 'Fabrikam Shop', bindingInformation: '*:443:shop.fabrikam.com' }]);
    expect(server.record('shop.fabrikam.com:443')).toMatchObject({ certhash: WWW.toLowerCase(), appid: '{12345678-1234-1234-1234-123456789abc}', options: { clientcertnegotiation: 'enable', revocationfreshnesstime: 60 } });
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.others()).toEqual([]);
  });

  it('a binding without a mapping gets one with IIS\'s app id in store MY', () => {
    server = copyServer();
    const result = json(setCertificate('Admin', '*:8443:', WWW));
    expect(result.steps[0]).toMatchObject({ argv: ['http', 'add', 'sslcert', 'ipport=0.0.0.0:8443', `certhash=${WWW}`, `appid=${IIS}`, 'certstorename=MY'] });
    expect(server.record('0.0.0.0:8443')).toMatchObject({ certhash: WWW.toLowerCase(), appid: IIS, certstorename: 'MY' });
  });

  it('a shared IP mapping changes only with allowSharedMapping, and the answer lists every binding it serves', () => {
    server = copyServer();
    const refused = setCertificate('Contoso Portal', '10.0.0.5:443:portal.contoso.com', WWW, ['--certificate-store-name', 'MY']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Mapping ipport 10\.0\.0\.5:443 serves certificate D54DAFC9\S+ to 1 other binding\(s\): Contoso Docs \(10\.0\.0\.5:443:docs\.contoso\.com\)\. .*nothing was changed/);
    expect(server.record('10.0.0.5:443')?.certhash).toBe(WILDCARD.toLowerCase());

    const plan = json(setCertificate('Contoso Portal', '10.0.0.5:443:portal.contoso.com', WWW, ['--certificate-store-name', 'MY', '--allow-shared-mapping', '--what-if']));
    expect(plan.applied).toBe(false);
    expect(server.record('10.0.0.5:443')?.certhash).toBe(WILDCARD.toLowerCase());

    const result = json(setCertificate('Contoso Portal', '10.0.0.5:443:portal.contoso.com', WWW, ['--certificate-store-name', 'MY', '--allow-shared-mapping']));
    expect(result.affected).toEqual([
      { site: 'Contoso Portal', bindingInformation: '10.0.0.5:443:portal.contoso.com' },
      { site: 'Contoso Docs', bindingInformation: '10.0.0.5:443:docs.contoso.com' },
    ]);
    expect(result.messages).toContain('Mapping ipport 10.0.0.5:443 also serves Contoso Docs (10.0.0.5:443:docs.contoso.com): they get the new certificate too.');
    expect(server.record('10.0.0.5:443')).toMatchObject({ certhash: WWW.toLowerCase(), certstorename: 'MY', appid: IIS });
  });

  it('the certificate the mapping serves already: no step', () => {
    server = copyServer();
    const result = json(setCertificate('Contoso WWW', '*:443:www.contoso.com', WWW));
    expect(result).toMatchObject({ applied: true, steps: [] });
    expect(result.messages?.[0]).toMatch(/already serves certificate/);
  });

  it.each([
    ['Media', '*:443:media.contoso.com', /uses the Central Certificate Store/],
    ['Kiosk', '*:4443:', /requires SNI \(sslFlags bit 1\) but has no host name/],
    ['Reports', '*:8081:reports.contoso.com', /Site 'Reports' has no https binding '\*:8081:reports\.contoso\.com'/],
  ])('%s %s is refused', (site, bindingInformation, message) => {
    server = copyServer();
    const run = setCertificate(site, bindingInformation, WWW);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(server.records()).toEqual(demoRecords());
  });

  it('a certificate that is not in the store the mapping names is refused before netsh runs', () => {
    server = copyServer();
    const run = setCertificate('Contoso API', '*:443:api.contoso.com', EXPIRED, ['--certificate-store-name', 'WebHosting']);
    expect(run.stderr).toMatch(/Certificate D448C934\S+ is not in the LocalMachine store WebHosting/);
    expect(server.records()).toEqual(demoRecords());
  });
});
