import { describe, expect, it } from 'vitest';
import { ipv6DiffersFinding, precedenceFindings } from '../../src/join/client-path-findings.js';
import { SpecificIpMappings, clientPaths, listeningFamilies, type ClientPath } from '../../src/join/client-paths.js';
import type { JoinEndpoint, JoinMapping } from '../../src/join/join-model.js';
import { MappingIndex } from '../../src/join/mapping-index.js';

const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const hash = (digit: string) => digit.repeat(40);
const mapping = (kind: JoinMapping['kind'], key: string, certificateHash: string | null = hash('A')): JoinMapping => ({ kind, key, certificateHash, appId: IIS, certificateStoreName: 'MY' });
const endpoint = (addressKind: JoinEndpoint['addressKind'], address: string, port: number, host = ''): JoinEndpoint => ({ addressKind, address, port, host, wildcardHost: host.startsWith('*.') });

/** "family sni -> kind:key [or kind:key...]" per path, the way the table reads. */
function table(e: JoinEndpoint, sslFlags: number, mappings: JoinMapping[], listen: string[] | null = null): string[] {
  return clientPaths(e, sslFlags, new MappingIndex(mappings), new SpecificIpMappings(mappings), listen).map(
    (path) => `${path.family} ${path.sni ? 'sni' : 'nosni'} -> ${path.mapping ? `${path.mapping.kind}:${path.mapping.key}` : 'FAIL'}${path.ipFirst.map((ref) => ` or ${ref.key}`).join('')}`,
  );
}

