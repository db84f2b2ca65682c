import { readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCertificates } from '../../src/certs/read-certificates.js';
import { StoreServerScript, StoreSession, parseStoreAnswer, powerShellArgv, readWindowsStores, storeEnvironment, type StoreReader } from '../../src/certs/windows-store.js';
import { systemExecutable } from '../../src/process/system-executable.js';
import { windowsCommandLine } from '../helpers/windows-command-line.js';
import { HttpApiError } from '../../src/errors.js';
import { certsDir, derOf, fixtureRows } from './fixture-table.js';

const rows = fixtureRows();
const rawData = (file: string) => derOf(readFileSync(`${certsDir}${file}`)).toString('base64');

/**
 * NOT a capture: written by hand in the shape of the script's answer (the properties of the
 * Cert: drive's X509Certificate2 items it copies, and its key check). RawData is the DER of
 * fixture certificates.
 */
const listing = [
  {
    Store: 'My',
    Thumbprint: rows.get('www-contoso.pem')!.thumbprint,
    PrivateKey: 'present',
    PrivateKeyProblem: null,
    FriendlyName: 'www.contoso.com 2025',
    EnhancedKeyUsageList: ['1.3.6.1.5.5.7.3.1'],
    RawData: rawData('www-contoso.pem'),
  },
  {
    Store: 'WebHosting',
    Thumbprint: rows.get('wildcard-contoso.cer')!.thumbprint,
    PrivateKey: 'absent',
    PrivateKeyProblem: null,
    FriendlyName: '',
    EnhancedKeyUsageList: [],
    RawData: rawData('wildcard-contoso.cer'),
  },
];

const answer = (certificates: unknown) => JSON.stringify({ ok: true, certificates });

describe('the store script\'s answer', () => {
  const read = async (line: string) => readWindowsStores(['MY'], async () => line);

  it('builds the model from RawData, with store, key and friendly name from the listing', async () => {
    const [www, wildcard] = await read(answer(listing));
    expect(www).toMatchObject({
      store: 'MY',
      thumbprint: rows.get('www-contoso.pem')!.thumbprint,
      subject: 'CN=www.contoso.com, O=Contoso Ltd, C=US',
      dnsNames: ['www.contoso.com', 'contoso.com'],
      notAfter: '2045-06-01T00:00:00.000Z',
      hasPrivateKey: true,
      privateKey: 'present',
      friendlyName: 'www.contoso.com 2025',
      serverAuth: true,
      file: null,
    });
    expect(wildcard).toMatchObject({ store: 'WebHosting', hasPrivateKey: false, privateKey: 'absent', friendlyName: null, ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'] });
  });

  it('reports a key the store lists but that cannot be opened as unusable, and as no usable key', async () => {
    const orphan = [{ ...listing[0], PrivateKey: 'unusable', PrivateKeyProblem: 'Keyset does not exist' }];
    expect((await read(answer(orphan)))[0]).toMatchObject({ hasPrivateKey: false, privateKey: 'unusable' });
  });

  it('takes the purposes Windows lists for the entry over the extension when it lists any', async () => {
    const narrowed = [{ ...listing[0], EnhancedKeyUsageList: ['1.3.6.1.5.5.7.3.2'] }];
    expect((await read(answer(narrowed)))[0]).toMatchObject({ ekus: ['1.3.6.1.5.5.7.3.2'], serverAuth: false });
  });

  it('accepts a lone object and an empty store, and a missing key state as unknown', async () => {
    const { PrivateKey: _, ...withoutKey } = listing[0]!;
    expect((await read(answer(withoutKey)))[0]).toMatchObject({ hasPrivateKey: null, privateKey: null });
    expect(await read(answer([]))).toEqual([]);
    expect(parseStoreAnswer(answer(null))).toEqual([]);
  });

  it('turns the script\'s own error into SOURCE_UNREADABLE naming the cause, never an empty list', async () => {
    const failed = JSON.stringify({ ok: false, error: 'The Cert: drive is not available in PowerShell 5.1 (could not load Microsoft.PowerShell.Security)' });
    await expect(read(failed)).rejects.toMatchObject({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining('The Cert: drive is not available') });
  });

  it('refuses output that is not the answer', async () => {
    await expect(read('Get-ChildItem : Cannot find drive')).rejects.toThrow(/not JSON/);
    await expect(read('')).rejects.toThrow(/not JSON/);
    await expect(read(answer([{ Store: 'My' }]))).rejects.toThrow(/entry 0/);
    await expect(read(answer([{ ...listing[0], Thumbprint: 'AB'.repeat(20) }]))).rejects.toThrow(/hashes to/);
    await expect(read(answer([{ ...listing[0], RawData: 'AAAA' }]))).rejects.toThrow(HttpApiError);
  });
});

describe('reading the stores', () => {
  const answering = (line: string) => vi.fn<StoreReader>(async () => line);

  it('asks for MY and WebHosting, or only the store the filter names', async () => {
    const read = answering(answer(listing));
    expect(await readCertificates({ kind: 'windows' }, {}, read)).toHaveLength(2);
    expect(read.mock.calls[0]![0]).toEqual(['MY', 'WebHosting']);
    const one = answering(answer(listing));
    const found = await readCertificates({ kind: 'windows' }, { store: 'WebHosting', thumbprint: rows.get('wildcard-contoso.cer')!.thumbprint.toLowerCase() }, one);
    expect(one.mock.calls[0]![0]).toEqual(['WebHosting']);
    expect(found.map((certificate) => certificate.store)).toEqual(['WebHosting']);
  });

  it('refuses a store name that could leave Cert:\\LocalMachine, without asking PowerShell', async () => {
    const read = answering('[]');
    const error = await readWindowsStores(['..\\..\\CurrentUser\\My'], read).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ id: 'INVALID_ARGUMENT' });
    expect(read).not.toHaveBeenCalled();
  });

  it('says so when PowerShell cannot be started or fails', async () => {
    const missing = Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' });
    await expect(readWindowsStores(['MY'], async () => Promise.reject(missing))).rejects.toMatchObject({ id: 'NO_SOURCE', message: expect.stringContaining('powershell.exe was not found') });
    const failed = new Error('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe ended (exit code 1): Access is denied.');
    await expect(readWindowsStores(['MY'], async () => Promise.reject(failed))).rejects.toMatchObject({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining('Access is denied.') });
  });
});

