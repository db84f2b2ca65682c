import { describe, expect, it } from 'vitest';
import { commonNameOf, commonNameOfWindowsName, formatWindowsName, parseNodeName } from '../../src/certs/distinguished-name.js';
import { canonicalIp, parseSubjectAltNames } from '../../src/certs/subject-alt-names.js';

/** Inputs in the format of Node 20's X509Certificate texts (as it printed them for a test certificate, plus a hex escape RFC 4514 allows). */
describe('names as Windows shows them', () => {
  it('turns Node\'s line-per-RDN text around and joins it with commas', () => {
    expect(formatWindowsName(parseNodeName('C=US\nO=Contoso Ltd\nCN=www.contoso.com'))).toBe('CN=www.contoso.com, O=Contoso Ltd, C=US');
  });

  it('unescapes RFC 4514 and quotes as CertNameToStr does, with Windows attribute names', () => {
    const node = 'C=SE\nST=Sk\\C3\\A5ne\nOU=Dev + O=Genomgång \\"AB\\"\nCN=a=b\\, c\nemailAddress=x@y.se';
    const rdns = parseNodeName(node);
    expect(formatWindowsName(rdns)).toBe('E=x@y.se, CN="a=b, c", OU=Dev + O="Genomgång ""AB""", S=Skåne, C=SE');
    expect(commonNameOf(rdns)).toBe('a=b, c');
  });

  it('finds the CN of a Windows-form name, quoted or not', () => {
    expect(commonNameOfWindowsName('CN=www.contoso.com, O=Contoso Ltd, C=US')).toBe('www.contoso.com');
    expect(commonNameOfWindowsName('E=x@y.se, CN="a=b, c", O=X')).toBe('a=b, c');
    expect(commonNameOfWindowsName('O=No CN')).toBeNull();
    expect(commonNameOf(parseNodeName(''))).toBeNull();
  });
});

describe('subject alternative names from Node\'s text', () => {
  it('keeps DNS names and IP addresses, IPv6 in RFC 5952 form, and skips other kinds', () => {
    const text = 'DNS:"a\\u002cb.com", DNS:xn--bcher-kva.example, email:x@y.se, URI:https://x.y/z, DNS:ok.com, IP Address:10.0.0.5, IP Address:2001:DB8:0:0:0:0:0:5';
    expect(parseSubjectAltNames(text)).toEqual({ dnsNames: ['a,b.com', 'xn--bcher-kva.example', 'ok.com'], ipAddresses: ['10.0.0.5', '2001:db8::5'] });
    expect(parseSubjectAltNames(undefined)).toEqual({ dnsNames: [], ipAddresses: [] });
  });

  it('writes IPv6 addresses canonically', () => {
    expect(canonicalIp('FE80:0:0:0:0:0:0:1')).toBe('fe80::1');
    expect(canonicalIp('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalIp('10.0.0.5')).toBe('10.0.0.5');
  });
});
