import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { demoRecords, IIS, removeWrappers, WILDCARD, WWW } from '../changes/demo-server.js';
import { drive, ok } from './drive-resource.js';
import { dscServer, type DscServer } from './dsc-server.js';

// HttpApi/SslCertMapping driven as DSC drives it, against the netsh double holding the demo
// server's mappings (behind a wrapper that logs every change command).
const type = 'HttpApi/SslCertMapping';
let server: DscServer;
afterEach(() => server.dispose());
afterAll(() => removeWrappers());

const www = (extra: Record<string, unknown> = {}) => ({ kind: 'hostnameport', key: 'www.contoso.com:443', source: server.source, ...extra });

describe('HttpApi/SslCertMapping', () => {
  it('test false, set, test true for an option; the update carries everything else; a second set runs no netsh change', () => {
    server = dscServer(demoRecords().map((record) => (record.key === 'www.contoso.com:443' ? { ...record, options: { revocationfreshnesstime: 60 } } : record)));
    const desired = www({ options: { clientCertNegotiation: true } });
    const before = ok(drive(type, 'test', desired));
    expect(before.state).toMatchObject({ certificateHash: WWW, appId: IIS, certificateStoreName: 'MY', _inDesiredState: false });
    expect(before.diff).toEqual(['options']);

    const set = ok(drive(type, 'set', desired));
    expect(set.diff).toEqual(['options']);
    expect(set.state.options).toMatchObject({ clientCertNegotiation: true, revocationFreshnessTime: 60 });
    expect(server.changes()).toHaveLength(1);
    expect(server.changes()[0]).toMatch(new RegExp(`^http update sslcert hostnameport=www\\.contoso\\.com:443 certhash=${WWW} appid=\\${IIS.slice(0, -1)}\\} certstorename=MY .*revocationfreshnesstime=60 .*clientcertnegotiation=enable`));
    expect(server.record('www.contoso.com:443')).toMatchObject({ certhash: WWW.toLowerCase(), appid: IIS, options: { revocationfreshnesstime: 60, clientcertnegotiation: 'enable' } });

    expect(ok(drive(type, 'test', desired))).toMatchObject({ state: { _inDesiredState: true }, diff: [] });
    expect(ok(drive(type, 'set', desired)).diff).toEqual([]);
    expect(server.changes()).toHaveLength(1);
  });

  it('stated values are compared normalized: a lower-case, spaced thumbprint and an unbraced app id are the same', () => {
    server = dscServer();
    const spaced = WWW.toLowerCase().replace(/(..)/g, '$1 ').trim();
    expect(ok(drive(type, 'test', www({ certificateHash: spaced, appId: IIS.slice(1, -1).toUpperCase() }))).diff).toEqual([]);
    expect(ok(drive(type, 'test', www({ certificateHash: WILDCARD, certificateStoreName: 'WebHosting' }))).diff).toEqual(['certificateHash', 'certificateStoreName']);
  });

  it('a missing mapping needs its app id (exit 3 without); with it, it is added; _exist false deletes it once the bindings using it are acknowledged', () => {
    server = dscServer();
    const desired = { kind: 'ipport', key: '0.0.0.0:8443', certificateHash: WWW, source: server.source };
    const refused = drive(type, 'set', desired);
    expect(refused.status).toBe(3);
    expect(refused.traces[0]?.error).toMatch(/^appId: the mapping ipport 0\.0\.0\.0:8443 does not exist/);
    expect(server.changes()).toEqual([]);

    expect(ok(drive(type, 'set', { ...desired, appId: IIS })).diff).toEqual(['_exist']);
    expect(server.changes()).toEqual([`http add sslcert ipport=0.0.0.0:8443 certhash=${WWW} appid=${IIS}`]);
    expect(ok(drive(type, 'test', { ...desired, certificateStoreName: 'MY' })).diff).toEqual([]);

    const inUse = drive(type, 'set', { ...desired, _exist: false });
    expect(inUse.status).toBe(3);
    expect(inUse.traces[0]?.error).toMatch(/serves 1 binding\(s\): Admin \(\*:8443:\)/);
    expect(server.record('0.0.0.0:8443')).toBeDefined();
    expect(ok(drive(type, 'set', { ...desired, _exist: false, allowSharedMapping: true })).state).toEqual({ kind: 'ipport', key: '0.0.0.0:8443', source: server.source, _exist: false });
    expect(server.record('0.0.0.0:8443')).toBeUndefined();
  });

  it('what-if plans the update and changes nothing; delete deletes a mapping in use only when acknowledged', () => {
    server = dscServer();
    const run = drive(type, 'whatIf', www({ certificateHash: WILDCARD, certificateStoreName: 'WebHosting' }));
    expect(ok(run).state).toMatchObject({ certificateHash: WILDCARD, _exist: true });
    expect(run.traces).toContainEqual({ info: expect.stringMatching(/^Would run: netsh http update sslcert hostnameport=www\.contoso\.com:443 certhash=D54DAFC9/) });
    expect(server.changes()).toEqual([]);
    expect(server.record('www.contoso.com:443')?.certhash).toBe(WWW.toLowerCase());

    // Contoso WWW declares this mapping: delete goes only with the acknowledgement.
    expect(drive(type, 'delete', www()).status).toBe(3);
    expect(server.changes()).toEqual([]);
    expect(drive(type, 'delete', www({ allowSharedMapping: true })).status).toBe(0);
    expect(server.changes()).toEqual(['http delete sslcert hostnameport=www.contoso.com:443']);
    expect(server.record('www.contoso.com:443')).toBeUndefined();
  });

  it('export leaves out a captured mapping whose hash is redacted, with a warning for each', () => {
    server = dscServer();
    const run = drive(type, 'export', { source: { sslcertFile: 'fixtures/corpus/netsh/sslcert-en-13field-ipv6-01.txt' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines).toEqual([]);
    expect(run.traces).toEqual([
      { warn: 'Mapping ipport 0.0.0.0:443 is left out of the export: its certificate hash is not readable, so no configuration could recreate it.' },
      { warn: 'Mapping ipport [::]:443 is left out of the export: its certificate hash is not readable, so no configuration could recreate it.' },
    ]);
  });

  it('export lists the captured mappings; set on a copy whose mappings differ reproduces them', () => {
    const exported = drive(type, 'export', { source: { snapshot: 'fixtures/demo-server' } });
    expect(exported.status, exported.stderr).toBe(0);
    const instances = exported.lines as Record<string, unknown>[];
    expect(instances).toHaveLength(17);
    expect(instances).toContainEqual({ kind: 'ipport', key: '[::]:443', certificateHash: WWW, appId: '{ba195980-cd49-458b-9e23-c84ee0adcd75}', certificateStoreName: 'MY' });

    const gone = new Set(['www.contoso.com:443', '[::]:443', '0.0.0.0:44301']);
    server = dscServer(demoRecords().filter((record) => !gone.has(record.key)).map((record) => (record.key === 'cdn.contoso.com:443' ? { ...record, certhash: WWW.toLowerCase(), certstorename: 'MY' } : record)));
    for (const instance of instances) {
      const run = drive(type, 'set', { ...instance, source: server.source });
      expect(run.status, `${JSON.stringify(instance)}: ${run.stderr}`).toBe(0);
    }
    expect(server.changes()).toHaveLength(4);
    // http.sys lists mappings in its own order; a re-added one comes last.
    const byKey = (list: unknown[]) => [...(list as { kind: string; key: string }[])].sort((a, b) => `${a.kind} ${a.key}`.localeCompare(`${b.kind} ${b.key}`));
    expect(byKey(drive(type, 'export', { source: server.source }).lines)).toEqual(byKey(instances));
  }, 240_000);
});