describe('clientPaths: what a client gets per family and SNI', () => {
  it.each([
    {
      why: '* IP binding: IPv4 gets 0.0.0.0, IPv6 gets [::] when it exists (HTTP_SERVICE_CONFIG_SSL_KEY)',
      e: endpoint('any', '*', 443), flags: 0,
      mappings: [mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '[::]:443', hash('B'))],
      want: ['ipv4 sni -> ipport:0.0.0.0:443', 'ipv4 nosni -> ipport:0.0.0.0:443', 'ipv6 sni -> ipport:[::]:443', 'ipv6 nosni -> ipport:[::]:443'],
    },
    {
      why: '* IP binding without [::]: 0.0.0.0 applies to IPv6 clients too',
      e: endpoint('unspecified', '', 443), flags: 0,
      mappings: [mapping('ipport', '0.0.0.0:443')],
      want: ['ipv4 sni -> ipport:0.0.0.0:443', 'ipv4 nosni -> ipport:0.0.0.0:443', 'ipv6 sni -> ipport:0.0.0.0:443', 'ipv6 nosni -> ipport:0.0.0.0:443'],
    },
    {
      why: 'an IPv4 address listens on IPv4 only, exact mapping first',
      e: endpoint('ipv4', '10.0.0.5', 443), flags: 0,
      mappings: [mapping('ipport', '10.0.0.5:443', hash('A')), mapping('ipport', '0.0.0.0:443', hash('B')), mapping('ipport', '[::]:443', hash('C'))],
      want: ['ipv4 sni -> ipport:10.0.0.5:443', 'ipv4 nosni -> ipport:10.0.0.5:443'],
    },
    {
      why: 'an IPv6 address listens on IPv6 only: exact, then [::], then 0.0.0.0',
      e: endpoint('ipv6', '[2001:db8::5]', 443), flags: 0,
      mappings: [mapping('ipport', '0.0.0.0:443', hash('B')), mapping('ipport', '[::]:443', hash('C'))],
      want: ['ipv6 sni -> ipport:[::]:443', 'ipv6 nosni -> ipport:[::]:443'],
    },
    {
      why: 'SNI binding: SNI clients get the hostname mapping on both families, others the IP fallback',
      e: endpoint('any', '*', 443, 'www.contoso.com'), flags: 1,
      mappings: [mapping('hostnameport', 'www.contoso.com:443'), mapping('ipport', '0.0.0.0:443', hash('B'))],
      want: ['ipv4 sni -> hostnameport:www.contoso.com:443', 'ipv4 nosni -> ipport:0.0.0.0:443', 'ipv6 sni -> hostnameport:www.contoso.com:443', 'ipv6 nosni -> ipport:0.0.0.0:443'],
    },
    {
      why: 'nothing mapped: every path fails the handshake',
      e: endpoint('any', '*', 8443), flags: 0, mappings: [],
      want: ['ipv4 sni -> FAIL', 'ipv4 nosni -> FAIL', 'ipv6 sni -> FAIL', 'ipv6 nosni -> FAIL'],
    },
    {
      why: 'a * SNI binding meets every specific mapping of the family on its port whose certificate differs (the ip-first reports)',
      e: endpoint('any', '*', 443, 'www.contoso.com'), flags: 1,
      mappings: [mapping('hostnameport', 'www.contoso.com:443', hash('A')), mapping('ipport', '10.0.0.9:443', hash('B')), mapping('ipport', '10.0.0.7:443', hash('A')), mapping('ipport', '[2001:db8::9]:443', hash('C')), mapping('ipport', '10.0.0.9:8443', hash('B'))],
      want: ['ipv4 sni -> hostnameport:www.contoso.com:443 or 10.0.0.9:443', 'ipv4 nosni -> FAIL', 'ipv6 sni -> hostnameport:www.contoso.com:443 or [2001:db8::9]:443', 'ipv6 nosni -> FAIL'],
    },
    {
      why: 'a specific-address binding with a stray SNI mapping: its own ip:port mapping is the ip-first outcome',
      e: endpoint('ipv4', '10.0.0.5', 443, 'portal.contoso.com'), flags: 0,
      mappings: [mapping('ipport', '10.0.0.5:443', hash('A')), mapping('hostnameport', 'portal.contoso.com:443', hash('B'))],
      want: ['ipv4 sni -> hostnameport:portal.contoso.com:443 or 10.0.0.5:443', 'ipv4 nosni -> ipport:10.0.0.5:443'],
    },
    {
      why: 'CCS: the certificate is unknown until CCS is read, so any specific mapping is a doubt',
      e: endpoint('any', '*', 443, 'media.contoso.com'), flags: 3,
      mappings: [mapping('ccs', '443', null), mapping('ipport', '10.0.0.5:443', hash('A'))],
      want: ['ipv4 sni -> ccs:443 or 10.0.0.5:443', 'ipv4 nosni -> FAIL', 'ipv6 sni -> ccs:443', 'ipv6 nosni -> FAIL'],
    },
    {
      why: 'an SNI answer that is an IP mapping leaves no doubt about precedence',
      e: endpoint('any', '*', 443, 'media.contoso.com'), flags: 3,
      mappings: [mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '10.0.0.5:443', hash('B'))],
      want: ['ipv4 sni -> ipport:0.0.0.0:443', 'ipv4 nosni -> ipport:0.0.0.0:443', 'ipv6 sni -> ipport:0.0.0.0:443', 'ipv6 nosni -> ipport:0.0.0.0:443'],
    },
  ])('$why', ({ e, flags, mappings, want }) => {
    expect(table(e, flags, mappings)).toEqual(want);
  });

  it.each([
    { listen: null, want: ['ipv4', 'ipv6'] },
    { listen: [], want: ['ipv4', 'ipv6'] },
    { listen: ['10.0.0.5'], want: ['ipv4'] },
    { listen: ['::'], want: ['ipv6'] },
    { listen: ['[2001:db8::5]', '0.0.0.0'], want: ['ipv4', 'ipv6'] },
  ])('a * binding with the IP listen list $listen listens on $want', ({ listen, want }) => {
    expect(listeningFamilies(endpoint('any', '*', 443), listen)).toEqual(want);
    // A specific address keeps its own family whatever the list.
    expect(listeningFamilies(endpoint('ipv4', '10.0.0.5', 443), listen)).toEqual(['ipv4']);
  });
});

