import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readApplicationHostConfig } from '../../src/iis/read-application-host-config.js';
import { readFailure, withSites, writeConfig } from './write-config.js';

/** Files that are not a readable applicationHost.config: CONFIG_INVALID with file, line and reason. */
async function invalid(content: string | Buffer): Promise<{ line: unknown; reason: unknown; message: string }> {
  const error = await readFailure(content);
  expect(error.id).toBe('CONFIG_INVALID');
  expect(error.message).toBe(`${String(error.data.file)} ${String(error.data.reason)}.`);
  return { line: error.data.line, reason: error.data.reason, message: error.message };
}

describe('files that cannot be read', () => {
  it('says where structure breaks', async () => {
    expect(await invalid('<configuration>\n  <system.applicationHost>\n    <sites>\n      <site name="a"></sit>\n')).toMatchObject({
      line: 4,
      reason: 'is not well-formed XML at line 4: closing tag </sit> does not match <site> opened at line 4',
    });
    expect(await invalid('<configuration>\n<system.applicationHost>\n<!-- a -- b -->\n</system.applicationHost>\n</configuration>')).toMatchObject({ line: 3, reason: "is not well-formed XML at line 3: '--' inside a comment" });
    expect(await invalid('<configuration>\n<!-- never closed\n')).toMatchObject({ line: 2, reason: "is not well-formed XML at line 2: a comment is opened and never closed with '-->'" });
    expect(await invalid('<configuration>\n  <x a=b/>\n</configuration>')).toMatchObject({ line: 2, reason: "is not well-formed XML at line 2: malformed tag '<x a=b/>'" });
    expect(await invalid('<configuration>\n  <x a="<"/>\n</configuration>')).toMatchObject({ line: 2 });
    expect(await invalid('<configuration>\n  <x a="&nbsp;"/>\n</configuration>')).toMatchObject({ line: 2, reason: "is not well-formed XML at line 2: '&' must start a reference such as &amp; (found '&nbsp;\"/>')" });
    expect(await invalid('<configuration>\n  Tom & Jerry\n</configuration>')).toMatchObject({ line: 2 });
    expect(await invalid('<configuration/>\njunk')).toMatchObject({ line: 2, reason: "is not well-formed XML at line 2: text 'junk' outside the root element" });
    expect(await invalid('<configuration/>\n<configuration/>')).toMatchObject({ line: 2, reason: expect.stringContaining('a second root element <configuration>') });
    expect(await invalid('\n<?xml version="1.0"?>\n<configuration/>')).toMatchObject({ line: 2, reason: expect.stringContaining('the XML declaration <?xml ...?> is not at the very start') });
  });

  it('finds a fault in <sites> and one far outside it alike', async () => {
    expect(await invalid(withSites('      <site name="a" id="1">\n      <bindings>\n      </site>'))).toMatchObject({ line: 7, reason: expect.stringContaining('closing tag </site> does not match <bindings> opened at line 6') });
    const late = withSites('      <site name="a" id="1" />').replace('</configuration>', '  <system.webServer><handlers></system.webServer>\n</configuration>');
    expect(await invalid(late)).toMatchObject({ line: 8, reason: expect.stringContaining('closing tag </system.webServer> does not match <handlers>') });
  });

  it('passes on what fast-xml-parser refuses in <sites>, with the line of the element', async () => {
    expect(await invalid(withSites('      <site name="a" id="1" />\n      <site name="b" constructor="x" />'))).toMatchObject({
      line: 5,
      reason: expect.stringMatching(/^cannot be read in its <sites> section \(in the element at line 5 or one after it\): .*"constructor"/),
    });
  });

  it('names empty, blank and truncated files for what they are', async () => {
    expect(await invalid('')).toMatchObject({ line: 1, reason: 'is empty (0 bytes)' });
    expect(await invalid('  \n\n')).toMatchObject({ line: 3, reason: 'holds no XML element (only white space, comments or a declaration)' });
    expect(await invalid('<?xml version="1.0"?>\n<!-- only a comment -->\n')).toMatchObject({ reason: 'holds no XML element (only white space, comments or a declaration)' });
    expect(await invalid('<configuration>\n  <system.applicationHost>\n    <sites>')).toMatchObject({
      line: 3,
      reason: expect.stringContaining('the file ends while <sites> (line 3) inside <system.applicationHost> (line 2) inside <configuration> (line 1) are still open'),
    });
  });

  it('recognizes files that are something else', async () => {
    expect(await invalid('<configuration>\n  <system.web />\n</configuration>')).toMatchObject({ line: 1, reason: expect.stringContaining('has no <system.applicationHost> section under its root <configuration> (line 1)') });
    expect(await invalid('<Configuration/>')).toMatchObject({ line: 1, reason: expect.stringContaining('XML names are case-sensitive') });
    expect(await invalid('<!DOCTYPE html>\n<html><body></body></html>')).toMatchObject({ line: 2, reason: 'is an HTML page (root element <html> at line 2), not an applicationHost.config' });
    expect(await invalid('<project><x/></project>')).toMatchObject({ line: 1, reason: "is not an applicationHost.config: its root element is <project> (line 1), where <configuration> is expected" });
  });

  it('refuses a second <sites> section, as IIS does', async () => {
    const twice = '<configuration>\n<system.applicationHost>\n<sites/>\n</system.applicationHost>\n<system.applicationHost>\n<sites/>\n</system.applicationHost>\n</configuration>';
    expect(await invalid(twice)).toMatchObject({ line: 6, reason: expect.stringContaining('has a second <sites> section at line 6') });
  });

  it('puts merge-conflict markers first, even where the rest would pass as XML', async () => {
    const conflict = withSites('<<<<<<< HEAD\n      <site name="a" id="1" />\n=======\n      <site name="b" id="1" />\n>>>>>>> feature');
    expect(await invalid(conflict)).toMatchObject({ line: 5, reason: expect.stringMatching(/^contains git merge-conflict markers \(<<<<<<<\) at line 5; resolve the merge/) });
    // Half resolved: only the closing marker is left, which XML alone would accept as text.
    expect(await invalid(withSites('      <site name="a" id="1" />\n>>>>>>> feature'))).toMatchObject({ line: 6, reason: expect.stringContaining('(>>>>>>>) at line 6') });
  });

  it('reports bytes that are not the declared encoding', async () => {
    const bad = Buffer.concat([Buffer.from('<configuration>\n<system.applicationHost>\n<sites><site name="'), Buffer.from([0xe9]), Buffer.from('" /></sites></system.applicationHost></configuration>')]);
    expect(await invalid(bad)).toMatchObject({ line: 3, reason: expect.stringContaining('is not valid UTF-8 at line 3') });
    expect(await invalid('<?xml version="1.0" encoding="UTF-16"?><configuration/>')).toMatchObject({ line: 1, reason: expect.stringContaining('declares encoding "UTF-16" but its bytes are not UTF-16') });
    expect(await invalid('<?xml version="1.0" encoding="x-klingon"?><configuration/>')).toMatchObject({ reason: 'declares encoding "x-klingon", which this reader does not know' });
  });

  it('answers SOURCE_UNREADABLE for a missing file or a folder', async () => {
    const missing = path.join(tmpdir(), 'httpapi-no-such-dir', 'applicationHost.config');
    await expect(readApplicationHostConfig({ path: missing, origin: 'snapshot' })).rejects.toMatchObject({
      id: 'SOURCE_UNREADABLE',
      message: `Cannot read the IIS configuration ${missing}: there is no such file.`,
    });
    await expect(readApplicationHostConfig({ path: missing, origin: 'iis-express' })).rejects.toMatchObject({ message: expect.stringContaining('IIS Express creates it the first time it runs') });
    const folder = path.dirname(writeConfig('x'));
    await expect(readApplicationHostConfig({ path: folder, origin: 'explicit' })).rejects.toMatchObject({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining('it is a folder, not a file') });
  });
});
