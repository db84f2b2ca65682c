import { X509Certificate } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpsBindingsAnswer } from '../../src/join/https-bindings-answer.js';
import type { ServerState } from '../../src/join/load-server-state.js';
import { ReusedJoins, clockVerdicts } from '../../src/join/reused-joins.js';
import { readCertificateSource } from '../../src/certs/read-certificates.js';
import { readWindowsStores } from '../../src/certs/windows-store.js';
import { readSslMappings, readUrlReservations } from '../../src/httpsys/read-http-sys.js';
import { resolveSource } from '../../src/source/resolve-source.js';
import { netshDouble, useDouble } from '../httpsys/double.js';
import { editFile, scratchCopies } from '../helpers/scratch-copies.js';

const quiet = () => {};
const AsOf = '2026-06-01T00:00:00.000Z';
const copy = scratchCopies();

afterEach(() => {
  vi.useRealTimers();
});

const ask = (dir: string, question: { asOf?: string; site?: string; expiryDays?: number; live?: boolean } = { asOf: AsOf }) =>
  httpsBindingsAnswer(resolveSource({ snapshot: dir }), question, quiet);

/**
 * The answer a worker that never saw this server gives: the folder copied to a new path (no
 * cache knows it) and asked there, its paths put back.
 */
async function freshAnswer(dir: string, question?: Parameters<typeof ask>[1]): Promise<unknown> {
  const fresh = copy(dir);
  return JSON.parse(JSON.stringify(await ask(fresh, question)).split(fresh).join(dir));
}

describe('bindings/https asked again', () => {
  it('over an unchanged server is the same answer, the same object, equal to a fresh worker\'s', async () => {
    const dir = copy();
    const first = await ask(dir);
    expect(await ask(dir)).toBe(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(await freshAnswer(dir));
  });

  it('is read and joined again when any source changed, and says what a fresh worker says', async () => {
    const dir = copy();
    let before = await ask(dir);
    const changes: [string, () => void, (answer: Awaited<ReturnType<typeof ask>>) => void][] = [
      // no-key.pem has no key beside it: the record is what says whether its store had one.
      ['key record', () => editFile(path.join(dir, 'certs', 'keys.json'), '"thumbprint": "494FF9277B05DE81AA69F67D1F65DD041AF732B8",\n      "hasPrivateKey": false', '"thumbprint": "494FF9277B05DE81AA69F67D1F65DD041AF732B8",\n      "hasPrivateKey": true'), (answer) => expect(answer.certificates.find((certificate) => certificate.thumbprint === '494FF9277B05DE81AA69F67D1F65DD041AF732B8')?.hasPrivateKey).toBe(true)],
      // Same size, new content: the file's times and change time move.
      ['configuration', () => editFile(path.join(dir, 'applicationHost.config'), 'bindingInformation="*:443:billing.contoso.com" sslFlags="1"', 'bindingInformation="*:443:billing.contoso.com" sslFlags="0"'), (answer) => expect(answer.bindings.find((binding) => binding.site === 'Billing')!.sslFlags).toBe(0)],
      ['sslcert capture', () => editFile(path.join(dir, 'sslcert.txt'), 'd54dafc94e7e55489195be690c85192991847ed5', 'd54dafc94e7e55489195be690c85192991847ed6'), (answer) => expect(answer.mappings.find((mapping) => mapping.id === 'ipport:0.0.0.0:443')!.certificateHash).toBe('D54DAFC94E7E55489195BE690C85192991847ED6')],
      ['certificate file removed', () => unlinkSync(path.join(dir, 'certs', 'MY', 'expired.pem')), (answer) => expect(answer.certificates.map((certificate) => certificate.thumbprint)).not.toContain('D448C934BE5A5E720BB27C199EA38DC5A6F92C66')],
    ];
    for (const [what, change, check] of changes) {
      change();
      const after = await ask(dir);
      expect(after, what).not.toBe(before);
      check(after);
      expect(JSON.parse(JSON.stringify(after)), what).toEqual(await freshAnswer(dir));
      before = after;
    }
  });

  it('a file written again, even with the same bytes, is read again: an equal answer, made anew', async () => {
    const dir = copy();
    const first = await ask(dir);
    const config = path.join(dir, 'applicationHost.config');
    writeFileSync(config, readFileSync(config));
    const again = await ask(dir);
    expect(again).not.toBe(first);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(first)));
  });

  it('another site, expiry window or instant is another answer', async () => {
    const dir = copy();
    const all = await ask(dir);
    const billing = await ask(dir, { asOf: AsOf, site: 'Billing' });
    expect(billing.bindings.map((binding) => binding.site)).toEqual(['Billing']);
    expect(await ask(dir)).toBe(all);
    const wide = await ask(dir, { asOf: AsOf, expiryDays: 400 });
    expect(wide).not.toBe(all);
    expect(wide.bindings.flatMap((binding) => binding.findings).filter((finding) => finding.code === 'CERT_EXPIRES_SOON').length).toBeGreaterThan(
      all.bindings.flatMap((binding) => binding.findings).filter((finding) => finding.code === 'CERT_EXPIRES_SOON').length,
    );
    expect(await ask(dir, { asOf: '2030-01-01T00:00:00.000Z' })).not.toBe(all);
  });

  it('without asOf, is the same until the clock changes a certificate\'s verdict: the days left of one expiring soon', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const dir = copy();
    // expiring-soon.pem ends 2026-12-15T00:00Z: 13 whole days left all through this hour.
    vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z'));
    const noon = await ask(dir, {});
    const soon = (answer: typeof noon) => answer.bindings.find((binding) => binding.site === 'Contoso API')!.findings.find((finding) => finding.code === 'CERT_EXPIRES_SOON')!.message;
    expect(soon(noon)).toMatch(/expires in 13 day\(s\)/);
    vi.setSystemTime(new Date('2026-12-01T23:59:00.000Z'));
    expect(await ask(dir, {})).toBe(noon);
    vi.setSystemTime(new Date('2026-12-02T00:00:01.000Z'));
    const next = await ask(dir, {});
    expect(next).not.toBe(noon);
    expect(soon(next)).toMatch(/expires in 12 day\(s\)/);
  });

  it('with live checks is never reused: each answer has its own handshakes', async () => {
    const dir = copy();
    const first = await ask(dir, { asOf: AsOf, site: 'Admin', live: true });
    const second = await ask(dir, { asOf: AsOf, site: 'Admin', live: true });
    expect(second).not.toBe(first);
    expect(second.bindings[0]!.live).toBeDefined();
    expect(second.bindings[0]!.live).not.toBe(first.bindings[0]!.live);
  });
});

