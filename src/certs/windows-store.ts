import { X509Certificate } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { HttpApiError } from '../errors.js';
import { killTree, startChild } from '../process/child-processes.js';
import { currentPlatformFacts, environmentValue, type PlatformFacts } from '../process/platform-facts.js';
import { systemExecutable, systemRoot } from '../process/system-executable.js';
import { frozenCertificate, type CertificateInfo, type PrivateKeyState } from './certificate-info.js';
import { describeCertificate } from './describe-certificate.js';
import { DefaultStoreName, storeName } from './store-name.js';
import { KeptResults } from '../source/kept-results.js';

/** The stores IIS mappings use; others are read when asked for by name. */
export const DefaultWindowsStores = [DefaultStoreName, 'WebHosting'] as const;

/**
 * Serves store listings for as long as the worker lives: one request line on stdin (store
 * names, ';'-separated), one answer line of JSON on stdout, `{ ok, certificates }` or
 * `{ ok: false, error }`. Only values, never display text: dates as ISO 8601 UTC, the DER as
 * base64. A store that does not exist (WebHosting without IIS 8) is skipped; a Cert: drive
 * that did not load or a store that cannot be opened is an error naming the cause, never an
 * empty list. The private key is opened, not trusted from HasPrivateKey, which stays true
 * when the key container is gone (netsh then fails with 1312).
 */
export const StoreServerScript = `
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)
$securityModuleError = $null
try { Import-Module -Name (Join-Path $PSHOME 'Modules\\Microsoft.PowerShell.Security\\Microsoft.PowerShell.Security.psd1') }
catch { $securityModuleError = $_.Exception.Message }

function Get-KeyState($cert) {
  if (-not $cert.HasPrivateKey) { return @('absent', $null) }
  try {
    $key = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($cert)
    if ($null -eq $key) { $key = [System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions]::GetECDsaPrivateKey($cert) }
    if ($null -eq $key) { return @('unusable', 'neither an RSA nor an ECDSA private key could be opened') }
    $key.Dispose()
    return @('present', $null)
  } catch { return @('unusable', $_.Exception.Message) }
}

function Read-Stores([string[]] $names) {
  if (-not (Get-PSDrive -Name Cert -PSProvider Certificate -ErrorAction SilentlyContinue)) {
    $why = if ($securityModuleError) { $securityModuleError } else { 'the Certificate provider is not available' }
    throw "The Cert: drive is not available in PowerShell $($PSVersionTable.PSVersion) ($why); PSModulePath is $env:PSModulePath"
  }
  foreach ($store in $names) {
    $path = 'Cert:\\LocalMachine\\' + $store
    if (-not (Test-Path -LiteralPath $path)) { continue }
    try { $items = @(Get-ChildItem -LiteralPath $path) }
    catch { throw "Cannot open the certificate store LocalMachine\\$store ($($_.Exception.Message))" }
    foreach ($cert in $items) {
      if ($cert -isnot [System.Security.Cryptography.X509Certificates.X509Certificate2]) { continue }
      $key = Get-KeyState $cert
      [pscustomobject]@{
        Store = $store
        Thumbprint = $cert.Thumbprint
        PrivateKey = $key[0]
        PrivateKeyProblem = $key[1]
        FriendlyName = $cert.FriendlyName
        EnhancedKeyUsageList = @($cert.EnhancedKeyUsageList | ForEach-Object { $_.ObjectId })
        RawData = [Convert]::ToBase64String($cert.RawData)
      }
    }
  }
}

while ($null -ne ($line = [Console]::In.ReadLine())) {
  try {
    $answer = @{ ok = $true; certificates = @(Read-Stores @($line -split ';' | Where-Object { $_ })) }
  } catch {
    $answer = @{ ok = $false; error = $_.Exception.Message }
  }
  [Console]::Out.WriteLine((ConvertTo-Json -InputObject $answer -Depth 4 -Compress))
  [Console]::Out.Flush()
}
`;

/**
 * powershell.exe's argv. The fixed script travels as -EncodedCommand (UTF-16LE base64),
 * which Microsoft documents for commands "that require complex quotation marks or curly
 * braces" (about_PowerShell_exe), so no quoting layer can change it; store names travel on
 * stdin, so no value is ever part of a command line.
 */
export function powerShellArgv(): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(StoreServerScript, 'utf16le').toString('base64')];
}

/**
 * The child's environment: the worker's, with PSModulePath set to Windows PowerShell's own
 * folders. A worker started from PowerShell 7 inherits pwsh's PSModulePath, and Windows
 * PowerShell 5.1 would then load pwsh's Microsoft.PowerShell.Security, fail, and have no
 * Cert: drive (PowerShell/PowerShell#18530). Names are compared without case, as Windows does.
 */
