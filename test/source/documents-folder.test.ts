import { describe, expect, it } from 'vitest';
import { documentsFolderQueryArgv, expandEnvironment, parseRegQueryValue } from '../../src/source/documents-folder.js';
import { windowsCommandLine } from '../helpers/windows-command-line.js';

describe('the Documents known folder', () => {
  it('asks reg.exe for User Shell Folders\\Personal, on the command line CreateProcess receives', () => {
    expect(windowsCommandLine('C:\\Windows\\System32\\reg.exe', documentsFolderQueryArgv())).toBe(
      'C:\\Windows\\System32\\reg.exe query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders" /v Personal',
    );
  });

  it('reads the value from reg query output (written from the documented layout: name, type, data in four-space columns)', () => {
    const output = '\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders\r\n    Personal    REG_EXPAND_SZ    %USERPROFILE%\\OneDrive - Contoso\\Documents\r\n\r\n';
    expect(parseRegQueryValue(output, 'Personal')).toBe('%USERPROFILE%\\OneDrive - Contoso\\Documents');
    expect(parseRegQueryValue(output, 'My Music')).toBeUndefined();
    expect(parseRegQueryValue('ERROR: The system was unable to find the specified registry key or value.', 'Personal')).toBeUndefined();
  });

  it('expands %NAME% without case and leaves unknown names as written, like ExpandEnvironmentStrings', () => {
    expect(expandEnvironment('%UserProfile%\\Documents', { USERPROFILE: 'C:\\Users\\ann' })).toBe('C:\\Users\\ann\\Documents');
    expect(expandEnvironment('%NOPE%\\Documents', {})).toBe('%NOPE%\\Documents');
  });
});
