import { describe, expect, it } from 'vitest';
import { taskkillArgv } from '../../src/process/child-processes.js';
import { isWow64, systemExecutable } from '../../src/process/system-executable.js';
import { windowsCommandLine } from '../helpers/windows-command-line.js';

const windows = (env: NodeJS.ProcessEnv, arch = 'x64') => ({ platform: 'win32' as const, arch, env });

describe('system programs', () => {
  it('are found in the native System32 under SystemRoot, by absolute path', () => {
    const facts = windows({ SystemRoot: 'C:\\Windows', Path: '.;C:\\Tools' });
    expect(systemExecutable('netsh.exe', facts)).toBe('C:\\Windows\\System32\\netsh.exe');
    expect(systemExecutable('chcp.com', facts)).toBe('C:\\Windows\\System32\\chcp.com');
    expect(systemExecutable('reg.exe', facts)).toBe('C:\\Windows\\System32\\reg.exe');
    expect(systemExecutable('icacls.exe', facts)).toBe('C:\\Windows\\System32\\icacls.exe');
    expect(systemExecutable('powershell.exe', facts)).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('go through Sysnative only for a 32-bit Node on 64-bit Windows (PROCESSOR_ARCHITEW6432 set by WOW64)', () => {
    expect(isWow64(windows({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' }, 'ia32'))).toBe(true);
    expect(systemExecutable('netsh.exe', windows({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' }, 'ia32'))).toBe('C:\\Windows\\Sysnative\\netsh.exe');
    // 32-bit Windows, and 64-bit or ARM64 Node: no redirection.
    expect(isWow64(windows({ SystemRoot: 'C:\\Windows' }, 'ia32'))).toBe(false);
    expect(isWow64(windows({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' }, 'x64'))).toBe(false);
    expect(systemExecutable('netsh.exe', windows({ SystemRoot: 'C:\\Windows' }, 'arm64'))).toBe('C:\\Windows\\System32\\netsh.exe');
  });

  it('read SystemRoot without case (a copied environment keeps whatever case it had), windir when it is missing', () => {
    expect(systemExecutable('netsh.exe', windows({ SYSTEMROOT: 'D:\\WINNT\\' }))).toBe('D:\\WINNT\\System32\\netsh.exe');
    expect(systemExecutable('netsh.exe', windows({ windir: 'E:\\Windows' }))).toBe('E:\\Windows\\System32\\netsh.exe');
  });

  it('are refused rather than looked up relative to the current folder when SystemRoot is not absolute', () => {
    for (const env of [{}, { SystemRoot: '.' }, { SystemRoot: 'Windows' }, { SystemRoot: '\\\\server\\share' }]) {
      expect(() => systemExecutable('netsh.exe', windows(env))).toThrow(expect.objectContaining({ id: 'SYSTEM_PATH_UNKNOWN' }));
    }
  });

  it('include chcp, run without arguments for the console code page: the command line CreateProcess receives', () => {
    expect(windowsCommandLine(systemExecutable('chcp.com', windows({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' }, 'ia32')), [])).toBe('C:\\Windows\\Sysnative\\chcp.com');
  });

  it('include taskkill for a tree on timeout: the command line CreateProcess receives', () => {
    expect(windowsCommandLine(systemExecutable('taskkill.exe', windows({ SystemRoot: 'C:\\Windows' })), taskkillArgv(4242))).toBe('C:\\Windows\\System32\\taskkill.exe /PID 4242 /T /F');
  });
});
