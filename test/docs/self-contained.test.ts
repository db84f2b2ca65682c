import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A clone of the repository on its own must find everything it refers to: no path into a
 * folder beside it (the engineers' shared material), no absolute path of a build machine, and
 * every `docs/NAME.md §N` citation names a file and a section that exist here.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const roots = ['src', 'test', 'scripts', 'bench', 'docs', 'powershell', 'examples', '.ci', 'README.md', 'BENCHMARKS.md', 'package.json', 'vitest.config.ts'];
/** Generated or installed, not written: never scanned. */
const skipped = new Set(['node_modules', 'dist', 'results', '.cache', 'bin']);
const textFile = /\.(ts|mts|js|mjs|cjs|json|md|ps1|psm1|psd1|ps1xml|py|sh|txt)$|^run$/;

interface Text {
  file: string;
  text: string;
}

function walk(relative: string): Text[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!readdirSafe(full)) return textFile.test(path.basename(relative)) ? [{ file: relative, text: readFileSync(full, 'utf8') }] : [];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !skipped.has(entry.name))
    .flatMap((entry) => walk(path.posix.join(relative, entry.name)));
}

function readdirSafe(full: string): boolean {
  try {
    readdirSync(full);
    return true;
  } catch {
    return false;
  }
}

/** The README files of fixtures/ (the data files beside them are other people's bytes, not ours). */
function fixtureReadmes(): Text[] {
  return walk('fixtures').filter((entry) => /(^|\/)README\.md$/.test(entry.file));
}

const outside: { name: string; pattern: RegExp }[] = [
  { name: 'the shared folder beside the repository', pattern: /(\.\.[\\/])+shared\b|\bshared[\\/](docs|corpus|schemas|hooks)\b/ },
  { name: 'an absolute path of the build machine', pattern: /(^|[\s'"`(=])\/work\/[\w.-]/ },
  { name: 'a reference document that is not in docs/', pattern: /\breference[\\/](netsh|jexus|peers|style-models)\.md/ },
  { name: 'a domain or protocol citation without its folder', pattern: /(?<![\w/])(domain|netsh|protocol)\.md\s*§/ },
];

/** Every place a text names a path outside the repository, as `file:line: why`. */
function outsideReferences(texts: Text[]): string[] {
  const found: string[] = [];
  for (const { file, text } of texts) {
    text.split('\n').forEach((line, index) => {
      for (const { name, pattern } of outside) if (pattern.test(line)) found.push(`${file}:${index + 1}: ${name}: ${line.trim().slice(0, 120)}`);
      // A relative path literal climbing out of the repository from the file's own folder.
      for (const match of line.matchAll(/['"`]((?:\.\.\/)+)[^'"`\s]*['"`]/g)) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
        if (resolved.startsWith('..')) found.push(`${file}:${index + 1}: a relative path out of the repository: ${match[0]}`);
      }
    });
  }
  return found;
}

/** `docs/NAME.md §N, §N.M` citations whose file or section does not exist, as `file: citation`. */
function danglingCitations(texts: Text[]): string[] {
  const found: string[] = [];
  for (const { file, text } of texts) {
    for (const match of text.matchAll(/(?<![\w/.-])docs\/([\w-]+\.md)((?:[\s*,]*§\d+(?:\.\d+)?)*)/g)) {
      const doc = path.join(root, 'docs', match[1]!);
      if (!existsSync(doc)) {
        found.push(`${file}: docs/${match[1]} does not exist`);
        continue;
      }
      const headings = readFileSync(doc, 'utf8');
      for (const section of match[2]!.matchAll(/§(\d+(?:\.\d+)?)/g)) {
        const heading = new RegExp(`^#+ ${section[1]!.replace('.', '\\.')}[. ]`, 'm');
        if (!heading.test(headings)) found.push(`${file}: docs/${match[1]} has no section §${section[1]}`);
      }
    }
  }
  return found;
}

const texts = [...roots.flatMap(walk), ...fixtureReadmes()].filter((entry) => entry.file !== 'test/docs/self-contained.test.ts');

describe('the repository stands on its own', () => {
  it('reads the files it should', () => {
    const files = texts.map((entry) => entry.file);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'src/join/resolve-binding.ts', 'test/netsh-double/netsh.mjs', 'docs/domain.md', 'fixtures/corpus/README.md']));
    expect(files.length).toBeGreaterThan(200);
  });

  it('no file under src/, test/, scripts/, bench/, docs/ or the README names a path outside the repository', () => {
    expect(outsideReferences(texts)).toEqual([]);
  });

  it('every docs/NAME.md §N citation names a file and a section of docs/', () => {
    expect(danglingCitations(texts)).toEqual([]);
    // The citations the code relies on most are there to be checked.
    const cited = texts.filter((entry) => entry.file.startsWith('src/') && /docs\/(domain|netsh)\.md §/.test(entry.text));
    expect(cited.length).toBeGreaterThan(20);
  });

  it('the checks find what they are for', () => {
    const parent = '..';
    const planted: Text[] = [
      { file: 'test/iis/x.test.ts', text: `const dir = '${parent}/${parent}/${parent}/elsewhere/corpus';` },
      { file: 'README.md', text: `The contract is \`${parent}/sh${'ared'}/docs/protocol.md\`.` },
      { file: 'src/a.ts', text: `// see ${'domain'}.md §3` },
      { file: 'src/b.ts', text: `const corpus = '/wo${'rk'}/shared/corpus';` },
    ];
    expect(outsideReferences(planted).map((line) => line.split(':')[0])).toEqual(['test/iis/x.test.ts', 'README.md', 'README.md', 'src/a.ts', 'src/b.ts', 'src/b.ts']);
    expect(danglingCitations([{ file: 'src/c.ts', text: '(docs/domain.md §3, §42) and docs/nowhere.md §1, not https://x/docs/y.md' }])).toEqual([
      'src/c.ts: docs/domain.md has no section §42',
      'src/c.ts: docs/nowhere.md does not exist',
    ]);
  });
});
