import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCertificates } from '../../src/certs/read-certificates.js';
import { FileIdentityCache } from '../../src/source/file-identity-cache.js';

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function dir(): string {
  scratch = mkdtempSync(path.join(tmpdir(), 'httpapi-cache-'));
  return scratch;
}

/** A reader that counts its calls and returns what it read. */
function counting(file: string) {
  const reader = { calls: 0, read: async () => (reader.calls++, `${reader.calls}:${statSync(file).size}`) };
  return reader;
}

describe('FileIdentityCache', () => {
  it('reads an unchanged file once', async () => {
    const file = path.join(dir(), 'a.txt');
    writeFileSync(file, 'one');
    const cache = new FileIdentityCache<string>();
    const reader = counting(file);
    expect(await cache.get('a', [file], reader.read)).toBe('1:3');
    expect(await cache.get('a', [file], reader.read)).toBe('1:3');
    expect(reader.calls).toBe(1);
  });

  it('reads again after a rewrite of the same size with the old modification time put back', async () => {
    const file = path.join(dir(), 'a.txt');
    writeFileSync(file, 'one');
    const cache = new FileIdentityCache<string>();
    const reader = counting(file);
    await cache.get('a', [file], reader.read);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'two');
    utimesSync(file, atime, mtime);
    expect(await cache.get('a', [file], reader.read)).toBe('2:3');
  });

  it('reads again after the file is replaced by a rename', async () => {
    const folder = dir();
    const file = path.join(folder, 'a.txt');
    writeFileSync(file, 'one');
    const cache = new FileIdentityCache<string>();
    const reader = counting(file);
    await cache.get('a', [file], reader.read);
    writeFileSync(path.join(folder, 'b.txt'), 'one');
    renameSync(path.join(folder, 'b.txt'), file);
    await cache.get('a', [file], reader.read);
    expect(reader.calls).toBe(2);
  });

  it('watches every file of an entry', async () => {
    const folder = dir();
    const [first, second] = [path.join(folder, 'a.txt'), path.join(folder, 'b.txt')];
    writeFileSync(first, 'one');
    writeFileSync(second, 'two');
    const cache = new FileIdentityCache<string>();
    const reader = counting(first);
    await cache.get('ab', [first, second], reader.read);
    writeFileSync(second, 'three');
    await cache.get('ab', [first, second], reader.read);
    expect(reader.calls).toBe(2);
  });

  it('never caches a missing file or a failed read, so the reader reports each time', async () => {
    const folder = dir();
    const missing = path.join(folder, 'missing.txt');
    const cache = new FileIdentityCache<string>();
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('cannot read');
    };
    await expect(cache.get('m', [missing], failing)).rejects.toThrow('cannot read');
    await expect(cache.get('m', [missing], failing)).rejects.toThrow('cannot read');
    const present = path.join(folder, 'a.txt');
    writeFileSync(present, 'one');
    await expect(cache.get('p', [present], failing)).rejects.toThrow('cannot read');
    await expect(cache.get('p', [present], failing)).rejects.toThrow('cannot read');
    expect(calls).toBe(4);
  });

  it('keeps at most its capacity, dropping the oldest entry', async () => {
    const file = path.join(dir(), 'a.txt');
    writeFileSync(file, 'one');
    const cache = new FileIdentityCache<string>(2);
    const reader = counting(file);
    await cache.get('1', [file], reader.read);
    await cache.get('2', [file], reader.read);
    await cache.get('3', [file], reader.read);
    await cache.get('2', [file], reader.read);
    await cache.get('1', [file], reader.read);
    expect(reader.calls).toBe(4);
  });
});

describe('certificate folders read again', () => {
  const certs = path.resolve('fixtures/certs');

  it('see a key file removed after the first read', async () => {
    const folder = dir();
    mkdirSync(path.join(folder, 'MY'));
    copyFileSync(path.join(certs, 'www-contoso.pem'), path.join(folder, 'MY', 'www-contoso.pem'));
    copyFileSync(path.join(certs, 'www-contoso.key'), path.join(folder, 'MY', 'www-contoso.key'));
    const source = { kind: 'directory' as const, path: folder };
    expect((await readCertificates(source)).map((certificate) => certificate.hasPrivateKey)).toEqual([true]);
    rmSync(path.join(folder, 'MY', 'www-contoso.key'));
    expect((await readCertificates(source)).map((certificate) => certificate.hasPrivateKey)).toEqual([null]);
  });

  it('hand out read-only objects, so a change to one answer cannot leak into the next', async () => {
    const folder = dir();
    copyFileSync(path.join(certs, 'www-contoso.pem'), path.join(folder, 'www-contoso.pem'));
    const source = { kind: 'directory' as const, path: folder };
    const [first] = await readCertificates(source);
    // The same objects while the folder is unchanged (reused-joins.ts): a change fails where it is made.
    expect(() => {
      first!.hasPrivateKey = true;
    }).toThrow(TypeError);
    expect(() => first!.dnsNames.push('leak.example')).toThrow(TypeError);
    const [second] = await readCertificates(source);
    expect(second).toBe(first);
    expect(second!.hasPrivateKey).toBeNull();
    expect(second!.dnsNames).not.toContain('leak.example');
  });
});
