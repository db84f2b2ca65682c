import { describe, expect, it } from 'vitest';
import { bindingFlagOptions, optionsForSslFlags } from '../../src/httpsys/binding-flag-options.js';
import type { JoinMapping } from '../../src/join/join-model.js';
import { sslFlagsMismatchFinding } from '../../src/join/ssl-flags-mismatch.js';

const mapping = (options: Record<string, boolean | null | undefined> | undefined): JoinMapping => ({
  kind: 'ipport',
  key: '10.0.0.4:443',
  certificateHash: 'A'.repeat(40),
  appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}',
  certificateStoreName: 'MY',
  ...(options ? { options: Object.entries(options).map(([name, value]) => ({ name, value: value ?? null })) } : {}),
});
const binding = (sslFlags: number) => ({ site: 'S', bindingInformation: '10.0.0.4:443:', sslFlags });
const allOff = { disableHttp2: false, disableOcspStapling: false, disableQuic: false, disableTls13: false, disableLegacyTls: false };

describe('SSLFLAGS_MAPPING_MISMATCH', () => {
  it.each([
    { why: 'each bit 4-64 set on the binding, off on the mapping', flags: 4, options: allOff, want: ['DisableHTTP2'] },
    { why: 'OCSP', flags: 8, options: allOff, want: ['DisableOCSPStp'] },
    { why: 'QUIC', flags: 16, options: allOff, want: ['DisableQUIC'] },
    { why: 'TLS 1.3', flags: 32, options: allOff, want: ['DisableTLS13'] },
    { why: 'legacy TLS, with SNI beside it', flags: 65, options: allOff, want: ['DisableLegacyTLS'] },
    { why: 'on the mapping, not asked for by the binding', flags: 1, options: { ...allOff, disableQuic: true }, want: ['DisableQUIC'] },
    { why: 'both agree (97 = SNI + TLS13 + legacy TLS, WebAdministrationDsc #627)', flags: 97, options: { ...allOff, disableTls13: true, disableLegacyTls: true }, want: [] },
    { why: 'an older netsh prints none of these options: nothing to judge', flags: 4, options: {}, want: [] },
    { why: 'an option printed without a readable value is not judged', flags: 4, options: { disableHttp2: null }, want: [] },
    { why: 'unknown bits (128) are not these flags', flags: 128, options: allOff, want: [] },
  ])('$why', ({ flags, options, want }) => {
    const finding = sslFlagsMismatchFinding(binding(flags), mapping(options));
    const named = bindingFlagOptions.filter((entry) => finding?.message.includes(`${entry.flag} is`)).map((entry) => entry.flag);
    expect(named).toEqual(want);
    if (finding) {
      expect(finding).toMatchObject({ code: 'SSLFLAGS_MAPPING_MISMATCH', severity: 'warning', site: 'S', binding: '10.0.0.4:443:', mapping: 'ipport:10.0.0.4:443' });
      expect(finding.fix).toContain(`"${bindingFlagOptions.find((entry) => entry.flag === want[0])!.parameter}": ${(flags & bindingFlagOptions.find((entry) => entry.flag === want[0])!.bit) !== 0}`);
    }
  });

  it('a mapping whose options are unknown (a hand-built join input) is not judged', () => {
    expect(sslFlagsMismatchFinding(binding(4), mapping(undefined))).toBeNull();
    expect(sslFlagsMismatchFinding(binding(4), undefined)).toBeNull();
  });
});

describe('optionsForSslFlags: what a change passes to netsh for the binding', () => {
  it.each([
    { flags: 0, known: [], want: {} },
    { flags: 1, known: [], want: {} },
    { flags: 4 | 64, known: [], want: { disablehttp2: true, disablelegacytls: true } },
    { flags: 8 | 16 | 32, known: [], want: { disableocspstapling: true, disablequic: true, disabletls13: true } },
    // Clearing is asked only of options the mapping prints: an older netsh rejects parameters it does not know.
    { flags: 4, known: ['disablequic', 'disablehttp2'], want: { disablehttp2: true, disablequic: false } },
  ])('sslFlags $flags (mapping prints $known)', ({ flags, known, want }) => {
    expect(optionsForSslFlags(flags, new Set(known))).toEqual(want);
  });
});
