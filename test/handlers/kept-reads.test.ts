import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/rpc/dispatcher.js';
import { implementations } from '../../src/handlers/index.js';
import { editFile, scratchCopies } from '../helpers/scratch-copies.js';

// sites/list, sslcert/list and urlacl/list read the configuration and the captures through the
// same kept reads as bindings/https (src/join/kept-reads.ts): parsed again only when the file changed.

const AsOf = '2026-06-01T00:00:00.000Z';
const demoCopy = scratchCopies();

type SitesAnswer = { sites: { name: string }[]; findings: unknown[] };
type SslcertAnswer = { mappings: { key: string; certificateHash: string | null }[]; unplaced: unknown[] };

describe('sites/list asked again', () => {
  it('over an unchanged configuration answers from the configuration parsed once', async () => {
    const dir = demoCopy();
    const dispatch = createDispatcher(implementations, { snapshot: dir });
    const first = (await dispatch('sites/list', {})) as SitesAnswer;
    const again = (await dispatch('sites/list', {})) as SitesAnswer;
    // The findings are the parsed configuration's own list: the same object means the same parse.
    expect(again.findings).toBe(first.findings);
    expect(again).toEqual(first);
  });

  it('reads the configuration again once it changed, and answers as a fresh worker does', async () => {
    const dir = demoCopy();
    const dispatch = createDispatcher(implementations, { snapshot: dir });
    const first = (await dispatch('sites/list', {})) as SitesAnswer;
    expect(first.sites.map((site) => site.name)).toContain('Fabrikam Shop');
    editFile(path.join(dir, 'applicationHost.config'), 'name="Fabrikam Shop"', 'name="Fabrikam Store"');
    const after = (await dispatch('sites/list', {})) as SitesAnswer;
    expect(after.findings).not.toBe(first.findings);
    expect(after.sites.map((site) => site.name)).toContain('Fabrikam Store');
    expect(after.sites.map((site) => site.name)).not.toContain('Fabrikam Shop');
    expect(after).toEqual(await createDispatcher(implementations, { snapshot: dir })('sites/list', {}));
  });
});

describe('sslcert/list asked again', () => {
  it('over an unchanged capture answers from the capture parsed once', async () => {
    const dir = demoCopy();
    const dispatch = createDispatcher(implementations, { snapshot: dir });
    const first = (await dispatch('sslcert/list', { asOf: AsOf })) as SslcertAnswer;
    const again = (await dispatch('sslcert/list', { asOf: AsOf })) as SslcertAnswer;
    expect(again.unplaced).toBe(first.unplaced);
    expect(again).toEqual(first);
  });

  it('reads the capture again once it changed', async () => {
    const dir = demoCopy();
    const dispatch = createDispatcher(implementations, { snapshot: dir });
    const capture = path.join(dir, 'sslcert.txt');
    const first = (await dispatch('sslcert/list', { asOf: AsOf })) as SslcertAnswer;
    const mapping = first.mappings.find((entry) => entry.certificateHash !== null)!;
    const hash = mapping.certificateHash!;
    const text = readFileSync(capture, 'utf8');
    const written = text.includes(hash) ? hash : hash.toLowerCase();
    editFile(capture, written, '0'.repeat(40));
    const after = (await dispatch('sslcert/list', { asOf: AsOf })) as SslcertAnswer;
    expect(after.unplaced).not.toBe(first.unplaced);
    expect(after.mappings.find((entry) => entry.key === mapping.key)!.certificateHash).toBe('0'.repeat(40));
  });
});

describe('urlacl/list asked again', () => {
  it('over an unchanged capture answers from the capture parsed once, and reads it again once it changed', async () => {
    const dir = demoCopy();
    const dispatch = createDispatcher(implementations, { snapshot: dir });
    type UrlaclAnswer = { reservations: { url: string }[] };
    const first = (await dispatch('urlacl/list', {})) as UrlaclAnswer;
    const again = (await dispatch('urlacl/list', {})) as UrlaclAnswer;
    // The reservations are the parsed capture's own list: the same object means the same parse.
    expect(again.reservations).toBe(first.reservations);
    editFile(path.join(dir, 'urlacl.txt'), 'http://+:5985/wsman/', 'http://+:5986/wsman/');
    const after = (await dispatch('urlacl/list', {})) as UrlaclAnswer;
    expect(after.reservations.map((reservation) => reservation.url)).toContain('http://+:5986/wsman/');
    expect(after.reservations.map((reservation) => reservation.url)).not.toContain('http://+:5985/wsman/');
  });
});