describe('IPV6_MAPPING_DIFFERS', () => {
  const paths = (e: JoinEndpoint, flags: number, mappings: JoinMapping[]) => clientPaths(e, flags, new MappingIndex(mappings), new SpecificIpMappings(mappings), null);
  const ref = { site: 'S', bindingInformation: 'b' };

  it.each([
    { why: 'IP binding, [::] holds another certificate', e: endpoint('any', '*', 443), flags: 0, mappings: [mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '[::]:443', hash('B'))], want: 'ipport:[::]:443' },
    { why: 'IP binding, [::] holds the same certificate (thumbprint in another case)', e: endpoint('any', '*', 443), flags: 0, mappings: [mapping('ipport', '0.0.0.0:443', hash('a')), mapping('ipport', '[::]:443', hash('A'))], want: null },
    { why: 'SNI binding: its SNI clients get the same mapping on both families; no-SNI clients are not what it is for', e: endpoint('any', '*', 443, 'www.contoso.com'), flags: 1, mappings: [mapping('hostnameport', 'www.contoso.com:443'), mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '[::]:443', hash('B'))], want: null },
    { why: 'CCS binding without its CCS mapping: SNI clients fall through to different IP mappings', e: endpoint('any', '*', 443, 'media.contoso.com'), flags: 3, mappings: [mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '[::]:443', hash('B'))], want: 'ipport:[::]:443' },
    { why: 'an IPv6-only binding has nothing to compare', e: endpoint('ipv6', '[2001:db8::5]', 443), flags: 0, mappings: [mapping('ipport', '0.0.0.0:443', hash('A')), mapping('ipport', '[::]:443', hash('B'))], want: null },
    { why: 'both families fail alike (only a specific mapping the * binding has no address of)', e: endpoint('any', '*', 443), flags: 0, mappings: [mapping('ipport', '10.0.0.5:443', hash('A'))], want: null },
  ])('$why', ({ e, flags, mappings, want }) => {
    const finding = ipv6DiffersFinding({ ...ref, sslFlags: flags }, paths(e, flags, mappings));
    expect(finding ? (finding.mapping ?? 'none') : null).toBe(want);
    if (finding) expect(finding).toMatchObject({ code: 'IPV6_MAPPING_DIFFERS', severity: 'warning', site: 'S', binding: 'b' });
  });

  it('fires when IPv6 clients fail and IPv4 clients are served', () => {
    // A [::]-only server is the other way round; here IPv4 gets 10.0.0.5 and the binding is IPv4 only, so build the paths by hand.
    const served = { kind: 'ipport' as const, key: '0.0.0.0:443', exists: true, certificateHash: hash('A'), certificateStoreName: 'MY', appId: IIS };
    const handPaths: ClientPath[] = [
      { family: 'ipv4', sni: false, mapping: served, ipFirst: [], ipFirstCount: 0 },
      { family: 'ipv6', sni: false, mapping: null, ipFirst: [], ipFirstCount: 0 },
    ];
    expect(ipv6DiffersFinding({ ...ref, sslFlags: 0 }, handPaths)?.message).toContain('no mapping (the handshake fails)');
  });
});

