import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBindingInformation, parseBindingInformation } from '../../src/iis/binding-information.js';

const endpoint = (text: string) => parseBindingInformation(text).endpoint;
const problem = (text: string) => parseBindingInformation(text).problem;

describe('parseBindingInformation', () => {
  it('reads IPv4, * and empty addresses (docs/domain.md §3)', () => {
    expect(endpoint('10.16.32.193:80:')).toEqual({ addressKind: 'ipv4', address: '10.16.32.193', port: 80, host: '', wildcardHost: false });
    expect(endpoint('*:443:www.contoso.com')).toEqual({ addressKind: 'any', address: '*', port: 443, host: 'www.contoso.com', wildcardHost: false });
    // IIS Express writes an empty address (corpus 067: ":8080:localhost").
    expect(endpoint(':8080:localhost')).toEqual({ addressKind: 'unspecified', address: '', port: 8080, host: 'localhost', wildcardHost: false });
    expect(endpoint('0.0.0.0:443:')).toMatchObject({ addressKind: 'ipv4', address: '0.0.0.0' });
  });

  it('reads bracketed IPv6 addresses, keeping the brackets', () => {
    expect(endpoint('[::1]:443:')).toEqual({ addressKind: 'ipv6', address: '[::1]', port: 443, host: '', wildcardHost: false });
    expect(endpoint('[2001:db8::1]:8443:host')).toEqual({ addressKind: 'ipv6', address: '[2001:db8::1]', port: 8443, host: 'host', wildcardHost: false });
    expect(endpoint('[::]:80:')).toMatchObject({ addressKind: 'ipv6', address: '[::]' });
    expect(endpoint('[::ffff:10.0.0.1]:443:')).toMatchObject({ addressKind: 'ipv6' });
  });

  it('tells wildcard hosts, and keeps IP literals and odd hosts as hosts', () => {
    expect(endpoint('*:443:*.contoso.com')).toMatchObject({ host: '*.contoso.com', wildcardHost: true });
    // Corpus 047 and 064 use LAN addresses as host names.
    expect(endpoint('*:50354:192.168.0.101')).toMatchObject({ address: '*', port: 50354, host: '192.168.0.101', wildcardHost: false });
    // Corpus 067 and 062: '*' as a host is not a wildcard host name.
    expect(endpoint(':44300:*')).toMatchObject({ host: '*', wildcardHost: false });
    expect(endpoint('*:80:WWW.Example.COM')).toMatchObject({ host: 'WWW.Example.COM' });
  });

  it('takes the port range 1-65535 and reports anything else as a problem', () => {
    expect(endpoint('*:1:')).toMatchObject({ port: 1 });
    expect(endpoint('*:65535:')).toMatchObject({ port: 65535 });
    expect(problem('*:0:')).toBe('port 0 is out of range 1-65535');
    expect(problem('*:65536:')).toBe('port 65536 is out of range 1-65535');
    expect(problem('*:99999999999999999999:')).toBe('port 99999999999999999999 is out of range 1-65535');
    expect(problem('*:080:')).toBe("port '080' has leading zeros");
    expect(problem('*:-1:')).toBe("port '-1' is not a number");
    expect(problem('*::host')).toBe('the port is missing');
  });

  it('flags placeholders and missing parts without throwing', () => {
    // Corpus 065, a Microsoft test template.
    expect(problem(':[PORT]:localhost')).toBe("port '[PORT]' is not a number (an unfilled template placeholder?)");
    expect(problem('localhost')).toBe("'localhost' is not ADDRESS:PORT:HOST: it has no ':'");
    expect(problem('*:80')).toBe("'*:80' is not ADDRESS:PORT:HOST: it has one ':' where two are needed");
    expect(problem('')).toBe("'' is not ADDRESS:PORT:HOST: it has no ':'");
    expect(problem('[::1]:443')).toBe("'[::1]:443' is not [IPv6]:PORT:HOST: the bracketed address must be followed by ':PORT:HOST'");
    expect(problem('::1:443:')).toBe("IPv6 address '::1' must be written in brackets: [::1]");
    expect(problem('localhost:80:')).toBe("address 'localhost' is not '*', empty, an IPv4 address or a bracketed IPv6 address");
    expect(problem('300.1.1.1:80:')).toBe("address '300.1.1.1' is not '*', empty, an IPv4 address or a bracketed IPv6 address");
    expect(problem('[zz]:80:')).toBe("address '[zz]' is not '*', empty, an IPv4 address or a bracketed IPv6 address");
    expect(problem('*:80:two words')).toBe("host 'two words' contains white space");
  });
});

describe('formatBindingInformation', () => {
  it('writes ADDRESS:PORT:HOST and brackets a bare IPv6 address', () => {
    expect(formatBindingInformation({ address: '*', port: 443, host: 'a.example' })).toBe('*:443:a.example');
    expect(formatBindingInformation({ address: '', port: 8080, host: 'localhost' })).toBe(':8080:localhost');
    expect(formatBindingInformation({ address: '::1', port: 443 })).toBe('[::1]:443:');
    expect(formatBindingInformation({ address: '[2001:db8::1]', port: 8443, host: 'host' })).toBe('[2001:db8::1]:8443:host');
  });
});

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const address = fc.oneof(fc.constant('*'), fc.constant(''), ipv4, fc.ipV6().map((value) => `[${value}]`));
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const host = fc.oneof(
  fc.constant(''),
  fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
  fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => `*.${labels.join('.')}`),
  ipv4,
);
const valid = fc.tuple(address, fc.integer({ min: 1, max: 65535 }), host).map(([a, p, h]) => `${a}:${p}:${h}`);

describe('properties', () => {
  it('never throws, whatever the text, and gives either an endpoint or a problem', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[\[\]:*0-9a-f.]{0,30}$/)), (text) => {
        const parsed = parseBindingInformation(text);
        expect((parsed.endpoint === undefined) !== (parsed.problem === undefined)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('format(parse(x)) === x for every valid bindingInformation', () => {
    fc.assert(
      fc.property(valid, (text) => {
        const parsed = parseBindingInformation(text);
        expect(parsed.problem).toBeUndefined();
        expect(formatBindingInformation(parsed.endpoint!)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('parse(format(parts)) gives the parts back', () => {
    fc.assert(
      fc.property(address, fc.integer({ min: 1, max: 65535 }), host, (a, port, h) => {
        expect(parseBindingInformation(formatBindingInformation({ address: a, port, host: h })).endpoint).toMatchObject({ address: a, port, host: h });
      }),
    );
  });
});
