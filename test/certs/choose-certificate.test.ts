import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseCertificate } from '../../src/certs/choose-certificate.js';
import { readCertificateDirectory } from '../../src/certs/directory-store.js';
import { ChoiceSet, writeChoiceStore, type ChoiceCertificate, type ChoiceStore } from '../helpers/choice-certificates.mjs';

// Real certificates, made now and read back through the directory store (key files and
// keys.json decide key presence), so every rule runs on what a snapshot or store gives.
const made: ChoiceStore[] = [];
function store(set?: readonly ChoiceCertificate[]): ChoiceStore {
  const written = writeChoiceStore(new Date(), set);
  made.push(written);
  return written;
}
afterAll(() => made.forEach((written) => rmSync(path.dirname(written.certsDir), { recursive: true, force: true })));

async function choose(written: ChoiceStore, name: string, storeName = 'MY') {
  const { certificates } = await readCertificateDirectory(written.certsDir, storeName);
  return chooseCertificate(certificates, name, storeName, written.now);
}

describe('chooseCertificate among expired, not-yet-valid, key-less, wrong-name, client-auth and older candidates', () => {
  const set = store();
  const mine = ChoiceSet.filter((spec) => spec.store === 'MY');

  it('chooses the one documented certificate', async () => {
    const choice = await choose(set, 'www.contoso.com');
    expect(choice.chosen?.thumbprint).toBe(set.thumbprints.get('chosen'));
    expect(choice.store).toBe('MY');
    expect(choice.candidates[0]!.chosen).toBe(true);
  });

  for (const spec of mine) {
    it(`${spec.name}: ${spec.expected.length === 0 ? 'chosen' : spec.expected.join(', ')}`, async () => {
      const choice = await choose(set, 'www.contoso.com');
      const verdict = choice.candidates.find((candidate) => candidate.thumbprint === set.thumbprints.get(spec.name));
      expect(verdict?.reasons).toEqual(spec.expected);
      expect(verdict?.chosen).toBe(spec.expected.length === 0);
    });
  }

  it('lists every certificate of the store and none of another store', async () => {
    const choice = await choose(set, 'www.contoso.com');
    expect(choice.candidates.map((candidate) => candidate.thumbprint).sort()).toEqual(mine.map((spec) => set.thumbprints.get(spec.name)).sort());
  });

  it('says why in words: dates, names, usages, keys', async () => {
    const why = new Map((await choose(set, 'www.contoso.com')).candidates.map((candidate) => [candidate.thumbprint, candidate.why]));
    expect(why.get(set.thumbprints.get('chosen')!)).toMatch(/^newest of 3 that qualify \(newest = latest NotBefore/);
    expect(why.get(set.thumbprints.get('older')!)).toMatch(/^qualifies, but older: NotBefore .* is before the chosen one's/);
    expect(why.get(set.thumbprints.get('expired')!)).toMatch(/^expired \d{4}-/);
    expect(why.get(set.thumbprints.get('not-yet-valid')!)).toMatch(/^not valid before \d{4}-/);
    expect(why.get(set.thumbprints.get('key-less')!)).toBe('no private key in the store');
    expect(why.get(set.thumbprints.get('wrong-name')!)).toBe('does not cover www.contoso.com (names: api.contoso.com)');
    expect(why.get(set.thumbprints.get('client-auth-only')!)).toBe('not for server authentication (extended key usages: 1.3.6.1.5.5.7.3.2)');
  });

  it('chooses from the store named: WebHosting has its own newest', async () => {
    const choice = await choose(set, 'www.contoso.com', 'WebHosting');
    expect(choice.chosen?.thumbprint).toBe(set.thumbprints.get('other-store'));
    expect(choice.candidates).toHaveLength(1);
  });

  it('a wildcard certificate covers one label only, and a name of another case and a trailing dot match', async () => {
    expect((await choose(set, 'shop.contoso.com')).chosen?.thumbprint).toBe(set.thumbprints.get('older-wildcard'));
    expect((await choose(set, 'WWW.Contoso.COM.')).chosen?.thumbprint).toBe(set.thumbprints.get('chosen'));
    expect((await choose(set, 'a.b.contoso.com')).chosen).toBeNull();
  });

  it('no candidate qualifies: chosen is null and every one says why', async () => {
    const choice = await choose(set, 'nothing.fabrikam.com');
    expect(choice.chosen).toBeNull();
    expect(choice.candidates.every((candidate) => candidate.reasons.includes('wrongName'))).toBe(true);
    expect(choice.candidates.find((candidate) => candidate.thumbprint === set.thumbprints.get('expired'))?.reasons).toEqual(['wrongName', 'expired']);
  });
});

describe('the tie-break: later NotAfter, then the thumbprint that sorts first', () => {
  const valid = { dnsNames: ['www.contoso.com'], serverAuth: true, hasKey: true, store: 'MY' as const, expected: [] };

  it('same NotBefore: the later NotAfter wins', async () => {
    const set = store([
      { ...valid, name: 'shorter', notBefore: -10, notAfter: 100 },
      { ...valid, name: 'longer', notBefore: -10, notAfter: 200 },
    ]);
    const choice = await choose(set, 'www.contoso.com');
    expect(choice.chosen?.thumbprint).toBe(set.thumbprints.get('longer'));
    expect(choice.candidates[1]!.why).toMatch(/same NotBefore, and NotAfter .* is before the chosen one's/);
  });

  it('same dates: the thumbprint that sorts first wins', async () => {
    const set = store([
      { ...valid, name: 'a', notBefore: -10, notAfter: 100 },
      { ...valid, name: 'b', notBefore: -10, notAfter: 100 },
      { ...valid, name: 'c', notBefore: -10, notAfter: 100 },
    ]);
    const choice = await choose(set, 'www.contoso.com');
    const sorted = [...set.thumbprints.values()].sort();
    expect(choice.chosen?.thumbprint).toBe(sorted[0]);
    expect(choice.candidates.map((candidate) => candidate.thumbprint)).toEqual(sorted);
  });
});

describe('key presence the source cannot vouch for', () => {
  it('a certificate whose key is unknown (no key file, no keys.json entry) is not chosen', async () => {
    const set = store([{ name: 'unknown-key', dnsNames: ['www.contoso.com'], notBefore: -1, notAfter: 100, serverAuth: true, hasKey: false, store: 'MY', expected: [] }]);
    rmSync(path.join(set.certsDir, 'keys.json'));
    const choice = await choose(set, 'www.contoso.com');
    expect(choice.chosen).toBeNull();
    expect(choice.candidates[0]!.reasons).toEqual(['privateKeyUnknown']);
  });
});
