import { describe, expect, it } from 'vitest';
import { renderTable, type Column } from '../../src/cli/table.js';
import { wrapText } from '../../src/cli/wrap-text.js';

interface Row {
  url: string;
  sddl: string;
  hash: string;
}
const rows: Row[] = [
  { url: 'http://+:80/Temporary_Listen_Addresses/', sddl: 'D:(A;;GX;;;WD)', hash: 'AB12' },
  { url: 'http://+:5985/wsman/', sddl: 'D:(A;;GX;;;S-1-5-80-569256582-2953403351)', hash: 'CD34' },
];
const columns: Column<Row>[] = [
  { header: 'URL', value: (row) => row.url },
  { header: 'SDDL', value: (row) => row.sddl },
  { header: 'Hash', value: (row) => row.hash, shrink: 0 },
];

describe('renderTable', () => {
  it('without a width, every cell whole', () => {
    expect(renderTable(rows, columns)).toBe(
      [
        'URL                                      SDDL                                       Hash',
        '---------------------------------------  -----------------------------------------  ----',
        'http://+:80/Temporary_Listen_Addresses/  D:(A;;GX;;;WD)                             AB12',
        'http://+:5985/wsman/                     D:(A;;GX;;;S-1-5-80-569256582-2953403351)  CD34',
      ].join('\n'),
    );
  });

  it('given 60 columns, the widest give way a character at a time and end in an ellipsis; a shrink 0 column stays', () => {
    // 39 + 41 + 4 and two gaps of 2 is 88: SDDL gives 2 to reach 39, then both give 13.
    expect(renderTable(rows, columns, 60)).toBe(
      [
        'URL                         SDDL                        Hash',
        '--------------------------  --------------------------  ----',
        'http://+:80/Temporary_Lis…  D:(A;;GX;;;WD)              AB12',
        'http://+:5985/wsman/        D:(A;;GX;;;S-1-5-80-56925…  CD34',
      ].join('\n'),
    );
  });

  it('a higher shrink gives way first', () => {
    const table = renderTable(rows, [{ ...columns[0]!, shrink: 2 }, columns[1]!, columns[2]!], 70);
    // 88 to 70: URL alone gives 18 (39 to 21), SDDL keeps its 41.
    expect(table.split('\n')[2]).toBe('http://+:80/Temporar…  D:(A;;GX;;;WD)                             AB12');
  });
});

describe('wrapText', () => {
  it('breaks at spaces, continuation indented two more than the line', () => {
    expect(wrapText('    fix: Import the certificate with its private key into the store.', 30)).toBe(
      ['    fix: Import the', '      certificate with its', '      private key into the', '      store.'].join('\n'),
    );
  });

  it('breaks a word longer than the line where the line ends', () => {
    expect(wrapText('  C:\\inetpub\\wwwroot\\very\\long\\path', 20)).toBe(['  C:\\inetpub\\wwwroot', '    \\very\\long\\path'].join('\n'));
  });

  it('keeps a label and its text in columns, the text wrapping under its own column', () => {
    expect(wrapText('  --apply finish|undo   finish: do the steps not done yet; undo: undo them', 50)).toBe(
      ['  --apply finish|undo   finish: do the steps not', '                        done yet; undo: undo them'].join('\n'),
    );
  });

  it('wraps running text as before when the gap stands past the middle', () => {
    expect(wrapText('  a fairly long sentence that goes  on and on past the end', 30)).toBe(
      ['  a fairly long sentence that', '    goes on and on past the', '    end'].join('\n'),
    );
  });

  it('leaves short lines and a missing width alone', () => {
    expect(wrapText('a b\n  c', 10)).toBe('a b\n  c');
    expect(wrapText('x '.repeat(100), undefined)).toBe('x '.repeat(100));
  });
});
