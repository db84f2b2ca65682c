import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesHostName } from '../../src/certs/host-name-match.js';

const cert = (dnsNames: string[], subject = 'CN=unused.example, O=Test', ipAddresses: string[] = []) => ({ dnsNames, subject, ipAddresses });

/** RFC 6125 §6.4 as the product applies it; each row: certificate names, host, expected. */
const table: [string, string[], string, boolean][] = [
  ['exact name', ['www.contoso.com'], 'www.contoso.com', true],
  ['case does not matter', ['WWW.Contoso.COM'], 'www.CONTOSO.com', true],
  ['trailing dot of a fully qualified host', ['www.contoso.com'], 'www.contoso.com.', true],
  ['other name', ['www.contoso.com'], 'shop.contoso.com', false],
  ['any of several names', ['www.contoso.com', 'contoso.com'], 'contoso.com', true],
  ['wildcard covers one label', ['*.contoso.com'], 'a.contoso.com', true],
  ['wildcard without case', ['*.Contoso.com'], 'A.CONTOSO.COM', true],
  ['wildcard does not cover the bare domain', ['*.contoso.com'], 'contoso.com', false],
  ['wildcard does not cover two labels', ['*.contoso.com'], 'a.b.contoso.com', false],
  ['wildcard only as the leftmost label', ['www.*.com'], 'www.contoso.com', false],
  ['no partial-label wildcard', ['w*.contoso.com'], 'www.contoso.com', false],
  ['no wildcard over a top-level domain', ['*.com'], 'contoso.com', false],
  ['wildcard over the right parent only', ['*.contoso.com'], 'a.fabrikam.com', false],
  ['suffix trick', ['*.contoso.com'], 'a.evilcontoso.com', false],
  ['wildcard binding host needs the same wildcard', ['*.contoso.com'], '*.contoso.com', true],
  ['wildcard binding host is not covered by a single name', ['www.contoso.com'], '*.contoso.com', false],
  ['IDN host against its A-label name', ['xn--bcher-kva.example'], 'bücher.example', true],
  ['empty host', ['www.contoso.com'], '', false],
];

describe('matchesHostName (RFC 6125)', () => {
  it.each(table)('%s', (_, names, host, expected) => {
    expect(matchesHostName(cert(names), host)).toBe(expected);
  });

  it('uses the CN only when there is no DNS name in the SAN', () => {
    expect(matchesHostName(cert([], 'CN=legacy.contoso.com, O=Contoso Ltd, C=US'), 'legacy.contoso.com')).toBe(true);
    expect(matchesHostName(cert([], 'CN=*.contoso.com, O=Contoso Ltd'), 'a.contoso.com')).toBe(true);
    expect(matchesHostName(cert(['www.contoso.com'], 'CN=legacy.contoso.com'), 'legacy.contoso.com')).toBe(false);
    expect(matchesHostName(cert([], 'O=No Common Name'), 'legacy.contoso.com')).toBe(false);
    expect(matchesHostName({ dnsNames: [], subject: 'CN=ignored', commonName: 'legacy.contoso.com' }, 'legacy.contoso.com')).toBe(true);
  });

  it('reads the CN of a quoted Windows name', () => {
    expect(matchesHostName(cert([], 'CN="a.contoso.com", O="Contoso, Ltd"'), 'a.contoso.com')).toBe(true);
  });

  it('matches an IP literal host against IP address entries only', () => {
    const withIps = cert(['10.0.0.5.example'], 'CN=10.0.0.5', ['10.0.0.5', '2001:db8::5']);
    expect(matchesHostName(withIps, '10.0.0.5')).toBe(true);
    expect(matchesHostName(withIps, '[2001:DB8:0:0:0:0:0:5]')).toBe(true);
    expect(matchesHostName(withIps, '2001:db8::6')).toBe(false);
    expect(matchesHostName(cert([], 'CN=10.0.0.5'), '10.0.0.5')).toBe(false);
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  // An alphabetic top-level label, as in DNS: all-numeric names would be IP literals.
  const domain = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
    .map(([labels, top]) => [...labels, top].join('.'));

  it('a wildcard covers exactly the names one label below its parent (property)', () => {
    fc.assert(
      fc.property(label, label, domain, (first, second, parent) => {
        const wildcard = cert([`*.${parent}`]);
        expect(matchesHostName(wildcard, `${first}.${parent}`)).toBe(true);
        expect(matchesHostName(wildcard, `${first}.${parent}`.toUpperCase())).toBe(true);
        expect(matchesHostName(wildcard, parent)).toBe(false);
        expect(matchesHostName(wildcard, `${first}.${second}.${parent}`)).toBe(false);
      }),
    );
  });

  // The DNS names of a certificate are looked up by set (a hoster's certificate names dozens
  // of sites); a CN is still compared name by name. The answer for several DNS names must be
  // the answer for any one of them as a CN, asked any number of times.
  it('several names cover a host when one of them does, on every asking (property)', () => {
    const name = fc.oneof(
      domain,
      domain.map((parent) => `*.${parent}`),
      domain.map((parent) => `${parent.toUpperCase()}.`),
      label.map((first) => `${first}*.example.com`),
      fc.constant('*.com'),
      fc.constant(''),
    );
    const host = fc.oneof(domain, domain.map((parent) => `*.${parent}`), name);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), fc.array(host, { minLength: 1, maxLength: 6 }), (names, hosts) => {
        const several = cert(names);
        for (const candidate of [...hosts, ...names, ...names.map((one) => one.replace(/^\*\./, 'a.'))]) {
          const expected = names.some((one) => matchesHostName({ dnsNames: [], subject: 'CN=unused', commonName: one }, candidate));
          expect(matchesHostName(several, candidate)).toBe(expected);
          expect(matchesHostName(several, candidate)).toBe(expected);
        }
      }),
    );
  });

  it('a name without wildcard matches only itself, without case (property)', () => {
    fc.assert(
      fc.property(domain, domain, (name, other) => {
        expect(matchesHostName(cert([name]), name.toUpperCase())).toBe(true);
        expect(matchesHostName(cert([name]), other)).toBe(name === other);
      }),
    );
  });
});

