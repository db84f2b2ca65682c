import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planConfigEdit, readConfigForEdit } from '../../src/changes/config-edit.js';
import { insertBindingEdit, removeElementEdit } from '../../src/iis/edit-bindings.js';

const folder = mkdtempSync(path.join(tmpdir(), 'httpapi-edit-prop-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const binding = fc.record({ protocol: fc.constantFrom('http', 'https'), port: fc.integer({ min: 1, max: 65535 }), host: fc.constantFrom('', 'a.example', 'b.example', 'xn--bcher-kva.example') });
const site = fc.record({ bindings: fc.array(binding, { maxLength: 3 }), empty: fc.constantFrom('none', 'self-closing', 'open') });
const layout = fc.record({ eol: fc.constantFrom('\n', '\r\n'), unit: fc.constantFrom('  ', '    ', '\t'), close: fc.constantFrom(' />', '/>'), bom: fc.boolean() });
const info = (b: { port: number; host: string }) => `*:${b.port}:${b.host}`;

/** A configuration in one of the styles seen in the corpus. */
function render(sites: { bindings: { protocol: string; port: number; host: string }[]; empty: string }[], { eol, unit, close, bom }: { eol: string; unit: string; close: string; bom: boolean }): Buffer {
  const at = (depth: number) => unit.repeat(depth);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<configuration>', `${at(1)}<system.applicationHost>`, `${at(2)}<sites>`];
  sites.forEach((s, index) => {
    lines.push(`${at(3)}<site name="S${index}" id="${index + 1}">`, `${at(4)}<application path="/" />`);
    if (s.bindings.length > 0 || s.empty === 'open') {
      lines.push(`${at(4)}<bindings>`, ...s.bindings.map((b) => `${at(5)}<binding protocol="${b.protocol}" bindingInformation="${info(b)}"${close}`), `${at(4)}</bindings>`);
    } else if (s.empty === 'self-closing') lines.push(`${at(4)}<bindings />`);
    lines.push(`${at(3)}</site>`);
  });
  lines.push(`${at(2)}</sites>`, `${at(1)}</system.applicationHost>`, '</configuration>', '');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(lines.join(eol))]);
}

let count = 0;
async function load(bytes: Buffer) {
  const file = path.join(folder, `case-${++count}.config`);
  writeFileSync(file, bytes);
  return readConfigForEdit({ path: file, origin: 'explicit' });
}

describe('binding edits, for any layout', () => {
  it('adding puts the binding last in its site and nowhere else; removing it again gives back the original bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(site, { minLength: 1, maxLength: 4 }), layout, binding, fc.nat(), async (sites, style, added, pick) => {
        const index = pick % sites.length;
        const original = render(sites, style);
        const before = await load(original);
        const planned = planConfigEdit(before, insertBindingEdit(before.decoded.text, before.siteElements[index]!, { protocol: added.protocol, bindingInformation: info(added) }), 'property');
        if (style.eol === '\n') expect(planned.text.includes('\r')).toBe(false);
        else expect(planned.text.replace(/\r\n/g, '').includes('\n')).toBe(false);

        const after = await load(planned.bytes);
        const bindingsOf = (config: typeof after.config) => config.sites.map((s) => s.bindings.map((b) => `${b.protocol} ${b.bindingInformation}`));
        const expected = bindingsOf(before.config);
        expected[index]!.push(`${added.protocol} ${info(added)}`);
        expect(bindingsOf(after.config)).toEqual(expected);

        const element = after.siteElements[index]!.children.filter((child) => child.name === 'bindings').flatMap((b) => b.children).at(-1)!;
        const removed = planConfigEdit(after, removeElementEdit(after.decoded.text, element), 'property');
        if (sites[index]!.bindings.length > 0 || sites[index]!.empty === 'open') expect(removed.bytes.equals(original)).toBe(true);
        else expect(bindingsOf((await load(removed.bytes)).config)).toEqual(bindingsOf(before.config));
      }),
      { numRuns: 60 },
    );
  });
});