describe('clockVerdicts', () => {
  const day = 24 * 60 * 60 * 1000;
  const at = (iso: string) => new Date(iso);
  const certificate = { notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2026-12-15T00:00:00.000Z' };

  it('far from expiry, every instant gives the same verdict up to the window\'s edge', () => {
    const early = clockVerdicts([certificate], at('2026-03-01T00:00:00.000Z'), 30);
    expect(clockVerdicts([certificate], at('2026-11-15T00:00:00.000Z'), 30)).toBe(early);
    // 29 whole days left: inside the 30-day window.
    expect(clockVerdicts([certificate], at('2026-11-15T00:00:00.001Z'), 30)).not.toBe(early);
  });

  it('inside the window, each whole day left is a verdict; expiry and not-yet-valid are verdicts of their own', () => {
    const verdict = (iso: string) => clockVerdicts([certificate], at(iso), 30);
    expect(verdict('2026-12-10T01:00:00.000Z')).toBe(verdict('2026-12-10T23:00:00.000Z'));
    expect(verdict('2026-12-10T23:00:00.000Z')).not.toBe(verdict('2026-12-11T01:00:00.000Z'));
    expect(verdict('2026-12-15T00:00:00.000Z')).not.toBe(verdict(new Date(Date.parse(certificate.notAfter) - 1).toISOString()));
    expect(verdict('2026-12-15T00:00:00.000Z')).toBe(verdict('2027-06-01T00:00:00.000Z'));
    expect(verdict('2025-12-31T23:59:59.999Z')).not.toBe(verdict('2026-01-01T00:00:00.000Z'));
    expect(clockVerdicts([certificate], new Date(Date.parse(certificate.notAfter) - 5 * day), 3)).toBe(clockVerdicts([certificate], new Date(Date.parse(certificate.notAfter) - 4 * day), 3));
  });
});

describe('ReusedJoins', () => {
  const state = (overrides: Partial<ServerState> = {}): ServerState =>
    ({ config: {}, mappings: [], certificates: [], reservations: [], ccs: null, findings: [], notes: [], listenList: async () => ({ addresses: null, note: '' }), ...overrides }) as unknown as ServerState;

  it('joins again when any input is another object, and never when the Central Certificate Store takes part', () => {
    const joins = new ReusedJoins<object>();
    const base = state();
    let made = 0;
    const join = () => ({ made: ++made });
    const options = { now: new Date(AsOf), expiryDays: 30 };
    const first = joins.get(base, options, join);
    expect(joins.get({ ...base, notes: ['other notes'] }, options, join)).toBe(first);
    for (const key of ['config', 'mappings', 'certificates', 'reservations', 'findings'] as const) {
      const changed = { ...base, [key]: key === 'config' ? {} : [] };
      expect(joins.get(changed, options, join), key).not.toBe(first);
    }
    expect(joins.get(base, { ...options, expiryDays: 10 }, join)).not.toBe(first);
    const withCcs = { ...base, ccs: {} as ServerState['ccs'] };
    expect(joins.get(withCcs, options, join)).not.toBe(joins.get(withCcs, options, join));
  });
});

describe('ReusedJoins and the clock', () => {
  it('hands the join the instant the verdicts were taken at, or the one asked about', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(AsOf));
    const joins = new ReusedJoins<Date>();
    const state = () => ({ config: {}, mappings: [], certificates: [], reservations: [], ccs: null, findings: [] }) as unknown as ServerState;
    expect(joins.get(state(), { expiryDays: 30 }, (now) => now).toISOString()).toBe(AsOf);
    const asked = new Date('2027-01-01T00:00:00.000Z');
    expect(joins.get(state(), { now: asked, expiryDays: 30 }, (now) => now)).toBe(asked);
  });
});

