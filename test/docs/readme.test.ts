import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCatalog } from '../../src/errors.js';
import { FindingCodes } from '../../src/finding-codes.js';

const readme = readFileSync('README.md', 'utf8');

// The README's tables are the documentation scripts in other languages read; they must not
// drift from the catalogs the code uses.
describe('README', () => {
  it('lists every domain error with its code, id and category', () => {
    for (const [id, entry] of Object.entries(ErrorCatalog)) {
      expect(readme).toContain(`| ${entry.code} | \`${id}\` | ${entry.category} |`);
    }
  });

  it('lists every finding code of the join', () => {
    for (const code of Object.keys(FindingCodes)) expect(readme).toContain(`\`${code}\``);
  });

  it('starts with the two fresh-machine commands', () => {
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    expect(firstBlock).toContain('npm run demo');
    expect(firstBlock).toContain('npm test');
  });
});
