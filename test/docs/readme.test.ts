import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCatalog } from '../../src/errors.js';
import { FindingCodes, type FindingCode } from '../../src/finding-codes.js';

const readme = readFileSync('README.md', 'utf8');

/** The rows of the tables under the README's Findings heading: `| \`CODE\` | severity | what |`. */
function findingRows(text: string): { code: string; severity: string }[] {
  const start = text.indexOf('\n### Findings\n');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\| `([A-Z_0-9]+)` \| ([^|]+) \|/gm)].map((match) => ({ code: match[1]!, severity: match[2]!.trim() }));
}

// The README's tables are the documentation scripts in other languages read; they must not
// drift from the catalogs the code uses.
describe('README', () => {
  it('lists every domain error with its code, id and category', () => {
    for (const [id, entry] of Object.entries(ErrorCatalog)) {
      expect(readme).toContain(`| ${entry.code} | \`${id}\` | ${entry.category} |`);
    }
  });

  it('lists every finding code of the catalog, once, with its severity, and no code the catalog lacks', () => {
    const rows = findingRows(readme);
    expect(rows.map((row) => row.code).sort()).toEqual(Object.keys(FindingCodes).sort());
    for (const row of rows) expect(row.severity, row.code).toMatch(new RegExp(`^${FindingCodes[row.code as FindingCode].severity}\\b`));
  });

  it('describes every folder of src in its layout, and no folder that is gone', () => {
    const start = readme.indexOf('\n## Layout\n');
    const layout = readme.slice(start, readme.indexOf('\n```\n', readme.indexOf('```', start) + 3));
    const described = [...layout.matchAll(/^(src\/[a-z-]+)\//gm)].map((match) => match[1]!).sort();
    const folders = readdirSync('src', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `src/${entry.name}`).sort();
    expect(described).toEqual(folders);
  });

  it('starts with the two fresh-machine commands', () => {
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    expect(firstBlock).toContain('npm run demo');
    expect(firstBlock).toContain('npm test');
  });
});
