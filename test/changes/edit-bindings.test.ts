import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinding, findSite } from '../../src/changes/binding-lookup.js';
import { planConfigEdit, readConfigForEdit } from '../../src/changes/config-edit.js';
import { unifiedDiff } from '../../src/iis/config-diff.js';
import { insertBindingEdit, removeElementEdit } from '../../src/iis/edit-bindings.js';

// The editor on hand-made files for the shapes the corpus lacks. Each expectation is the
// whole file as a person would edit it.
const folder = mkdtempSync(path.join(tmpdir(), 'httpapi-edit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;

async function load(content: string | Buffer) {
  const file = path.join(folder, `case-${++count}.config`);
  writeFileSync(file, content);
  return readConfigForEdit({ path: file, origin: 'explicit' });
}

const doc = (sites: string, eol = '\n') => ['<?xml version="1.0" encoding="UTF-8"?>', '<configuration>', '  <system.applicationHost>', '    <sites>', ...sites.split('\n'), '    </sites>', '  </system.applicationHost>', '</configuration>', ''].join(eol);
const https = { protocol: 'https', bindingInformation: '*:443:new.example', sslFlags: 1 };

async function added(content: string | Buffer, site: string, binding: { protocol: string; bindingInformation: string; sslFlags?: number } = https) {
  const edit = await load(content);
  const { index } = findSite(edit.config, site);
  return planConfigEdit(edit, insertBindingEdit(edit.decoded.text, edit.siteElements[index]!, binding), 'test');
}

async function removed(content: string, site: string, bindingInformation: string) {
  const edit = await load(content);
  const { site: found, index } = findSite(edit.config, site);
  const { index: at } = findBinding(edit.config, found, undefined, bindingInformation);
  const element = edit.siteElements[index]!.children.filter((child) => child.name === 'bindings').flatMap((bindings) => bindings.children)[at]!;
  return planConfigEdit(edit, removeElementEdit(edit.decoded.text, element), 'test').text;
}

describe('adding a binding', () => {
  it('after the last sibling, indented like it', async () => {
    const before = doc('      <site name="A" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n        </bindings>\n      </site>');
    expect((await added(before, 'A')).text).toBe(doc('      <site name="A" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n        </bindings>\n      </site>'));
  });

  it('into an empty <bindings>, one level deeper than it', async () => {
    const before = doc('      <site name="A" id="1">\n        <bindings>\n        </bindings>\n      </site>');
    expect((await added(before, 'A')).text).toBe(doc('      <site name="A" id="1">\n        <bindings>\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n        </bindings>\n      </site>'));
  });

  it('into <bindings></bindings> on one line, and into a self-closing <bindings />', async () => {
    const expected = doc('      <site name="A" id="1">\n        <bindings>\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n        </bindings>\n      </site>');
    expect((await added(doc('      <site name="A" id="1">\n        <bindings></bindings>\n      </site>'), 'A')).text).toBe(expected);
    expect((await added(doc('      <site name="A" id="1">\n        <bindings />\n      </site>'), 'A')).text).toBe(expected);
  });

  it('a site without <bindings> gets one after its last child; a self-closing site is opened', async () => {
    expect((await added(doc('      <site name="A" id="1">\n        <application path="/" />\n      </site>'), 'A')).text).toBe(
      doc('      <site name="A" id="1">\n        <application path="/" />\n        <bindings>\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n        </bindings>\n      </site>'),
    );
    expect((await added(doc('      <site name="A" id="1" />'), 'A')).text).toBe(doc('      <site name="A" id="1">\n        <bindings>\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n        </bindings>\n      </site>'));
  });

  it('keeps tabs, `/>` without a space, and a comment that ends the sibling\'s line', async () => {
    const before = doc('\t<site name="A" id="1">\n\t\t<bindings>\n\t\t\t<binding protocol="http" bindingInformation="*:80:"/> <!-- main -->\n\t\t</bindings>\n\t</site>');
    expect((await added(before, 'A')).text).toBe(doc('\t<site name="A" id="1">\n\t\t<bindings>\n\t\t\t<binding protocol="http" bindingInformation="*:80:"/> <!-- main -->\n\t\t\t<binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1"/>\n\t\t</bindings>\n\t</site>'));
  });

  it('bindings written on one line stay on one line', async () => {
    const before = doc('      <site name="A" id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings></site>');
    expect((await added(before, 'A')).text).toBe(doc('      <site name="A" id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /><binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" /></bindings></site>'));
  });

  it('finds the site after a commented-out twin and by its decoded name; escapes what it writes', async () => {
    const before = doc('      <!-- <site name="R&amp;D" id="1"><bindings><binding protocol="http" bindingInformation="*:81:" /></bindings></site> -->\n      <site name="R&amp;D" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n        </bindings>\n      </site>');
    const text = (await added(before, 'R&D', { protocol: 'http', bindingInformation: '*:8080:a&b' })).text;
    expect(text).toBe(before.replace('<binding protocol="http" bindingInformation="*:80:" />\n', '<binding protocol="http" bindingInformation="*:80:" />\n          <binding protocol="http" bindingInformation="*:8080:a&amp;b" />\n'));
  });

  it('CRLF with a BOM: CRLF for the new line, the BOM kept', async () => {
    const before = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc('      <site name="Ä" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n        </bindings>\n      </site>', '\r\n'))]);
    const bytes = (await added(before, 'Ä')).bytes;
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8')).toBe(doc('      <site name="Ä" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n        </bindings>\n      </site>', '\r\n'));
  });

  it('UTF-16LE with a BOM: the new text is written in UTF-16 too', async () => {
    const sites = '      <site name="A" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n        </bindings>\n      </site>';
    const before = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc(sites).replace('UTF-8', 'UTF-16'), 'utf16le')]);
    const bytes = (await added(before, 'A')).bytes;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(bytes.subarray(2).toString('utf16le')).toBe(doc(sites.replace('*:80:" />\n', '*:80:" />\n          <binding protocol="https" bindingInformation="*:443:new.example" sslFlags="1" />\n')).replace('UTF-8', 'UTF-16'));
  });
});

