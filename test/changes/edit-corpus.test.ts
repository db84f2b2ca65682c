import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planConfigEdit, readConfigForEdit } from '../../src/changes/config-edit.js';
import { isHttpApiError } from '../../src/errors.js';
import { insertBindingEdit, removeElementEdit } from '../../src/iis/edit-bindings.js';

/** The 80 real files (read-only); see its README and MANIFEST.tsv. */
const corpusDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/corpus/applicationhost');
const files = readdirSync(corpusDir).filter((name) => name.endsWith('.config'));
const work = mkdtempSync(path.join(tmpdir(), 'httpapi-edit-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const binding = { protocol: 'https', bindingInformation: '*:443:edit-test.example', sslFlags: 1 };
// Closed like the file's other bindings: ` />` (IIS) or `/>` (some hand-written files).
const element = /<binding protocol="https" bindingInformation="\*:443:edit-test\.example" sslFlags="1" ?\/>/;

/** Where `after` differs from `before` when it only gained bytes: the bytes it gained. */
function gained(before: Buffer, after: Buffer): Buffer {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  expect(head + tail, 'bytes of the original changed').toBe(before.length);
  return after.subarray(head, after.length - tail);
}

describe('binding edits on every file of the corpus', () => {
  // Each readable file, for its first and last site: add a binding, read the result back,
  // remove the binding again. The readable/unreadable split itself is test/iis/corpus.test.ts's.
  const results: { file: string; sites: number }[] = [];

  it.each(files)('%s: one binding in, the same binding out, every other byte untouched', async (name) => {
    const original = readFileSync(path.join(corpusDir, name));
    const copy = path.join(work, name);
    writeFileSync(copy, original);
    let edit;
    try {
      edit = await readConfigForEdit({ path: copy, origin: 'explicit' });
    } catch (error) {
      if (isHttpApiError(error) && error.id === 'CONFIG_INVALID') return; // one of the unreadable files
      throw error;
    }
    if (edit.config.sites.length === 0) return;
    const crlf = original.includes('\r\n');
    for (const index of new Set([0, edit.config.sites.length - 1])) {
      writeFileSync(copy, original);
      const before = await readConfigForEdit({ path: copy, origin: 'explicit' });
      const site = before.config.sites[index]!;
      const planned = planConfigEdit(before, insertBindingEdit(before.decoded.text, before.siteElements[index]!, binding), 'test');
      // Only an insertion, holding the element, in the file's own encoding and line ends.
      const inserted = gained(original, planned.bytes).toString(before.decoded.encoding === 'utf-16le' ? 'utf16le' : 'utf8');
      expect(inserted).toMatch(element);
      expect(inserted.replace(element, '')).toMatch(crlf ? /^(\r\n|[ \t\r\n]|<\/?bindings>)*$/ : /^(\n|[ \t\n]|<\/?bindings>)*$/);
      if (!crlf) expect(inserted).not.toContain('\r');

      writeFileSync(copy, planned.bytes);
      const after = await readConfigForEdit({ path: copy, origin: 'explicit' });
      const edited = after.config.sites[index]!;
      expect(edited.name).toBe(site.name);
      expect(edited.bindings.map((b) => b.bindingInformation)).toEqual([...site.bindings.map((b) => b.bindingInformation), binding.bindingInformation]);
      expect(after.config.sites.filter((_, at) => at !== index)).toEqual(before.config.sites.filter((_, at) => at !== index).map((other) => ({ ...other, line: expect.any(Number), bindings: other.bindings.map((b) => ({ ...b, ...(b.line ? { line: expect.any(Number) } : {}) })) })));

      const added = after.siteElements[index]!.children.filter((child) => child.name === 'bindings').flatMap((bindings) => bindings.children).at(-1)!;
      if (before.siteElements[index]!.children.some((child) => child.name === 'bindings' && child.children.length > 0)) {
        const removed = planConfigEdit(after, removeElementEdit(after.decoded.text, added), 'test');
        expect(removed.bytes.equals(original), `${name} site ${index}: removing the binding again gives the original bytes`).toBe(true);
      }
    }
    results.push({ file: name, sites: edit.config.sites.length });
  });

  it('covered the readable files', () => {
    expect(results.length).toBeGreaterThanOrEqual(60);
  });
});