describe('what a live server\'s readers give while it does not change', () => {
  it('netsh printing the same text gives the same mappings and reservations, the same objects; a change gives new ones', async () => {
    const double = useDouble({ sslcert: [{ kind: 'ipport', key: '0.0.0.0:443', certhash: 'd54dafc94e7e55489195be690c85192991847ed5', appid: '{4dc3e181-e14b-4a21-b022-59fc669b0914}', certstorename: 'MY' }] });
    try {
      const source = { kind: 'netsh' as const, path: netshDouble, origin: 'explicit' as const };
      const first = await readSslMappings(source);
      const again = await readSslMappings(source);
      expect(again.mappings).toBe(first.mappings);
      expect((await readUrlReservations(source)).reservations).toBe((await readUrlReservations(source)).reservations);
      const state = double.state();
      writeFileSync(double.statePath, JSON.stringify({ ...state, sslcert: [...state.sslcert, { kind: 'hostnameport', key: 'www.contoso.com:443', certhash: '8a797aef3f7fbc8c148ddc6cbda86554c42972f5', appid: '{4dc3e181-e14b-4a21-b022-59fc669b0914}', certstorename: 'MY' }] }));
      const changed = await readSslMappings(source);
      expect(changed.mappings).not.toBe(first.mappings);
      expect(changed.mappings.map((mapping) => mapping.key)).toEqual(['0.0.0.0:443', 'www.contoso.com:443']);
    } finally {
      double.reset();
    }
  });

  it('a certificate folder\'s last read is kept for the 16 folders read most recently', async () => {
    const folders = Array.from({ length: 17 }, () => copy('fixtures/demo-server/certs/MY/www-contoso.pem'));
    const read = (dir: string) => readCertificateSource({ kind: 'directory', path: dir });
    const first = await read(folders[0]!);
    expect(await read(folders[0]!)).toBe(first);
    const reads = [];
    for (const dir of folders.slice(1)) reads.push(await read(dir));
    expect(await read(folders[16]!)).toBe(reads[15]);
    // The oldest fell out: read again, equal, but made anew.
    const again = await read(folders[0]!);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('the certificate store answering the same gives the same certificates, the same object; another answer new ones', async () => {
    const der = (name: string) => readFileSync(path.join('fixtures/demo-server/certs/MY', name), 'utf8').replace(/-----[^-]+-----|\s/g, '');
    const row = (file: string) => ({ Store: 'MY', Thumbprint: new X509Certificate(Buffer.from(der(file), 'base64')).fingerprint.replace(/:/g, ''), PrivateKey: 'present', PrivateKeyProblem: null, FriendlyName: null, EnhancedKeyUsageList: null, RawData: der(file) });
    const answer = (...files: string[]) => JSON.stringify({ ok: true, certificates: files.map(row) });
    const first = await readWindowsStores(['MY'], async () => answer('www-contoso.pem'));
    expect(await readWindowsStores(['MY'], async () => answer('www-contoso.pem'))).toBe(first);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(Object.isFrozen(first[0]!.dnsNames)).toBe(true);
    const other = await readWindowsStores(['MY'], async () => answer('www-contoso.pem', 'wrong-name.pem'));
    expect(other).not.toBe(first);
    expect(other).toHaveLength(2);
    // The same answer for other stores is another question.
    expect(await readWindowsStores(['WebHosting'], async () => answer('www-contoso.pem', 'wrong-name.pem'))).not.toBe(other);
  });
});
