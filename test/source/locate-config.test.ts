import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateConfig } from '../../src/source/locate-config.js';

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

const linux = (spec: Parameters<typeof locateConfig>[0], env: NodeJS.ProcessEnv = {}) => locateConfig(spec, { platform: 'linux', arch: 'x64', env });
/** A Windows machine: files by path (undefined = absent), the Documents folder Windows records. */
const windows = (env: NodeJS.ProcessEnv, files: Record<string, string> = {}, documents?: string, arch = 'x64') => ({
  facts: { platform: 'win32' as const, arch, env },
  io: { readText: (file: string) => files[file], documentsFolder: () => documents },
});
const onWindows = (spec: Parameters<typeof locateConfig>[0], machine: ReturnType<typeof windows>) => locateConfig(spec, machine.facts, machine.io);

describe('locateConfig', () => {
  it('takes an explicit file first, then a solution, IIS Express, a snapshot, the live file on Windows', () => {
    expect(linux({ configPath: 'a/b.config', snapshot: '/snap' })).toEqual({ path: path.resolve('a/b.config'), origin: 'explicit' });
    expect(linux({ snapshot: '/snap' })).toEqual({ path: '/snap/applicationHost.config', origin: 'snapshot' });
    expect(linux({ iisExpress: true, snapshot: '/snap' }, { HOME: '/home/ann' })).toMatchObject({ origin: 'iis-express' });
    expect(onWindows({}, windows({ windir: 'D:\\Win' }))).toEqual({ path: 'D:\\Win\\System32\\inetsrv\\config\\applicationHost.config', origin: 'live' });
    expect(() => linux({})).toThrow(expect.objectContaining({ id: 'NO_SOURCE', message: expect.stringContaining('--iis-express or --solution DIR') }));
  });

  it('finds the per-user IIS Express file under USERPROFILE on Windows (when Windows records no Documents folder) and HOME elsewhere', () => {
    expect(onWindows({ iisExpress: true }, windows({ USERPROFILE: 'C:\\Users\\ann', HOME: '/ignored' }))).toEqual({
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

  it('matches .slnx like .sln, and takes Shop.sln beside Shop.slnx as one solution', () => {
    const slnx = tree('slnx', ['Shop.slnx', '.vs/Admin/config/applicationhost.config', '.vs/Shop/config/applicationhost.config']);
    expect(linux({ solution: slnx }).path).toBe(path.join(slnx, '.vs/Shop/config/applicationhost.config'));
    expect(linux({ solution: path.join(slnx, 'Shop.slnx') }).path).toBe(path.join(slnx, '.vs/Shop/config/applicationhost.config'));
    const migrating = tree('migrating', ['Shop.sln', 'Shop.slnx', '.vs/Admin/config/applicationhost.config', '.vs/Shop/config/applicationhost.config']);
    expect(linux({ solution: migrating }).path).toBe(path.join(migrating, '.vs/Shop/config/applicationhost.config'));
  });
});

describe('the live configuration on Windows', () => {
  const system = 'C:\\Windows\\System32\\inetsrv\\config';
  const shared = readFileSync(new URL('../../fixtures/redirection-config/book-notes-shared.config', import.meta.url), 'utf8');

  it('follows a real redirection.config (Shared Configuration) to the share, and says so', () => {
    const location = onWindows({}, windows({ SystemRoot: 'C:\\Windows' }, { [`${system}\\redirection.config`]: shared }));
    expect(location).toEqual({
      path: '\\\\server1\\centralconfig$\\applicationHost.config',
      origin: 'live',
      note: `IIS Shared Configuration: ${system}\\redirection.config redirects the configuration to \\\\server1\\centralconfig$\\applicationHost.config, so that file is read and changed, not ${system}\\applicationHost.config. IIS reads it as domain1.local\\config; HttpApi reads and writes it as the account running the worker.`,
    });
  });

  it('stays with the local file when redirection is off, absent, or enabled without a path', () => {
    const local = `${system}\\applicationHost.config`;
    for (const text of [undefined, '<configuration><configurationRedirection /></configuration>', shared.replace('enabled="true"', 'enabled="false"'), '<configuration><configurationRedirection enabled="true" path="" /></configuration>']) {
      const files: Record<string, string> = text === undefined ? {} : { [`${system}\\redirection.config`]: text };
      expect(onWindows({}, windows({ SystemRoot: 'C:\\Windows' }, files))).toEqual({ path: local, origin: 'live' });
    }
  });

  it('refuses, naming elevation, when redirection.config cannot be read', () => {
    const denied = windows({ SystemRoot: 'C:\\Windows' });
    denied.io.readText = () => {
      throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
    };
    expect(() => onWindows({}, denied)).toThrow(expect.objectContaining({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining("reading IIS's configuration needs an elevated (administrator) process") }));
  });

  it('uses Sysnative for a 32-bit worker on 64-bit Windows, System32 for a native one', () => {
    const wow64 = { SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' };
    expect(onWindows({}, windows(wow64, {}, undefined, 'ia32')).path).toBe('C:\\Windows\\Sysnative\\inetsrv\\config\\applicationHost.config');
    expect(onWindows({}, windows({ SystemRoot: 'C:\\Windows' }, {}, undefined, 'ia32')).path).toBe('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config');
    expect(onWindows({}, windows({ SystemRoot: 'C:\\Windows' }, {}, undefined, 'arm64')).path).toBe('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config');
  });

  it('refuses a SystemRoot that is not an absolute path rather than look in the current folder', () => {
    expect(() => onWindows({}, windows({ SystemRoot: 'Windows' }))).toThrow(expect.objectContaining({ id: 'SYSTEM_PATH_UNKNOWN' }));
    expect(() => onWindows({}, windows({}))).toThrow(expect.objectContaining({ id: 'SYSTEM_PATH_UNKNOWN', message: expect.stringContaining('not set') }));
  });

  it('finds IIS Express under the Documents folder Windows records (OneDrive Known Folder Move), expanding variables', () => {
    const env = { USERPROFILE: 'C:\\Users\\ann', OneDrive: 'C:\\Users\\ann\\OneDrive - Contoso' };
    expect(onWindows({ iisExpress: true }, windows(env, {}, '%OneDrive%\\Documents')).path).toBe('C:\\Users\\ann\\OneDrive - Contoso\\Documents\\IISExpress\\config\\applicationhost.config');
    expect(onWindows({ iisExpress: true }, windows(env, {}, '\\\\fileserver\\home$\\ann\\Documents')).path).toBe('\\\\fileserver\\home$\\ann\\Documents\\IISExpress\\config\\applicationhost.config');
    expect(onWindows({ iisExpress: true }, windows({ userprofile: 'C:\\Users\\bob' }, {}, '%USERPROFILE%\\Documents')).path).toBe('C:\\Users\\bob\\Documents\\IISExpress\\config\\applicationhost.config');
  });
});

