import { X509Certificate } from 'node:crypto';
import { HttpApiError } from '../errors.js';
import type { CertificateInfo } from './certificate-info.js';
import { describeCertificate } from './describe-certificate.js';
import { storeName } from './store-name.js';

/** The stores IIS mappings use; others are read when asked for by name. */
export const DefaultWindowsStores = ['MY', 'WebHosting'] as const;

/**
 * Lists Cert:\LocalMachine\<store> for each name in $env:HTTPAPI_CERT_STORES (';'-separated)
 * as JSON. Only values, never display text: dates as ISO 8601 UTC, the DER as base64.
 * Stores that do not exist (WebHosting without IIS) are skipped.
 */
export const ListStoresScript = `
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)
$rows = foreach ($store in ($env:HTTPAPI_CERT_STORES -split ';')) {
  $path = 'Cert:\\LocalMachine\\' + $store
  if (-not (Test-Path -LiteralPath $path)) { continue }
  foreach ($cert in Get-ChildItem -LiteralPath $path) {
    if ($cert -isnot [System.Security.Cryptography.X509Certificates.X509Certificate2]) { continue }
    [pscustomobject]@{
      Store = $store
      Thumbprint = $cert.Thumbprint
      Subject = $cert.Subject
      Issuer = $cert.Issuer
      NotBefore = $cert.NotBefore.ToUniversalTime().ToString('o')
      NotAfter = $cert.NotAfter.ToUniversalTime().ToString('o')
      HasPrivateKey = $cert.HasPrivateKey
      FriendlyName = $cert.FriendlyName
      DnsNameList = @($cert.DnsNameList | ForEach-Object { $_.Unicode })
      EnhancedKeyUsageList = @($cert.EnhancedKeyUsageList | ForEach-Object { $_.ObjectId })
      RawData = [Convert]::ToBase64String($cert.RawData)
    }
  }
}
ConvertTo-Json -InputObject @($rows) -Depth 3 -Compress
`;

/**
 * powershell.exe's argv. The fixed script travels as -EncodedCommand (UTF-16LE base64),
 * which Microsoft documents for commands "that require complex quotation marks or curly
 * braces" (about_PowerShell_exe), so no quoting layer can change it; the store names travel
 * in the environment, so no value is ever part of a command line.
 */
export function powerShellArgv(): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(ListStoresScript, 'utf16le').toString('base64')];
}

export type PowerShellRunner = (file: string, argv: string[], env: Record<string, string>) => Promise<string>;

export const runPowerShell: PowerShellRunner = async (file, argv, env) => {
  // Loaded on first use, like in run-netsh.ts: only Windows without a snapshot starts PowerShell.
  const { execa } = await import('execa');
  const result = await execa(file, argv, { shell: false, env, windowsHide: true, timeout: 120_000, stripFinalNewline: true });
  return result.stdout;
};

/** Reads LocalMachine stores on Windows through PowerShell's Cert: drive. */
export async function readWindowsStores(stores: readonly string[], run: PowerShellRunner = runPowerShell): Promise<CertificateInfo[]> {
  for (const store of stores) {
    // Keeps the name inside Cert:\LocalMachine (no `..\`, no wildcards) and out of the ';' list syntax.
    if (!/^[A-Za-z0-9 _-]+$/.test(store)) {
      throw new HttpApiError('INVALID_ARGUMENT', `Store name '${store}' is not a LocalMachine store name (letters, digits, space, _ and - only).`, { store });
    }
  }
  const argv = powerShellArgv();
  let stdout: string;
  try {
    stdout = await run('powershell.exe', argv, { HTTPAPI_CERT_STORES: stores.join(';') });
  } catch (error) {
    const failure = error as { code?: string; stderr?: string; shortMessage?: string; message: string };
    const id = failure.code === 'ENOENT' ? 'NO_SOURCE' : 'SOURCE_UNREADABLE';
    const why = failure.code === 'ENOENT' ? 'powershell.exe was not found' : (failure.stderr?.trim() || failure.shortMessage || failure.message);
    throw new HttpApiError(id, `Could not list the certificate stores ${stores.join(', ')} through PowerShell: ${why}`, { argv: ['powershell.exe', ...argv.slice(0, -1), '<script>'], stores: [...stores] });
  }
  return parseStoreListing(stdout);
}

/** One row of the script's JSON (property names of the Cert: drive's X509Certificate2 items). */
interface StoreRow {
  Store: string;
  Thumbprint: string;
  HasPrivateKey: boolean | null;
  FriendlyName: string | null;
  EnhancedKeyUsageList: string[] | null;
  RawData: string;
}

/**
 * The model from the script's JSON. Everything but the store, private key presence, friendly
 * name and EKUs comes from RawData, parsed like a snapshot file. EKUs: the Cert: drive lists
 * the purposes Windows grants the entry (the extension, narrowed by store properties); an
 * empty list is ambiguous (no extension, or no purpose left), so then the DER decides.
 */
export function parseStoreListing(json: string): CertificateInfo[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.trim() || '[]');
  } catch (error) {
    throw new HttpApiError('SOURCE_UNREADABLE', `PowerShell's certificate listing is not JSON (${(error as Error).message}).`, { output: json.slice(0, 200) });
  }
  const rows = (Array.isArray(parsed) ? parsed : [parsed]) as Partial<StoreRow>[];
  return rows.map((row, index) => {
    if (typeof row?.Store !== 'string' || typeof row.RawData !== 'string' || typeof row.Thumbprint !== 'string') {
      throw new HttpApiError('SOURCE_UNREADABLE', `PowerShell's certificate listing, entry ${index}: Store, Thumbprint or RawData is missing.`, { entry: index });
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(Buffer.from(row.RawData, 'base64'));
    } catch (error) {
      throw new HttpApiError('CERTIFICATE_INVALID', `Certificate ${row.Thumbprint} in store ${row.Store}: its RawData is not a readable certificate (${(error as Error).message}).`, { thumbprint: row.Thumbprint });
    }
    const ekus = Array.isArray(row.EnhancedKeyUsageList) && row.EnhancedKeyUsageList.length > 0 ? row.EnhancedKeyUsageList.map(String) : undefined;
    const info = describeCertificate(certificate, {
      store: storeName(row.Store),
      hasPrivateKey: typeof row.HasPrivateKey === 'boolean' ? row.HasPrivateKey : null,
      friendlyName: row.FriendlyName ? row.FriendlyName : null,
      ...(ekus ? { ekus } : {}),
    });
    if (info.thumbprint !== row.Thumbprint.toUpperCase()) {
      throw new HttpApiError('SOURCE_UNREADABLE', `Certificate ${row.Thumbprint} in store ${row.Store}: its RawData hashes to ${info.thumbprint}.`, { thumbprint: row.Thumbprint });
    }
    return info;
  });
}
