import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HttpApiError } from '../../src/errors.js';
import { readApplicationHostConfig, type IisConfig } from '../../src/iis/read-application-host-config.js';
import { referenceSites } from './reference-reader.js';

/** The 80 real files (read-only, shared by every helper); see its README and MANIFEST.tsv. */
const corpusDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/corpus/applicationhost');
const corpusFile = (name: string) => path.join(corpusDir, name);

interface ManifestRow {
  file: string;
  sites: number;
  bindings: number;
  https: number;
  notes: string;
  kind: string;
}

const kinds = new Map((JSON.parse(readFileSync(corpusFile('rows.json'), 'utf8')) as { file: string; kind: string }[]).map((row) => [row.file, row.kind]));
const manifest: ManifestRow[] = readFileSync(corpusFile('MANIFEST.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .map(([file, , , , , sites, bindings, https, notes]) => ({ file: file!, sites: Number(sites), bindings: Number(bindings), https: Number(https), notes: notes!, kind: kinds.get(file!)! }));

const read = (file: string): Promise<IisConfig> => readApplicationHostConfig({ path: corpusFile(file), origin: 'snapshot' });

/**
 * Written by reading each file: the line the fault is on (for the not-well-formed ones the
 * same line expat reports in MANIFEST.tsv, except where a clearer fault comes first) and the
 * reason given.
 */
const expectedErrors: Record<string, { line: number; reason: RegExp }> = {
  '069.config': { line: 166, reason: /^contains git merge-conflict markers \(<<<<<<<\) at line 166;/ },
  '070.config': { line: 1, reason: /^contains git merge-conflict markers \(<<<<<<<\) at line 1;/ },
  '071.config': { line: 1, reason: /^is empty \(0 bytes\)$/ },
  '072.config': { line: 1134, reason: /^is not well-formed XML at line 1134: the file ends while <configuration> \(line 1133\) inside <configuration> \(line 21\) are still open/ },
  '073.config': { line: 28, reason: /^is not well-formed XML at line 28: closing tag <\/configuration> has no matching start tag$/ },
  '074.config': { line: 1, reason: /^is a fragment, not a whole applicationHost\.config: its root element is <location> \(line 1\)/ },
  '075.config': { line: 1, reason: /^is a fragment, .*root element is <system\.applicationHost> \(line 1\).*wrap it in <configuration>/ },
  '076.config': { line: 1, reason: /^is a fragment, .*root element is <site> \(line 1\)/ },
  '077.config': { line: 1, reason: /^is a fragment, .*root element is <site> \(line 1\)/ },
  '078.config': { line: 2, reason: /^is an XDT transform \(root <configuration> at line 2 declares xmlns:xdt=/ },
  '079.config': { line: 6, reason: /^is a fragment, .*root element is <httpCompression> \(line 6\)/ },
  '080.config': { line: 3, reason: /^is an HTML page \(root element <html> at line 3\), not an applicationHost\.config$/ },
};

/** The server kind each readable file is, by its content: see config-kind.ts for why HWC reads as IIS. */
function expectedKind(row: ManifestRow): string {
  if (row.file === '031.config') return 'unknown'; // hand-written: no modules, no telling paths
  return row.kind === 'iisx' ? 'iisexpress' : 'iis';
}

describe('the applicationHost.config corpus, file by file', () => {
  it('has the 80 files the README describes, 12 of them unreadable on purpose', () => {
    expect(manifest).toHaveLength(80);
    expect(manifest.filter((row) => row.kind === 'malformed' || row.kind === 'fragment').map((row) => row.file)).toEqual(Object.keys(expectedErrors));
  });

  for (const row of manifest.filter((entry) => !(entry.file in expectedErrors))) {
    it(`${row.file}: sites, ids and bindings agree with an independent reading and with MANIFEST.tsv`, async () => {
      const config = await read(row.file);
      const reference = referenceSites(readFileSync(corpusFile(row.file)));
      expect(config.sites.map((site) => ({ name: site.name, id: site.id }))).toEqual(reference.map((site) => ({ name: site.name, id: site.id === undefined ? null : Number(site.id) })));
      config.sites.forEach((site, index) => {
        expect(
          site.bindings.map((binding) => [binding.protocol, binding.bindingInformation, binding.sslFlags]),
          site.name,
        ).toEqual(reference[index]!.bindings.map((binding) => [binding.protocol, binding.bindingInformation, binding.sslFlags === undefined ? 0 : Number(binding.sslFlags)]));
      });
      const bindings = config.sites.flatMap((site) => site.bindings);
      expect([config.sites.length, bindings.length, bindings.filter((binding) => binding.protocol === 'https').length]).toEqual([row.sites, row.bindings, row.https]);
      expect(config.configKind).toBe(expectedKind(row));
      expect(config.file).toBe(corpusFile(row.file));
    });
  }

  for (const [file, expected] of Object.entries(expectedErrors)) {
    it(`${file}: CONFIG_INVALID naming the file, line ${expected.line} and the reason`, async () => {
      const error = await read(file).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(HttpApiError);
      const { id, message, data } = error as HttpApiError;
      expect(id).toBe('CONFIG_INVALID');
      expect(data).toMatchObject({ file: corpusFile(file), line: expected.line });
      expect(data.reason).toMatch(expected.reason);
      expect(message).toBe(`${corpusFile(file)} ${String(data.reason)}.`);
    });
  }
});
