import { describe, expect, it } from 'vitest';
import { ccsProviderQueryArgv } from '../../src/source/ccs-provider-settings.js';
import { parseRegQueryOutput } from '../../src/source/reg-query-output.js';
import { windowsCommandLine } from '../helpers/windows-command-line.js';

describe('the Central Certificate Store provider settings in the registry', () => {
  it('asks reg.exe for each setting by name, so the user name and passwords are never printed', () => {
    expect(windowsCommandLine('C:\\Windows\\System32\\reg.exe', ccsProviderQueryArgv('Enabled'))).toBe('C:\\Windows\\System32\\reg.exe query HKLM\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider /v Enabled');
    expect(ccsProviderQueryArgv('CertStoreLocation')).toEqual(['query', 'HKLM\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider', '/v', 'CertStoreLocation']);
  });

  // The layout reg.exe prints (key line, then four-space columns name / type / data; a DWORD in
  // hex): inferred, no capture of this key exists (src/source/ccs-provider-settings.ts).
  it('reads a DWORD in hex and a string with spaces from reg query output', () => {
    const enabled = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider\r\n    Enabled    REG_DWORD    0x1\r\n\r\n';
    const location = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider\r\n    CertStoreLocation    REG_SZ    \\\\files01\\Cert Store\r\n\r\n';
    expect(parseRegQueryOutput(enabled).get('enabled')).toEqual({ type: 'REG_DWORD', data: '1' });
    expect(parseRegQueryOutput('    Enabled    REG_DWORD    0x0').get('enabled')).toEqual({ type: 'REG_DWORD', data: '0' });
    expect(parseRegQueryOutput(location).get('certstorelocation')).toEqual({ type: 'REG_SZ', data: '\\\\files01\\Cert Store' });
    expect(parseRegQueryOutput('    CertStoreLocation    REG_SZ    ').get('certstorelocation')).toEqual({ type: 'REG_SZ', data: '' });
    expect(parseRegQueryOutput('ERROR: The system was unable to find the specified registry key or value.').size).toBe(0);
  });
});
