import type { PlatformFacts } from '../process/platform-facts.js';
import { runProcess } from '../process/run-process.js';
import { systemExecutable } from '../process/system-executable.js';
import { parseRegQueryOutput } from './reg-query-output.js';

/**
 * Where IIS keeps the Central Certificate Store provider's settings (Microsoft IIS Support
 * Blog, "Centralized Certificate Store (CCS) and IIS bindings", 2019: "IIS stores the CCS
 * configuration in registry: HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\IIS\CentralCertProvider").
 * The value names Enabled and CertStoreLocation follow the settings Get-WebCentralCertProvider
 * reports (Enabled, CertStoreLocation, UserName, Password, PrivateKeyPassword); that the
 * registry values carry exactly these names is inferred. UserName, Password and
 * PrivateKeyPassword are never queried: each value is asked for by name.
 */
export const CentralCertProviderKey = 'HKLM\\SOFTWARE\\Microsoft\\IIS\\CentralCertProvider';

export interface CcsProviderSettings {
  /** null: the value is not there (the feature was never configured). */
  enabled: boolean | null;
  certStoreLocation: string | null;
}

/** `reg.exe query <key> /v <name>`: one named value, so no secret of the key is ever printed. */
export function ccsProviderQueryArgv(name: 'Enabled' | 'CertStoreLocation'): string[] {
  return ['query', CentralCertProviderKey, '/v', name];
}

/**
 * The provider settings, read live with reg.exe from the Windows folder. A key or value that
 * does not exist makes reg.exe exit 1 ("ERROR: The system was unable to find the specified
 * registry key or value."), read here as not set.
 */
export async function readCcsProviderSettings(facts: PlatformFacts, signal?: AbortSignal): Promise<CcsProviderSettings> {
  const reg = systemExecutable('reg.exe', facts);
  const query = async (name: 'Enabled' | 'CertStoreLocation') => {
    const run = await runProcess(reg, ccsProviderQueryArgv(name), { timeoutMs: 10_000, signal, facts });
    return run.exitCode === 0 ? parseRegQueryOutput(run.stdout.toString('utf8')).get(name.toLowerCase()) : undefined;
  };
  const [enabled, location] = await Promise.all([query('Enabled'), query('CertStoreLocation')]);
  return {
    enabled: enabled === undefined ? null : enabled.type === 'REG_DWORD' ? Number(enabled.data) !== 0 : null,
    certStoreLocation: location && (location.type === 'REG_SZ' || location.type === 'REG_EXPAND_SZ') && location.data !== '' ? location.data : null,
  };
}
