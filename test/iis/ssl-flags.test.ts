import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSslFlags, parseSslFlagsAttribute, sslFlagNames } from '../../src/iis/ssl-flags.js';

describe('decodeSslFlags (docs/domain.md §4)', () => {
  it('names every known bit', () => {
    expect(decodeSslFlags(0)).toEqual({ value: 0, names: [], unknown: 0 });
    expect(decodeSslFlags(1).names).toEqual(['Sni']);
    expect(decodeSslFlags(2).names).toEqual(['CentralCertStore']);
    expect(decodeSslFlags(3).names).toEqual(['Sni', 'CentralCertStore']);
    expect(decodeSslFlags(4).names).toEqual(['DisableHTTP2']);
    expect(decodeSslFlags(8).names).toEqual(['DisableOCSPStp']);
    expect(decodeSslFlags(16).names).toEqual(['DisableQUIC']);
    expect(decodeSslFlags(32).names).toEqual(['DisableTLS13']);
    expect(decodeSslFlags(64).names).toEqual(['DisableLegacyTLS']);
    // The WebAdministrationDsc issue #627 example: SNI, DisableTLS13 and DisableLegacyTLS.
    expect(decodeSslFlags(97)).toEqual({ value: 97, names: ['Sni', 'DisableTLS13', 'DisableLegacyTLS'], unknown: 0 });
  });

  it('keeps unknown bits, including bit 31, as an unsigned number', () => {
    expect(decodeSslFlags(129)).toEqual({ value: 129, names: ['Sni'], unknown: 128 });
    expect(decodeSslFlags(0x80000001)).toEqual({ value: 0x80000001, names: ['Sni'], unknown: 0x80000000 });
  });

  it('loses no bit: names and unknown bits add up to the value', () => {
    const bits = { Sni: 1, CentralCertStore: 2, DisableHTTP2: 4, DisableOCSPStp: 8, DisableQUIC: 16, DisableTLS13: 32, DisableLegacyTLS: 64 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        const decoded = decodeSslFlags(value);
        const known = decoded.names.reduce((sum, name) => sum + bits[name], 0);
        expect(known + decoded.unknown).toBe(value);
        expect(sslFlagNames(value)).toEqual(decoded.names);
      }),
    );
  });
});

describe('parseSslFlagsAttribute', () => {
  it('reads numbers (what IIS writes), flag names, and absence', () => {
    expect(parseSslFlagsAttribute(undefined)).toEqual({ value: 0 });
    expect(parseSslFlagsAttribute('1')).toEqual({ value: 1 });
    expect(parseSslFlagsAttribute(' 3 ')).toEqual({ value: 3 });
    expect(parseSslFlagsAttribute('None')).toEqual({ value: 0 });
    expect(parseSslFlagsAttribute('Sni, CentralCertStore')).toEqual({ value: 3 });
    expect(parseSslFlagsAttribute('sni,disablehttp2')).toEqual({ value: 5 });
  });

  it('gives a problem, not an exception, for anything else', () => {
    expect(parseSslFlagsAttribute('Ssl')).toMatchObject({ value: 0, problem: expect.stringContaining("sslFlags 'Ssl' is neither a number nor a list of flag names") });
    expect(parseSslFlagsAttribute('-1').problem).toBeDefined();
    expect(parseSslFlagsAttribute('4294967296').problem).toBe("sslFlags '4294967296' is larger than a 32-bit value");
  });
});