describe('removing a binding', () => {
  const sites = doc('      <site name="A" id="1">\n        <bindings>\n          <binding protocol="http" bindingInformation="*:80:" />\n          <binding protocol="https" bindingInformation="*:443:" />\n        </bindings>\n      </site>');

  it('takes its whole line, and nothing else', async () => {
    expect(await removed(sites, 'A', '*:80:')).toBe(sites.replace('          <binding protocol="http" bindingInformation="*:80:" />\n', ''));
    expect(await removed(sites, 'A', '*:443:')).toBe(sites.replace('          <binding protocol="https" bindingInformation="*:443:" />\n', ''));
  });

  it('takes only the element when the line holds more', async () => {
    const oneLine = doc('      <site name="A" id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /><binding protocol="https" bindingInformation="*:443:" /></bindings></site>');
    expect(await removed(oneLine, 'A', '*:443:')).toBe(oneLine.replace('<binding protocol="https" bindingInformation="*:443:" />', ''));
  });
});

describe('unifiedDiff', () => {
  it('one hunk with three lines of context, without the \\r of CRLF lines', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\r\n') + '\r\n';
    const after = before.replace('e\r\n', 'e\r\nNEW\r\n');
    expect(unifiedDiff('x.config', before, after)).toBe(['--- x.config', '+++ x.config', '@@ -3,6 +3,7 @@', ' c', ' d', ' e', '+NEW', ' f', ' g', ' h', ''].join('\n'));
    expect(unifiedDiff('x.config', before, before)).toBe('');
  });

  it('at the start of the file the hunk starts at line 1', () => {
    expect(unifiedDiff('x', 'a\nb\n', 'b\n')).toBe(['--- x', '+++ x', '@@ -1,2 +1,1 @@', '-a', ' b', ''].join('\n'));
  });
});