export function storeEnvironment(facts: PlatformFacts): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(facts.env)) if (key.toLowerCase() !== 'psmodulepath') env[key] = value;
  const programFiles = environmentValue(facts.env, 'ProgramW6432') ?? environmentValue(facts.env, 'ProgramFiles') ?? `${systemRoot(facts).slice(0, 2)}\\Program Files`;
  env.PSModulePath = [`${programFiles}\\WindowsPowerShell\\Modules`, `${systemExecutable('powershell.exe', facts).replace(/\\powershell\.exe$/, '')}\\Modules`].join(';');
  return env;
}

/** Sends one request line, resolves with one answer line. */
export type StoreReader = (stores: readonly string[]) => Promise<string>;

/**
 * One long-lived PowerShell for the worker's store reads: started on first use, kept (a
 * PowerShell start costs 1-3 s), restarted when it has died. Requests are served one at a
 * time; one that takes longer than the limit ends the process, and the next starts another.
 */
export class StoreSession {
  private child: ChildProcess | undefined;
  private buffered = '';
  private stderrTail = '';
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly argv: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly timeoutMs = 120_000,
    private readonly facts: PlatformFacts = currentPlatformFacts(),
  ) {}

  /** How many processes this session has started; a test's view of "one per worker". */
  starts = 0;

  readonly read: StoreReader = (stores) => {
    const turn = this.queue.then(() => this.ask(stores.join(';')));
    this.queue = turn.catch(() => undefined);
    return turn;
  };

  private ask(line: string): Promise<string> {
    const child = this.running();
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        // Forgotten at once: its exit, which comes later, must not fail the next request.
        this.child = undefined;
        killTree(child, this.facts);
        reject(new Error(`${this.file} gave no answer within ${this.timeoutMs} ms and was ended`));
      }, this.timeoutMs);
      this.waiting = {
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      child.stdin!.write(`${line}\n`);
    });
  }

  private running(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return this.child;
    this.buffered = '';
    this.stderrTail = '';
    const child = startChild(this.file, this.argv, { env: this.env, stdin: 'pipe', facts: this.facts });
    this.starts++;
    // Kept for the worker's life, but never what keeps the worker alive: a pending request has its timer.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr] as unknown as { unref?: () => void }[]) stream?.unref?.();
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      if (this.child !== child) return;
      this.buffered += chunk;
      let end: number;
      while ((end = this.buffered.indexOf('\n')) >= 0) {
        const answer = this.buffered.slice(0, end).replace(/\r$/, '');
        this.buffered = this.buffered.slice(end + 1);
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting?.resolve(answer);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (this.stderrTail = (this.stderrTail + chunk).slice(-2000)));
    const ended = (why: string) => {
      if (this.child !== child) return;
      this.child = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(Object.assign(new Error(why), { code: (why.match(/\b(ENOENT|EACCES)\b/) ?? [])[1] }));
    };
    child.once('error', (error) => ended(`${this.file} could not be started: ${error.message}`));
    child.once('exit', (code, signal) => ended(`${this.file} ended (${signal ?? `exit code ${code}`})${this.stderrTail.trim() ? `: ${this.stderrTail.trim()}` : ''}`));
    child.stdin!.on('error', () => undefined);
    this.child = child;
    return child;
  }

  /** Lets the process end (its script stops when stdin closes). */
  close(): void {
    this.child?.stdin?.end();
    this.child = undefined;
  }
}

let shared: StoreSession | undefined;

/** The worker's one PowerShell, Windows PowerShell 5.1 by its absolute path (Sysnative under WOW64). */
const readStoresThroughPowerShell: StoreReader = (stores) => {
  const facts = currentPlatformFacts();
  shared ??= new StoreSession(systemExecutable('powershell.exe', facts), powerShellArgv(), storeEnvironment(facts));
  return shared.read(stores);
};

/** One certificate as the script lists it. */
export interface StoreRow {
  Store: string;
  Thumbprint: string;
  PrivateKey: PrivateKeyState | null;
  PrivateKeyProblem: string | null;
  FriendlyName: string | null;
  EnhancedKeyUsageList: string[] | null;
  RawData: string;
}

/** The rows of LocalMachine stores, checked for shape; the DER is parsed by readWindowsStores. */
export async function listWindowsStores(stores: readonly string[], read: StoreReader = readStoresThroughPowerShell): Promise<StoreRow[]> {
  return parseStoreAnswer(await storeAnswer(stores, read), listingOf(stores));
}

const listingOf = (stores: readonly string[]) => `the certificate stores ${stores.join(', ')} through Windows PowerShell`;

