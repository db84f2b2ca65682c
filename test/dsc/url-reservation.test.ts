import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeWrappers } from '../changes/demo-server.js';
import { drive, ok } from './drive-resource.js';
import { dscServer, type DscServer } from './dsc-server.js';

// HttpApi/UrlReservation driven as DSC drives it, against the netsh double (behind a wrapper
// that logs every change command).
const type = 'HttpApi/UrlReservation';
let server: DscServer;
afterEach(() => server.dispose());
afterAll(() => removeWrappers());

describe('HttpApi/UrlReservation', () => {
  it('test false, set, test true for users; a second set runs no netsh change', () => {
    server = dscServer();
    const desired = { url: 'http://+:8080/app/', users: [{ user: 'Everyone' }], source: server.source };
    expect(ok(drive(type, 'test', desired))).toEqual({ state: { url: desired.url, source: server.source, _exist: false, _inDesiredState: false }, diff: ['_exist'] });
    const set = ok(drive(type, 'set', desired));
    expect(set.diff).toEqual(['_exist']);
    expect(set.state).toMatchObject({ url: desired.url, _exist: true, sddl: expect.stringMatching(/^D:\(A;;GX;;;/) });
    expect(server.changes()).toEqual(['http add urlacl url=http://+:8080/app/ user=Everyone listen=yes delegate=no']);
    expect(ok(drive(type, 'test', desired))).toMatchObject({ state: { _inDesiredState: true }, diff: [] });
    expect(ok(drive(type, 'set', desired)).diff).toEqual([]);
    expect(server.changes()).toHaveLength(1);
  });

  it('another SDDL replaces the reservation (netsh has no update): delete, then add', () => {
    server = dscServer(undefined, [{ url: 'http://+:8080/', users: [], sddl: 'D:(A;;GX;;;WD)' }]);
    const desired = { url: 'http://+:8080/', sddl: 'D:(A;;GX;;;BU)', source: server.source };
    expect(ok(drive(type, 'test', desired)).diff).toEqual(['sddl']);
    const whatIf = drive(type, 'whatIf', desired);
    expect(ok(whatIf)).toMatchObject({ state: { sddl: 'D:(A;;GX;;;BU)' }, diff: ['sddl'] });
    expect(whatIf.traces.filter((trace) => trace.info?.startsWith('Would run'))).toEqual([
      { info: 'Would run: netsh http delete urlacl url=http://+:8080/' },
      { info: 'Would run: netsh http add urlacl url=http://+:8080/ sddl=D:(A;;GX;;;BU)' },
    ]);
    expect(server.changes()).toEqual([]);
    expect(ok(drive(type, 'set', desired)).state).toMatchObject({ sddl: 'D:(A;;GX;;;BU)', _exist: true });
    expect(server.changes()).toEqual(['http delete urlacl url=http://+:8080/', 'http add urlacl url=http://+:8080/ sddl=D:(A;;GX;;;BU)']);
    expect(ok(drive(type, 'test', desired)).diff).toEqual([]);
  });

  it('when the new reservation cannot be added, the old one is put back from its SDDL (exit 4)', () => {
    // netsh refuses (Error: 5, as when not elevated) only the add of the new ACL.
    server = dscServer(undefined, [{ url: 'http://+:8080/', users: [], sddl: 'D:(A;;GX;;;WD)' }], "if (args.join(' ').includes('sddl=D:(A;;GX;;;BU)')) process.env.HTTPAPI_NETSH_ELEVATED = '0';");
    const run = drive(type, 'set', { url: 'http://+:8080/', sddl: 'D:(A;;GX;;;BU)', source: server.source });
    expect(run.status).toBe(4);
    // The shared change runner's words, as urlacl/update gives them to the CLI and PowerShell.
    expect(run.traces[0]?.error).toMatch(/^The URL reservation step \(reserve http:\/\/\+:8080\/ again with the new access list\) failed: .*Error: 5.*; the URL reservation step \(delete URL reservation http:\/\/\+:8080\/ \(SDDL D:\(A;;GX;;;WD\)\)\) was undone\.$/);
    expect(server.changes()).toEqual(['http delete urlacl url=http://+:8080/', 'http add urlacl url=http://+:8080/ sddl=D:(A;;GX;;;BU)', 'http add urlacl url=http://+:8080/ sddl=D:(A;;GX;;;WD)']);
    expect(server.double.state().urlacl).toMatchObject([{ url: 'http://+:8080/', sddl: 'D:(A;;GX;;;WD)' }]);
  });

  it('users and sddl together are refused (exit 3) before anything changes; a bad SDDL fails the schema (exit 2) before the old reservation goes', () => {
    server = dscServer(undefined, [{ url: 'http://+:8080/', users: [], sddl: 'D:(A;;GX;;;WD)' }]);
    const both = drive(type, 'set', { url: 'http://+:8080/', sddl: 'D:(A;;GX;;;BU)', users: [{ user: 'Everyone' }], source: server.source });
    expect(both.status).toBe(3);
    expect(both.traces[0]?.error).toMatch(/state either users or sddl, not both/);
    const bad = drive(type, 'set', { url: 'http://+:8080/', sddl: 'not an sddl', source: server.source });
    expect(bad.status).toBe(2);
    expect(bad.traces[0]?.error).toMatch(/sddl: .*no SDDL string holds/);
    expect(server.changes()).toEqual([]);
  });

  it('export lists the captured reservations by SDDL; set on an empty copy reproduces them', () => {
    const exported = drive(type, 'export', { source: { snapshot: 'fixtures/demo-server' } });
    expect(exported.status, exported.stderr).toBe(0);
    const instances = exported.lines as Record<string, unknown>[];
    expect(instances).toContainEqual({ url: 'http://+:80/Temporary_Listen_Addresses/', sddl: 'D:(A;;GX;;;WD)' });
    server = dscServer();
    for (const instance of instances) expect(drive(type, 'set', { ...instance, source: server.source }).status).toBe(0);
    expect(server.changes()).toHaveLength(instances.length);
    expect(drive(type, 'export', { source: server.source }).lines).toEqual(instances);
  }, 120_000);
});
