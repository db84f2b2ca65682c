import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/join/diagnosis.js';
import { resolveSource } from '../../src/source/resolve-source.js';

const source = () => resolveSource({ snapshot: 'fixtures/demo-server' });
const quiet = () => {};

describe('diagnostics/run with a site', () => {
  it('a site that does not exist is NOT_FOUND naming the closest names, as bindings/https says it', async () => {
    const error = await diagnose(source(), { site: 'Fabrikam Shopp' }, quiet).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ id: 'NOT_FOUND', data: { site: 'Fabrikam Shopp', closest: ['Fabrikam Shop'] } });
    expect((error as Error).message).toMatch(/; did you mean 'Fabrikam Shop'\?$/);
  });

  it('site names compare as IIS folds them (upper case): the long s is S', async () => {
    // 'ſ' (U+017F) upper-cases to 'S' but lower-cases to itself, so only the upper-case fold
    // finds 'Fabrikam Shop' under this spelling.
    const answer = await diagnose(source(), { site: 'Fabrikam ſhop' }, quiet);
    const all = await diagnose(source(), {}, quiet);
    expect(answer.findings).toEqual(all.findings.filter((finding) => finding.site === 'Fabrikam Shop'));
  });
});
