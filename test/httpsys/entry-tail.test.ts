import { describe, expect, it } from 'vitest';
import { parseSslcertText } from '../../src/httpsys/parse-sslcert-text.js';

// Entries whose option lines repeat the entry before are not read line by line again (see
// EntryTail); these cases check that taking a tail again never changes what is read.

const line = (label: string, value: string) => `    ${label.padEnd(28)} : ${value}`;
const head = (host: string, hash: string) => [line('Hostname:port', `${host}:443`), line('Certificate Hash', hash), line('Application ID', '{4dc3e181-e14b-4a21-b022-59fc669b0914}'), line('Certificate Store Name', 'MY')];
const tail = (quic = 'Not Set') => [line('Usage Check', 'Enabled'), line('Disable QUIC', quic), ' Extended Properties:', line('PropertyId', '0'), line('Receive Window', '1048576')];
const hashA = 'a'.repeat(40);
const hashB = 'b'.repeat(40);

describe('entries that repeat the option lines of the entry before', () => {
  it('a differing option line, an extra line, and no blank line before the next key are each read as printed', () => {
    const text = [
      '',
      ...head('one.example', hashA), ...tail(), '',
      ...head('two.example', hashB), ...tail('Set'), '',
      ...head('three.example', hashA), ...tail(), line('Future Field', 'x'), '',
      ...head('four.example', hashA), ...tail(),
      ...head('five.example', hashB), ...tail(), '',
    ].join('\r\n');
    const { mappings, unplaced } = parseSslcertText(text);
    expect(unplaced).toEqual([]);
    expect(mappings.map((mapping) => [mapping.host, mapping.certificateHash?.[0], mapping.options.map((option) => `${option.name}=${option.raw}`).join(' '), mapping.extendedProperties.length])).toEqual([
      ['one.example', 'A', 'usageCheck=Enabled disableQuic=Not Set', 1],
      ['two.example', 'B', 'usageCheck=Enabled disableQuic=Set', 1],
      ['three.example', 'A', 'usageCheck=Enabled disableQuic=Not Set', 1],
      ['four.example', 'A', 'usageCheck=Enabled disableQuic=Not Set', 1],
      ['five.example', 'B', 'usageCheck=Enabled disableQuic=Not Set', 1],
    ]);
    // The extra line went into the third entry's block, where it was printed.
    expect(mappings[2]!.extendedProperties[0]!.fields.map((field) => field.label)).toEqual(['PropertyId', 'Receive Window', 'Future Field']);
  });

  it('lines after taken-again entries keep their numbers; an entry with an unplaced line is never taken again', () => {
    const entries = Array.from({ length: 5 }, (_, index) => [...head(`h${index}.example`, hashA), ...tail(), '']).flat();
    const text = ['SSL Certificate bindings:', '-------------------------', '', ...entries, 'The system cannot find the file specified.', '', ...head('last.example', hashB), ...tail(), 'stray text', ''].join('\n');
    const { mappings, unplaced } = parseSslcertText(text);
    expect(mappings).toHaveLength(6);
    expect(unplaced).toEqual([
      { line: 3 + 5 * 10 + 1, text: 'The system cannot find the file specified.' },
      { line: 3 + 5 * 10 + 1 + 2 + 9, text: 'stray text' },
    ]);
  });

  it('a tail at the very end of the text, without a line end', () => {
    const text = [...head('a.example', hashA), ...tail(), '', ...head('b.example', hashA), ...tail()].join('\r\n');
    const { mappings } = parseSslcertText(text);
    expect(mappings.map((mapping) => mapping.options.length)).toEqual([2, 2]);
    expect(mappings[1]!.options).toEqual(mappings[0]!.options);
    expect(Object.isFrozen(mappings[1]!.options[0])).toBe(true);
    expect(mappings[1]!.options).not.toBe(mappings[0]!.options);
  });
});