describe('starting Windows PowerShell', () => {
  const facts = (env: NodeJS.ProcessEnv, arch = 'x64') => ({ platform: 'win32' as const, arch, env });

  it('runs powershell.exe 5.1 by its absolute path, Sysnative for a 32-bit worker on 64-bit Windows', () => {
    expect(systemExecutable('powershell.exe', facts({ SystemRoot: 'C:\\Windows' }))).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(systemExecutable('powershell.exe', facts({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' }, 'ia32'))).toBe('C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('passes the fixed script as -EncodedCommand: the exact command line CreateProcess receives', () => {
    const argv = powerShellArgv();
    expect(Buffer.from(argv.at(-1)!, 'base64').toString('utf16le')).toBe(StoreServerScript);
    expect(argv.at(-1)).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(windowsCommandLine('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', argv)).toBe(
      `C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ${argv.at(-1)}`,
    );
  });

  it("resets PSModulePath to Windows PowerShell's own folders, whatever case pwsh wrote it in", () => {
    const fromPwsh = { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files', PSMODULEPATH: 'C:\\Users\\ann\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\7\\Modules', Path: 'C:\\Windows\\System32' };
    const env = storeEnvironment(facts(fromPwsh));
    expect(Object.keys(env).filter((key) => key.toLowerCase() === 'psmodulepath')).toEqual(['PSModulePath']);
    expect(env.PSModulePath).toBe('C:\\Program Files\\WindowsPowerShell\\Modules;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules');
    expect(env.Path).toBe('C:\\Windows\\System32');
    // A 32-bit worker: the 64-bit Program Files and the native System32, as powershell.exe from Sysnative sees them.
    const wow64 = storeEnvironment(facts({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64', ProgramFiles: 'C:\\Program Files (x86)', ProgramW6432: 'C:\\Program Files' }, 'ia32'));
    expect(wow64.PSModulePath).toBe('C:\\Program Files\\WindowsPowerShell\\Modules;C:\\Windows\\Sysnative\\WindowsPowerShell\\v1.0\\Modules');
  });

  it('keeps store names and every value off the command line (they travel on stdin)', () => {
    expect(StoreServerScript).toContain('[Console]::In.ReadLine()');
    expect(StoreServerScript).not.toMatch(/\$env:HTTPAPI|Format-|Out-String/);
  });
});

/** A stand-in for powershell.exe speaking the session's line protocol, so the session is tested against a real process. */
const standIn = `
let count = 0;
process.stdin.setEncoding('utf8');
let buffered = '';
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let end;
  while ((end = buffered.indexOf('\\n')) >= 0) {
    const line = buffered.slice(0, end);
    buffered = buffered.slice(end + 1);
    count++;
    if (line === 'die') process.exit(3);
    if (line === 'hang') continue;
    process.stdout.write(JSON.stringify({ ok: true, pid: process.pid, count, stores: line }) + '\\r\\n');
  }
});
`;

describe('the long-lived PowerShell session', () => {
  const sessions: StoreSession[] = [];
  const session = (timeoutMs = 10_000) => {
    const created = new StoreSession(process.execPath, ['-e', standIn], { ...process.env }, timeoutMs);
    sessions.push(created);
    return created;
  };
  afterEach(() => sessions.splice(0).forEach((created) => created.close()));

  it('serves every read from one process, in order', async () => {
    const store = session();
    const answers = await Promise.all([store.read(['MY']), store.read(['MY', 'WebHosting']), store.read(['Root'])]).then((lines) => lines.map((line) => JSON.parse(line)));
    expect(answers.map((answered) => answered.stores)).toEqual(['MY', 'MY;WebHosting', 'Root']);
    expect(new Set(answers.map((answered) => answered.pid)).size).toBe(1);
    expect(answers.map((answered) => answered.count)).toEqual([1, 2, 3]);
    expect(store.starts).toBe(1);
  });

  it('starts another process when the first has died, and says how it ended', async () => {
    const store = session();
    const first = JSON.parse(await store.read(['MY']));
    await expect(store.read(['die'])).rejects.toThrow(/ended \(exit code 3\)/);
    const again = JSON.parse(await store.read(['MY']));
    expect(again.pid).not.toBe(first.pid);
    expect(again.count).toBe(1);
    expect(store.starts).toBe(2);
  });

  it('ends a process that does not answer in time, and the next read gets a fresh one', async () => {
    const store = session(3000);
    await expect(store.read(['hang'])).rejects.toThrow(/no answer within 3000 ms/);
    expect(JSON.parse(await store.read(['MY'])).count).toBe(1);
    expect(store.starts).toBe(2);
  });

  it('names the program when it cannot be started', async () => {
    const missing = new StoreSession('/nonexistent/powershell.exe', [], {}, 1000);
    sessions.push(missing);
    await expect(readWindowsStores(['MY'], missing.read)).rejects.toMatchObject({ id: 'NO_SOURCE', message: expect.stringContaining('powershell.exe was not found') });
  });
});

const pwsh = [`${homedir()}/.dotnet/tools/pwsh`, 'pwsh'].find((candidate) => candidate.includes('/') ? existsSync(candidate) : spawnSync(candidate, ['-v']).status === 0);

/**
 * The real script in a real PowerShell (7, on Linux): it has no Cert: drive here, which is the
 * failure of a Windows PowerShell 5.1 started with pwsh's PSModulePath, so the script must say so.
 * With Get-PSDrive, Test-Path and Get-ChildItem replaced by functions handing out fixture
 * certificates (a certificate with its key from PEM, one without), the rows and key states are
 * the script's own.
 */
describe.runIf(pwsh)('the store script in PowerShell', () => {
  const run = (argv: string[], lines: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      const child = spawn(pwsh!, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('close', () => (err.trim() ? reject(new Error(err)) : resolve(out.split(/\r?\n/).filter(Boolean))));
      child.stdin.end(`${lines.join('\n')}\n`);
    });

  it('fails loudly, naming the Cert: drive, when there is none (the argv powershell.exe gets)', async () => {
    const answers = await run(powerShellArgv(), ['MY;WebHosting', 'MY']);
    expect(answers).toHaveLength(2);
    for (const line of answers) {
      const parsed = JSON.parse(line);
      expect(parsed.ok).toBe(false);
      expect(parsed.error).toMatch(/^The Cert: drive is not available in PowerShell \d/);
    }
    expect(() => parseStoreAnswer(answers[0]!)).toThrow(/Cert: drive is not available/);
  }, 60_000);

  it('lists certificates with their key state, skips a store that does not exist, and reports one it cannot open', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'httpapi-store-'));
    const prelude = `
function Get-PSDrive { [pscustomobject]@{ Name = 'Cert' } }
function Test-Path([string] $LiteralPath) { $LiteralPath -ne 'Cert:\\LocalMachine\\WebHosting' }
function Get-ChildItem([string] $LiteralPath) {
  if ($LiteralPath -eq 'Cert:\\LocalMachine\\Locked') { throw 'Access is denied.' }
  [System.Security.Cryptography.X509Certificates.X509Certificate2]::CreateFromPemFile('${certsDir}www-contoso.pem', '${certsDir}www-contoso.key')
  [System.Security.Cryptography.X509Certificates.X509Certificate2]::new('${certsDir}no-key.pem')
  'not a certificate'
}
`;
    const file = path.join(folder, 'store.ps1');
    writeFileSync(file, `${prelude}\n${StoreServerScript}`);
    try {
      const [listed, locked] = await run(['-NoProfile', '-NonInteractive', '-File', file], ['MY;WebHosting', 'MY;Locked']);
      const certificates = await readWindowsStores(['MY', 'WebHosting'], async () => listed!);
      expect(certificates.map((certificate) => [certificate.thumbprint, certificate.store, certificate.privateKey])).toEqual([
        [rows.get('www-contoso.pem')!.thumbprint, 'MY', 'present'],
        [rows.get('no-key.pem')!.thumbprint, 'MY', 'absent'],
      ]);
      expect(JSON.parse(locked!)).toEqual({ ok: false, error: 'Cannot open the certificate store LocalMachine\\Locked (Access is denied.)' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