/** The script's answer line for these stores. */
async function storeAnswer(stores: readonly string[], read: StoreReader): Promise<string> {
  for (const store of stores) {
    // Keeps the name inside Cert:\LocalMachine (no `..\`, no wildcards) and out of the ';' list syntax.
    if (!/^[A-Za-z0-9 _-]+$/.test(store)) {
      throw new HttpApiError('INVALID_ARGUMENT', `Store name '${store}' is not a LocalMachine store name (letters, digits, space, _ and - only).`, { store });
    }
  }
  const what = listingOf(stores);
  try {
    return await read(stores);
  } catch (error) {
    const failure = error as { code?: string; message: string };
    const id = failure.code === 'ENOENT' ? 'NO_SOURCE' : 'SOURCE_UNREADABLE';
    const why = failure.code === 'ENOENT' ? 'powershell.exe was not found' : failure.message;
    throw new HttpApiError(id, `Could not list ${what}: ${why}`, { stores: [...stores] });
  }
}

/** Reads LocalMachine stores on Windows through PowerShell's Cert: drive. */
export async function readWindowsStores(stores: readonly string[], read: StoreReader = readStoresThroughPowerShell): Promise<CertificateInfo[]> {
  // The same answer as last time gives the same certificates, the same object: a join over them can be reused (reused-joins.ts).
  const answer = await storeAnswer(stores, read);
  return lastReads.get(stores.join(';'), [answer], () => parseStoreAnswer(answer, listingOf(stores)).map((row) => frozenCertificate(describeRow(row))));
}

// The join's stores (MY and WebHosting) and one store a certificates/list names.
const lastReads = new KeptResults<CertificateInfo[]>(2);

/** The script's answer line: its rows, or its error as SOURCE_UNREADABLE. */
export function parseStoreAnswer(line: string, what = 'the certificate stores'): StoreRow[] {
  let parsed: { ok?: unknown; error?: unknown; certificates?: unknown };
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new HttpApiError('SOURCE_UNREADABLE', `Windows PowerShell's answer listing ${what} is not JSON (${(error as Error).message}).`, { output: line.slice(0, 200) });
  }
  if (parsed?.ok !== true) {
    throw new HttpApiError('SOURCE_UNREADABLE', `Could not list ${what}: ${typeof parsed?.error === 'string' ? parsed.error : 'the answer says neither ok nor why'}.`, {});
  }
  const rows = (Array.isArray(parsed.certificates) ? parsed.certificates : parsed.certificates ? [parsed.certificates] : []) as Partial<StoreRow>[];
  return rows.map((row, index) => {
    if (typeof row?.Store !== 'string' || typeof row.RawData !== 'string' || typeof row.Thumbprint !== 'string') {
      throw new HttpApiError('SOURCE_UNREADABLE', `Windows PowerShell's certificate listing, entry ${index}: Store, Thumbprint or RawData is missing.`, { entry: index });
    }
    const state = row.PrivateKey === 'present' || row.PrivateKey === 'absent' || row.PrivateKey === 'unusable' ? row.PrivateKey : null;
    return {
      Store: row.Store,
      Thumbprint: row.Thumbprint,
      PrivateKey: state,
      PrivateKeyProblem: typeof row.PrivateKeyProblem === 'string' ? row.PrivateKeyProblem : null,
      FriendlyName: typeof row.FriendlyName === 'string' ? row.FriendlyName : null,
      EnhancedKeyUsageList: Array.isArray(row.EnhancedKeyUsageList) ? row.EnhancedKeyUsageList.map(String) : null,
      RawData: row.RawData,
    };
  });
}

/**
 * The model of one row. Everything but the store, the private key, the friendly name and the
 * EKUs comes from RawData, parsed like a snapshot file. EKUs: the Cert: drive lists the
 * purposes Windows grants the entry (the extension, narrowed by store properties); an empty
 * list is ambiguous (no extension, or no purpose left), so then the DER decides.
 */
export function describeRow(row: StoreRow): CertificateInfo {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(row.RawData, 'base64'));
  } catch (error) {
    throw new HttpApiError('CERTIFICATE_INVALID', `Certificate ${row.Thumbprint} in store ${row.Store}: its RawData is not a readable certificate (${(error as Error).message}).`, { thumbprint: row.Thumbprint });
  }
  const ekus = row.EnhancedKeyUsageList && row.EnhancedKeyUsageList.length > 0 ? row.EnhancedKeyUsageList : undefined;
  const info = describeCertificate(certificate, {
    store: storeName(row.Store),
    hasPrivateKey: row.PrivateKey === null ? null : row.PrivateKey === 'present',
    privateKey: row.PrivateKey,
    friendlyName: row.FriendlyName ? row.FriendlyName : null,
    ...(ekus ? { ekus } : {}),
  });
  if (info.thumbprint !== row.Thumbprint.toUpperCase()) {
    throw new HttpApiError('SOURCE_UNREADABLE', `Certificate ${row.Thumbprint} in store ${row.Store}: its RawData hashes to ${info.thumbprint}.`, { thumbprint: row.Thumbprint });
  }
  return info;
}