describe('PRECEDENCE_UNCERTAIN', () => {
  const mappings = [mapping('hostnameport', 'a.contoso.com:443', hash('A')), mapping('hostnameport', 'b.contoso.com:443', hash('B')), mapping('ipport', '10.0.0.9:443', hash('C')), mapping('ipport', '10.0.0.5:443', hash('A'))];
  const index = new MappingIndex(mappings);
  const specific = new SpecificIpMappings(mappings);
  const bindingsOn = (...hosts: string[]) =>
    hosts.map((host) => ({ site: host, bindingInformation: `*:443:${host}`, port: 443, clientPaths: clientPaths(endpoint('any', '*', 443, host), 1, index, specific, null) }));

  it('is one finding per specific mapping, naming every binding whose certificate would change, not one per binding', () => {
    const findings = precedenceFindings(bindingsOn('a.contoso.com', 'b.contoso.com'), new Set(), specific, index);
    expect(findings.map((finding) => finding.mapping).sort()).toEqual(['ipport:10.0.0.5:443', 'ipport:10.0.0.9:443']);
    const nine = findings.find((finding) => finding.mapping === 'ipport:10.0.0.9:443')!;
    expect(nine.message).toContain('a.contoso.com (*:443:a.contoso.com), b.contoso.com (*:443:b.contoso.com)');
    // 10.0.0.5 holds a.contoso.com's own certificate: only b is in doubt there.
    const five = findings.find((finding) => finding.mapping === 'ipport:10.0.0.5:443')!;
    expect(five.message).toContain('b.contoso.com');
    expect(five.message).not.toContain('a.contoso.com (');
    expect(nine.fix).toContain('httpapi sslcert delete --kind ipport --key 10.0.0.9:443');
    expect(nine.site).toBeUndefined();
  });

  it('names a few bindings and counts the rest, however many there are', () => {
    const hosts = Array.from({ length: 1000 }, (_, index) => `b${index}.contoso.com`);
    const many = hosts.map((host) => ({ site: host, bindingInformation: `*:443:${host}`, port: 443, clientPaths: bindingsOn('b.contoso.com')[0]!.clientPaths }));
    const findings = precedenceFindings(many, new Set(), specific, index);
    expect(findings.filter((finding) => finding.mapping === 'ipport:10.0.0.9:443')).toHaveLength(1);
    expect(findings[0]!.message).toContain('and 997 more');
  });

  it('a mapping an IP binding declares gets the fix that keeps that binding working', () => {
    const [finding] = precedenceFindings(bindingsOn('b.contoso.com').map((binding) => ({ ...binding, clientPaths: binding.clientPaths.map((path) => ({ ...path, ipFirst: path.ipFirst.filter((ref) => ref.key === '10.0.0.5:443'), ipFirstCount: path.ipFirst.filter((ref) => ref.key === '10.0.0.5:443').length })) })), new Set(['ipport|10.0.0.5:443']), specific, index);
    expect(finding?.fix).toContain('a host name and SNI');
  });

  it('a * binding on a port with many specific mappings lists a few and counts them all; every mapping still gets its finding', () => {
    const specifics = Array.from({ length: 40 }, (_, at) => mapping('ipport', `10.1.0.${at + 1}:443`, hash(at % 2 === 0 ? 'C' : 'A')));
    const all = [mapping('hostnameport', 'a.contoso.com:443', hash('A')), mapping('hostnameport', 'b.contoso.com:443', hash('B')), ...specifics];
    const allIndex = new MappingIndex(all);
    const allSpecific = new SpecificIpMappings(all);
    const bindings = ['a.contoso.com', 'b.contoso.com'].map((host) => ({ site: host, bindingInformation: `*:443:${host}`, port: 443, clientPaths: clientPaths(endpoint('any', '*', 443, host), 1, allIndex, allSpecific, null) }));
    const sniV4 = (host: string) => bindings.find((binding) => binding.site === host)!.clientPaths.find((path) => path.family === 'ipv4' && path.sni)!;
    // a's certificate A is held by the 20 odd mappings: only the 20 with C differ; b's B differs from all 40.
    expect(sniV4('a.contoso.com')).toMatchObject({ ipFirstCount: 20 });
    expect(sniV4('a.contoso.com').ipFirst).toHaveLength(3);
    expect(sniV4('a.contoso.com').ipFirst.every((ref) => ref.certificateHash === hash('C'))).toBe(true);
    expect(sniV4('b.contoso.com')).toMatchObject({ ipFirstCount: 40 });
    const findings = precedenceFindings(bindings, new Set(), allSpecific, allIndex);
    expect(findings).toHaveLength(40);
    const withC = findings.find((finding) => finding.mapping === 'ipport:10.1.0.1:443')!;
    expect(withC.message).toContain('a.contoso.com (*:443:a.contoso.com), b.contoso.com (*:443:b.contoso.com)');
    const withA = findings.find((finding) => finding.mapping === 'ipport:10.1.0.2:443')!;
    expect(withA.message).toContain('b.contoso.com (*:443:b.contoso.com)');
    expect(withA.message).not.toContain('a.contoso.com (');
  });

  it('counts a certificate the same whatever its case, and lists the first differing mappings in the order netsh shows them', () => {
    const specifics = ['A', 'c', 'a', 'D', 'E', 'F'].map((digit, at) => mapping('ipport', `10.2.0.${at + 1}:443`, hash(digit)));
    const all = [mapping('hostnameport', 'a.contoso.com:443', hash('A')), ...specifics];
    const [ipv4Sni, , ipv6Sni] = clientPaths(endpoint('any', '*', 443, 'a.contoso.com'), 1, new MappingIndex(all), new SpecificIpMappings(all), null);
    expect(ipv4Sni).toMatchObject({ family: 'ipv4', sni: true, ipFirstCount: 4 });
    expect(ipv4Sni!.ipFirst.map((ref) => ref.key)).toEqual(['10.2.0.2:443', '10.2.0.4:443', '10.2.0.5:443']);
    // No IPv6 mapping is specific to the port: no doubt there.
    expect(ipv6Sni).toMatchObject({ family: 'ipv6', sni: true, ipFirst: [], ipFirstCount: 0 });
  });
});
