import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeWrappers, WWW } from '../changes/demo-server.js';
import { writeChoiceStore, type ChoiceStore } from '../helpers/choice-certificates.mjs';
import { drive, ok } from './drive-resource.js';
import { dscServer, type DscServer } from './dsc-server.js';

// HttpApi/HttpsBinding with certificateSubject (issue 17): test compares the thumbprint the name
// chooses now, set writes that one. The store is made at test time (test/helpers/choice-certificates.mjs).
const type = 'HttpApi/HttpsBinding';
let server: DscServer;
let store: ChoiceStore;
beforeAll(() => {
  store = writeChoiceStore();
});
afterEach(() => server.dispose());
afterAll(() => {
  removeWrappers();
  rmSync(path.dirname(store.certsDir), { recursive: true, force: true });
});

const www = (extra: Record<string, unknown> = {}) => ({ site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', source: { ...server.source, certsDir: store.certsDir }, ...extra });
const chosen = () => store.thumbprints.get('chosen')!;

describe('HttpApi/HttpsBinding with certificateSubject', () => {
  it('test false while the mapping serves another certificate; set writes the chosen one; test true; a second set changes nothing', () => {
    server = dscServer();
    const desired = www({ certificateSubject: 'www.contoso.com' });
    const before = ok(drive(type, 'test', desired));
    expect(before.state).toMatchObject({ certificateHash: WWW, _inDesiredState: false });
    expect(before.state.certificateSubject).toBeUndefined();
    expect(before.diff).toEqual(['certificateSubject']);
    expect(server.changes()).toEqual([]);

    const set = ok(drive(type, 'set', desired));
    expect(set.diff).toEqual(['certificateSubject']);
    expect(set.state).toMatchObject({ certificateHash: chosen(), certificateSubject: 'www.contoso.com', _exist: true });
    expect(server.changes()).toEqual([expect.stringMatching(new RegExp(`^http update sslcert hostnameport=www\\.contoso\\.com:443 certhash=${chosen()} `))]);

    expect(ok(drive(type, 'test', desired)).state._inDesiredState).toBe(true);
    const again = ok(drive(type, 'set', desired));
    expect(again.diff).toEqual([]);
    expect(server.changes()).toHaveLength(1);
  });

  it('test is exact: a mapping serving an older certificate that also covers the name is not in the desired state', () => {
    server = dscServer();
    const older = store.thumbprints.get('older')!;
    ok(drive(type, 'set', www({ certificateHash: older })));
    const test = ok(drive(type, 'test', www({ certificateSubject: 'www.contoso.com' })));
    expect(test.state).toMatchObject({ certificateHash: older, _inDesiredState: false });
    expect(test.diff).toEqual(['certificateSubject']);
  });

  it('what-if names the choice and changes nothing', () => {
    server = dscServer();
    const run = drive(type, 'whatIf', www({ certificateSubject: 'www.contoso.com' }));
    expect(ok(run).state).toMatchObject({ certificateSubject: 'www.contoso.com' });
    expect(run.traces).toContainEqual({ info: expect.stringMatching(new RegExp(`^Chose certificate ${chosen()} .* Not chosen: .*expired`)) });
    expect(server.changes()).toEqual([]);
  });

  it('a missing binding is added with the chosen certificate', () => {
    server = dscServer();
    const desired = www({ bindingInformation: '*:443:new.contoso.com', sslFlags: 1, certificateSubject: 'www.contoso.com' });
    const added = ok(drive(type, 'set', desired));
    expect(added.diff).toEqual(['_exist']);
    expect(server.record('new.contoso.com:443')?.certhash).toBe(chosen().toLowerCase());
    expect(ok(drive(type, 'test', desired)).state._inDesiredState).toBe(true);
  });

  it('no certificate qualifies: refused (exit 3) before any netsh change; both hash and subject: invalid input (exit 2)', () => {
    server = dscServer();
    const none = drive(type, 'set', www({ certificateSubject: 'www.contoso.net' }));
    expect(none.status).toBe(3);
    expect(none.traces).toContainEqual({ error: expect.stringMatching(/No certificate in store MY qualifies for www\.contoso\.net/) });
    const both = drive(type, 'test', www({ certificateSubject: 'www.contoso.com', certificateHash: WWW }));
    expect(both.status).toBe(2);
    expect(both.traces).toContainEqual({ error: expect.stringMatching(/certificateSubject.*not both/) });
    expect(server.changes()).toEqual([]);
  });
});
