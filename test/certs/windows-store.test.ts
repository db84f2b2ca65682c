import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readCertificates } from '../../src/certs/read-certificates.js';
import { ListStoresScript, parseStoreListing, powerShellArgv, readWindowsStores, type PowerShellRunner } from '../../src/certs/windows-store.js';
import { HttpApiError } from '../../src/errors.js';
import { certsDir, derOf, fixtureRows } from './fixture-table.js';

const rows = fixtureRows();
const rawData = (file: string) => derOf(readFileSync(`${certsDir}${file}`)).toString('base64');

/**
 * NOT a capture: written by hand from the documented properties of the Cert: drive's
 * X509Certificate2 items (Thumbprint, Subject, Issuer, NotBefore, NotAfter, HasPrivateKey,
 * FriendlyName, DnsNameList, EnhancedKeyUsageList, RawData) in the shape our script's
 * ConvertTo-Json gives them. RawData is the DER of fixture certificates.
 */
const listing = [
  {
    Store: 'My',
    Thumbprint: rows.get('www-contoso.pem')!.thumbprint,
    Subject: 'CN=www.contoso.com, O=Contoso Ltd, C=US',
    Issuer: 'CN=HttpApi Test Root CA, O=HttpApi Fixtures',
    NotBefore: '2025-06-01T00:00:00.0000000Z',
    NotAfter: '2045-06-01T00:00:00.0000000Z',
    HasPrivateKey: true,
    FriendlyName: 'www.contoso.com 2025',
    DnsNameList: ['www.contoso.com', 'contoso.com'],
    EnhancedKeyUsageList: ['1.3.6.1.5.5.7.3.1'],
    RawData: rawData('www-contoso.pem'),
  },
  {
    Store: 'WebHosting',
    Thumbprint: rows.get('wildcard-contoso.cer')!.thumbprint,
    Subject: 'CN=*.contoso.com, O=Contoso Ltd, C=US',
    Issuer: 'CN=HttpApi Test Root CA, O=HttpApi Fixtures',
    NotBefore: '2025-06-01T00:00:00.0000000Z',
    NotAfter: '2045-06-01T00:00:00.0000000Z',
    HasPrivateKey: false,
    FriendlyName: '',
    DnsNameList: ['*.contoso.com', 'contoso.com'],
    EnhancedKeyUsageList: [],
    RawData: rawData('wildcard-contoso.cer'),
  },
];

describe('parseStoreListing', () => {
  it('builds the model from RawData, with store, key and friendly name from the listing', () => {
    const [www, wildcard] = parseStoreListing(JSON.stringify(listing));
    expect(www).toMatchObject({
      store: 'MY',
      thumbprint: rows.get('www-contoso.pem')!.thumbprint,
      subject: 'CN=www.contoso.com, O=Contoso Ltd, C=US',
      dnsNames: ['www.contoso.com', 'contoso.com'],
      notAfter: '2045-06-01T00:00:00.000Z',
      hasPrivateKey: true,
      friendlyName: 'www.contoso.com 2025',
      serverAuth: true,
      file: null,
    });
    expect(wildcard).toMatchObject({ store: 'WebHosting', hasPrivateKey: false, friendlyName: null, ekus: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'] });
  });

  it('takes the purposes Windows lists for the entry over the extension when it lists any', () => {
    const narrowed = [{ ...listing[0], EnhancedKeyUsageList: ['1.3.6.1.5.5.7.3.2'] }];
    expect(parseStoreListing(JSON.stringify(narrowed))[0]).toMatchObject({ ekus: ['1.3.6.1.5.5.7.3.2'], serverAuth: false });
  });

  it('accepts a lone object and an empty answer, and a missing HasPrivateKey as unknown', () => {
    const { HasPrivateKey: _, ...withoutKey } = listing[0]!;
    expect(parseStoreListing(JSON.stringify(withoutKey))[0]!.hasPrivateKey).toBeNull();
    expect(parseStoreListing('')).toEqual([]);
    expect(parseStoreListing('[]')).toEqual([]);
  });

  it('refuses output that is not the listing', () => {
    expect(() => parseStoreListing('Get-ChildItem : Cannot find drive')).toThrow(/not JSON/);
    expect(() => parseStoreListing(JSON.stringify([{ Store: 'My' }]))).toThrow(/entry 0/);
    expect(() => parseStoreListing(JSON.stringify([{ ...listing[0], Thumbprint: 'AB'.repeat(20) }]))).toThrow(/hashes to/);
    expect(() => parseStoreListing(JSON.stringify([{ ...listing[0], RawData: 'AAAA' }]))).toThrow(HttpApiError);
  });
});

describe('readWindowsStores', () => {
  const answering = (stdout: string) => vi.fn<PowerShellRunner>(async () => stdout);

  it('runs powershell.exe with the fixed script as -EncodedCommand and the store names in the environment', async () => {
    const run = answering(JSON.stringify(listing));
    const certificates = await readCertificates({ kind: 'windows' }, {}, run);
    expect(certificates).toHaveLength(2);
    const [file, argv, env] = run.mock.calls[0]!;
    expect(file).toBe('powershell.exe');
    expect(argv).toEqual(powerShellArgv());
    expect(argv.slice(0, -1)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(argv.at(-1)!, 'base64').toString('utf16le')).toBe(ListStoresScript);
    expect(env).toEqual({ HTTPAPI_CERT_STORES: 'MY;WebHosting' });
  });

  it('lists only the store and thumbprint asked for', async () => {
    const run = answering(JSON.stringify(listing));
    const found = await readCertificates({ kind: 'windows' }, { store: 'WebHosting', thumbprint: rows.get('wildcard-contoso.cer')!.thumbprint.toLowerCase() }, run);
    expect(run.mock.calls[0]![2]).toEqual({ HTTPAPI_CERT_STORES: 'WebHosting' });
    expect(found.map((certificate) => certificate.store)).toEqual(['WebHosting']);
  });

  it('refuses a store name that could leave Cert:\\LocalMachine, without running anything', async () => {
    const run = answering('[]');
    const error = await readWindowsStores(['..\\..\\CurrentUser\\My'], run).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ id: 'INVALID_ARGUMENT' });
    expect(run).not.toHaveBeenCalled();
  });

  it('says so when PowerShell cannot be started or fails', async () => {
    const missing = Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' });
    await expect(readWindowsStores(['MY'], async () => Promise.reject(missing))).rejects.toMatchObject({ id: 'NO_SOURCE', message: expect.stringContaining('powershell.exe was not found') });
    const failed = Object.assign(new Error('Command failed with exit code 1'), { stderr: 'Access is denied.' });
    await expect(readWindowsStores(['MY'], async () => Promise.reject(failed))).rejects.toMatchObject({ id: 'SOURCE_UNREADABLE', message: expect.stringContaining('Access is denied.') });
  });

  it('keeps the script free of values: it reads the store names from the environment only', () => {
    expect(ListStoresScript).toContain('$env:HTTPAPI_CERT_STORES');
    expect(ListStoresScript).toContain("ConvertTo-Json -InputObject @($rows)");
    expect(ListStoresScript).not.toMatch(/Format-|Out-String/);
  });
});