/**
 * An independent reference, written from the rules of RFC 6125 §6.4 and not from the code under
 * test: the property below compares the two on random names and hosts.
 * - §6.4.1: DNS labels compare without case; a fully qualified host's trailing dot is not part
 *   of the name (RFC 1034 §3.1). IDN hosts compare in their A-label form (§6.4.2), converted here
 *   with the WHATWG URL host rules (new URL), not with what the product uses.
 * - §6.4.3 rule 1: a wildcard only as the complete leftmost label; rule 2: `*` stands for exactly
 *   one label. Rule 3 lets a client match a partial-label wildcard (`w*`) as a MAY; the product
 *   does not, as RFC 9525 §6.3 (which obsoletes RFC 6125) forbids it, and neither does this
 *   reference. A wildcard must have at least two labels after it (`*.com` never matches;
 *   CA/Browser Forum Baseline Requirements §3.2.2.6): inferred as browsers apply it.
 */
function referenceCovers(presentedName: string, host: string): boolean {
  const ascii = (name: string): string | null => {
    const plain = name.toLowerCase().replace(/\.$/, '');
    if (plain === '' || plain.includes('*')) return plain || null;
    try {
      return new URL(`http://${plain}/`).hostname;
    } catch {
      return null;
    }
  };
  const presented = ascii(presentedName);
  const reference = ascii(host);
  if (!presented || !reference || reference.includes('*')) return false;
  const presentedLabels = presented.split('.');
  const referenceLabels = reference.split('.');
  if (!presented.includes('*')) return presented === reference;
  if (presentedLabels[0] !== '*' || presentedLabels.slice(1).some((one) => one.includes('*'))) return false;
  if (presentedLabels.length < 3) return false;
  if (referenceLabels.length !== presentedLabels.length || referenceLabels[0] === '') return false;
  return referenceLabels.slice(1).join('.') === presentedLabels.slice(1).join('.');
}

describe('matchesHostName against an independent RFC 6125 reference', () => {
  // Literal cases for the reference itself, so a wrong reference cannot agree with a wrong product.
  it.each([
    ['*.contoso.com', 'a.contoso.com', true],
    ['*.contoso.com', 'contoso.com', false],
    ['*.contoso.com', 'a.b.contoso.com', false],
    ['w*.contoso.com', 'www.contoso.com', false],
    ['*.com', 'contoso.com', false],
    ['WWW.Contoso.com.', 'www.contoso.COM', true],
    ['xn--bcher-kva.example', 'BÜCHER.example', true],
    ['*.xn--bcher-kva.example', 'a.bücher.example', true],
  ] as const)('reference: %s covers %s: %s', (name, host, expected) => {
    expect(referenceCovers(name, host)).toBe(expected);
  });

  // Presented names are ASCII (RFC 5280 §4.2.1.6 and §7.2: IDNs as A-labels); hosts may be U-labels.
  const labelOf = (chars: fc.Arbitrary<string>) => fc.array(chars, { minLength: 1, maxLength: 3 }).map((one) => one.join(''));
  const label = labelOf(fc.constantFrom('a', 'b', 'x', 'A', '-', '1'));
  const hostLabel = labelOf(fc.constantFrom('a', 'b', 'A', '-', '1', 'ü', 'Ü'));
  const name = fc
    .tuple(fc.constantFrom('', '*.', 'a*.', '*a.', 'x.*.'), fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'Example', 'xn--bcher-kva'), fc.constantFrom('', '.'))
    .map(([prefix, labels, top, dot]) => `${prefix}${labels.join('.')}.${top}${dot}`);
  /** A host near the name (one label in place of its first, its case changed, a dot added), or any other name. */
  const pair = fc.tuple(name, hostLabel, name, fc.constantFrom('near', 'upper', 'dot', 'other')).map(([presented, first, other, how]) => {
    const rest = presented.slice(presented.indexOf('.') + 1);
    const host = how === 'near' ? `${first}.${rest}` : how === 'upper' ? presented.toUpperCase() : how === 'dot' ? `${presented.replace(/\.$/, '')}.` : other;
    return [presented, host.replace(/\*/g, 'w')] as const;
  });

  it('agrees with the reference on random names and hosts (property)', () => {
    let covered = 0;
    fc.assert(
      fc.property(pair, ([presented, reference]) => {
        const expected = referenceCovers(presented, reference);
        if (expected) covered++;
        expect(matchesHostName(cert([presented]), reference), `${presented} / ${reference}`).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // The generators reach both answers: a property that only ever says "no" proves little.
    expect(covered).toBeGreaterThan(50);
  });
});
