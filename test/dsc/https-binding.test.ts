import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { demoRecords, EXPIRED, removeWrappers, WWW } from '../changes/demo-server.js';
import { drive, ok } from './drive-resource.js';
import { dscServer, type DscServer } from './dsc-server.js';

// HttpApi/HttpsBinding driven as DSC drives it, against a copy of the demo server's
// applicationHost.config and the netsh double holding its mappings.
const type = 'HttpApi/HttpsBinding';
let server: DscServer;
afterEach(() => server.dispose());
afterAll(() => removeWrappers());

const shop = (extra: Record<string, unknown> = {}) => ({ site: 'Fabrikam Shop', bindingInformation: '*:443:shop.fabrikam.com', source: server.source, ...extra });

describe('HttpApi/HttpsBinding', () => {
  it('get reads the binding and the certificate its mapping serves; a missing binding has _exist false', () => {
    server = dscServer();
    expect(ok(drive(type, 'get', shop())).state).toEqual({ ...shop(), sslFlags: 1, certificateHash: EXPIRED, certificateStoreName: 'MY', _exist: true });
    expect(ok(drive(type, 'get', shop({ bindingInformation: '*:443:nowhere.fabrikam.com' }))).state).toEqual({ ...shop({ bindingInformation: '*:443:nowhere.fabrikam.com' }), _exist: false });
  });

  it('test false, set, test true; a second set runs no netsh change and writes no configuration', () => {
    server = dscServer();
    const desired = shop({ certificateHash: WWW.toLowerCase() });
    const before = ok(drive(type, 'test', desired));
    expect(before.state._inDesiredState).toBe(false);
    expect(before.diff).toEqual(['certificateHash']);

    const set = ok(drive(type, 'set', desired));
    expect(set.state).toMatchObject({ certificateHash: WWW, _exist: true });
    expect(set.diff).toEqual(['certificateHash']);
    // bindings/setCertificate's update: app id, store and every option carried over.
    expect(server.changes()).toEqual([expect.stringMatching(new RegExp(`^http update sslcert hostnameport=shop\\.fabrikam\\.com:443 certhash=${WWW} appid=\\{4dc3e181-e14b-4a21-b022-59fc669b0914\\} certstorename=MY `))]);
    expect(server.record('shop.fabrikam.com:443')?.certhash).toBe(WWW.toLowerCase());

    const after = ok(drive(type, 'test', desired));
    expect(after.state._inDesiredState).toBe(true);
    expect(after.diff).toEqual([]);

    const again = drive(type, 'set', desired);
    expect(ok(again)).toEqual({ state: set.state, diff: [] });
    expect(again.traces).toContainEqual({ info: `${type}: already in the desired state; nothing to change.` });
    expect(server.changes()).toHaveLength(1);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.others()).toEqual([]);
  });

  it('test compares only what is stated: sslFlags alone is in the desired state whatever the certificate', () => {
    server = dscServer();
    expect(ok(drive(type, 'test', shop({ sslFlags: 1 }))).state._inDesiredState).toBe(true);
    expect(ok(drive(type, 'test', shop({ sslFlags: 0 }))).diff).toEqual(['sslFlags']);
    expect(ok(drive(type, 'test', shop({ certificateStoreName: 'my' }))).state._inDesiredState).toBe(true);
    expect(ok(drive(type, 'test', shop({ _exist: false }))).diff).toEqual(['_exist']);
  });

  it('a missing binding is added with its mapping, then removed with it (_exist false), each in one set', () => {
    server = dscServer();
    const desired = { site: 'Contoso WWW', bindingInformation: '*:443:new.contoso.com', sslFlags: 1, certificateHash: WWW, source: server.source };
    const added = ok(drive(type, 'set', desired));
    expect(added.diff).toEqual(['_exist']);
    expect(added.state).toEqual({ ...desired, certificateStoreName: 'MY', _exist: true });
    expect(server.bytes().toString('utf8')).toContain('<binding protocol="https" bindingInformation="*:443:new.contoso.com" sslFlags="1" />');
    expect(server.record('new.contoso.com:443')).toMatchObject({ certhash: WWW.toLowerCase() });
    expect(ok(drive(type, 'test', desired)).state._inDesiredState).toBe(true);

    const removed = ok(drive(type, 'set', { ...desired, _exist: false }));
    expect(removed).toEqual({ state: { site: desired.site, bindingInformation: desired.bindingInformation, source: server.source, _exist: false }, diff: ['_exist'] });
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.record('new.contoso.com:443')).toBeUndefined();
  });

  it('delete removes the binding and its mapping; deleting it again changes nothing', () => {
    server = dscServer();
    const run = drive(type, 'delete', shop());
    expect(run.status, run.stderr).toBe(0);
    expect(server.bytes().toString('utf8')).not.toContain('bindingInformation="*:443:shop.fabrikam.com"');
    expect(server.bytes().toString('utf8')).toContain('bindingInformation="*:80:shop.fabrikam.com"');
    expect(server.record('shop.fabrikam.com:443')).toBeUndefined();
    const changes = server.changes().length;
    expect(drive(type, 'delete', shop()).status).toBe(0);
    expect(server.changes()).toHaveLength(changes);
  });

  it('what-if returns the expected state and the plan, and changes nothing', () => {
    server = dscServer();
    const run = drive(type, 'whatIf', shop({ certificateHash: WWW }));
    expect(ok(run)).toEqual({ state: { ...shop(), sslFlags: 1, certificateHash: WWW, certificateStoreName: 'MY', _exist: true }, diff: ['certificateHash'] });
    expect(run.traces).toContainEqual({ info: expect.stringMatching(/^Would run: netsh http update sslcert hostnameport=shop\.fabrikam\.com:443 certhash=8A797AEF/) });
    expect(server.changes()).toEqual([]);
    expect(server.record('shop.fabrikam.com:443')?.certhash).toBe(EXPIRED.toLowerCase());
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.others()).toEqual([]);
  });

  it('other sslFlags of an existing binding go through bindings/update: the binding in place, its mapping\'s options with it', () => {
    server = dscServer();
    const desired = shop({ sslFlags: 5 });
    expect(ok(drive(type, 'test', desired)).diff).toEqual(['sslFlags']);
    const run = drive(type, 'set', desired);
    expect(ok(run).state).toMatchObject({ sslFlags: 5, certificateHash: EXPIRED, _exist: true });
    // SNI + DisableHTTP2 (4): the file says 5, and the SNI mapping disables HTTP/2 with its certificate unchanged.
    expect(server.bytes().toString('utf8')).toContain('<binding protocol="https" bindingInformation="*:443:shop.fabrikam.com" sslFlags="5" />');
    expect(server.changes()).toEqual([expect.stringMatching(/^http update sslcert hostnameport=shop\.fabrikam\.com:443 .*disablehttp2=enable/)]);
    expect(server.record('shop.fabrikam.com:443')?.certhash).toBe(EXPIRED.toLowerCase());
    expect(ok(drive(type, 'test', desired)).diff).toEqual([]);
  });

  it('a shared IP mapping changes only with allowSharedMapping (exit 3 without)', () => {
    server = dscServer();
    const portal = { site: 'Contoso Portal', bindingInformation: '10.0.0.5:443:portal.contoso.com', certificateHash: WWW, certificateStoreName: 'MY', source: server.source };
    const refused = drive(type, 'set', portal);
    expect(refused.status).toBe(3);
    expect(refused.traces[0]?.error).toMatch(/Contoso Docs/);
    expect(server.changes()).toEqual([]);
    expect(ok(drive(type, 'set', { ...portal, allowSharedMapping: true })).diff).toEqual(['certificateHash', 'certificateStoreName']);
    expect(server.record('10.0.0.5:443')).toMatchObject({ certhash: WWW.toLowerCase(), certstorename: 'MY' });
  });

  it('bad input: not JSON or an unknown property exits 2 with an error trace naming it', () => {
    server = dscServer();
    const unknown = drive(type, 'get', shop({ colour: 'blue' }));
    expect(unknown.status).toBe(2);
    expect(unknown.traces[0]?.error).toMatch(/colour/);
    const thumbprint = drive(type, 'test', shop({ certificateHash: 'not-a-hash' }));
    expect(thumbprint.status).toBe(2);
    expect(thumbprint.traces[0]?.error).toMatch(/certificateHash: must be a SHA-1 thumbprint/);
  });

  it('export lists every https binding; set on a copy whose mappings differ reproduces the state', () => {
    const exported = drive(type, 'export', { source: { snapshot: 'fixtures/demo-server' } });
    expect(exported.status, exported.stderr).toBe(0);
    const instances = exported.lines as Record<string, unknown>[];
    expect(instances).toHaveLength(15);
    expect(instances).toContainEqual({ site: 'Admin', bindingInformation: '*:8443:', sslFlags: 0 });
    expect(instances).toContainEqual({ site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', sslFlags: 1, certificateHash: WWW, certificateStoreName: 'MY' });

    // The copy: three mappings gone, one pointing at another certificate.
    const gone = new Set(['www.contoso.com:443', 'shop.fabrikam.com:443', '10.0.0.5:443']);
    server = dscServer(demoRecords().filter((record) => !gone.has(record.key)).map((record) => (record.key === 'billing.contoso.com:443' ? { ...record, certhash: WWW.toLowerCase() } : record)));
    expect(drive(type, 'export', { source: server.source }).lines).not.toEqual(instances);
    for (const instance of instances) {
      const run = drive(type, 'set', { ...instance, allowSharedMapping: true, source: server.source });
      expect(run.status, `${JSON.stringify(instance)}: ${run.stderr}`).toBe(0);
    }
    expect(server.changes()).toHaveLength(4);
    expect(drive(type, 'export', { source: server.source }).lines).toEqual(instances);
    expect(server.bytes().equals(server.original)).toBe(true);
  }, 240_000);
});
