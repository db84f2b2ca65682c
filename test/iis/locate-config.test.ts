import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateConfig } from '../../src/iis/locate-config.js';

const root = mkdtempSync(path.join(tmpdir(), 'httpapi-locate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder with the given files (empty content), for the Visual Studio layouts of docs/domain.md §2. */
function tree(name: string, files: string[]): string {
  const folder = path.join(root, name);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), '');
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

const linux = (spec: Parameters<typeof locateConfig>[0], env: NodeJS.ProcessEnv = {}) => locateConfig(spec, 'linux', env);

describe('locateConfig', () => {
  it('takes an explicit file first, then a solution, IIS Express, a snapshot, the live file on Windows', () => {
    expect(linux({ configPath: 'a/b.config', snapshot: '/snap' })).toEqual({ path: path.resolve('a/b.config'), origin: 'explicit' });
    expect(linux({ snapshot: '/snap' })).toEqual({ path: '/snap/applicationHost.config', origin: 'snapshot' });
    expect(linux({ iisExpress: true, snapshot: '/snap' }, { HOME: '/home/ann' })).toMatchObject({ origin: 'iis-express' });
    expect(locateConfig({}, 'win32', { windir: 'D:\\Win' })).toEqual({ path: 'D:\\Win\\System32\\inetsrv\\config\\applicationHost.config', origin: 'live' });
    expect(() => linux({})).toThrow(expect.objectContaining({ id: 'NO_SOURCE', message: expect.stringContaining('--iis-express or --solution DIR') }));
  });

  it('finds the per-user IIS Express file under USERPROFILE on Windows and HOME elsewhere', () => {
    expect(locateConfig({ iisExpress: true }, 'win32', { USERPROFILE: 'C:\\Users\\ann', HOME: '/ignored' })).toEqual({
      path: 'C:\\Users\\ann\\Documents\\IISExpress\\config\\applicationhost.config',
      origin: 'iis-express',
    });
    expect(linux({ iisExpress: true }, { HOME: '/home/ann' })).toEqual({ path: '/home/ann/Documents/IISExpress/config/applicationhost.config', origin: 'iis-express' });
    expect(() => linux({ iisExpress: true })).toThrow(expect.objectContaining({ id: 'NO_SOURCE' }));
  });

  it('finds a solution\'s file in the Visual Studio 2017+ and 2015 layouts', () => {
    const vs2019 = tree('vs2019', ['Shop.sln', '.vs/Shop/config/applicationhost.config', '.vs/Shop/v16/.suo']);
    expect(linux({ solution: vs2019 })).toEqual({ path: path.join(vs2019, '.vs/Shop/config/applicationhost.config'), origin: 'solution' });
    const vs2015 = tree('vs2015', ['Old.sln', '.vs/config/applicationhost.config']);
    expect(linux({ solution: vs2015 })).toEqual({ path: path.join(vs2015, '.vs/config/applicationhost.config'), origin: 'solution' });
    // Names as Windows writes them, in any case.
    const upper = tree('upper', ['.vs/App/Config/ApplicationHost.config']);
    expect(linux({ solution: upper }).path).toBe(path.join(upper, '.vs/App/Config/ApplicationHost.config'));
  });

  it('picks among several solutions by the .sln, and says so', () => {
    const both = tree('both', ['Shop.sln', '.vs/Admin/config/applicationhost.config', '.vs/Shop/config/applicationhost.config', '.vs/config/applicationhost.config']);
    expect(linux({ solution: both })).toEqual({
      path: path.join(both, '.vs/Shop/config/applicationhost.config'),
      origin: 'solution',
      note: `Read the configuration of solution 'Shop'; ${path.join(both, '.vs')} also holds Admin, the Visual Studio 2015 .vs/config.`,
    });
    expect(linux({ solution: path.join(both, 'Shop.sln') }).path).toBe(path.join(both, '.vs/Shop/config/applicationhost.config'));
  });

  it('lists the candidates when nothing tells which solution is meant', () => {
    const two = tree('two', ['A.sln', 'B.sln', '.vs/A/config/applicationhost.config', '.vs/B/config/applicationhost.config']);
    expect(() => linux({ solution: two })).toThrow(
      expect.objectContaining({
        id: 'INVALID_ARGUMENT',
        message: expect.stringContaining('holds the IIS Express configurations of 2 solutions (A, B)'),
        data: { solutions: ['A', 'B'], files: [path.join(two, '.vs/A/config/applicationhost.config'), path.join(two, '.vs/B/config/applicationhost.config')] },
      }),
    );
  });

  it('says what it looked for when there is nothing', () => {
    const empty = tree('empty', ['App.sln', '.vs/App/v17/.suo']);
    expect(() => linux({ solution: empty })).toThrow(expect.objectContaining({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining('looked for .vs/<solution>/config/applicationhost.config (Visual Studio 2017 and later) and .vs/config/applicationhost.config') }));
    expect(() => linux({ solution: path.join(root, 'nowhere') })).toThrow(expect.objectContaining({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining('there is no such folder') }));
  });
});
