import { describe, expect, it } from 'vitest';
import { urlAclOverlapFindings } from '../../src/join/urlacl-overlap.js';

const overlaps = (...urls: string[]) => urlAclOverlapFindings(urls.map((url) => ({ url })));

// Winners by Microsoft Learn "UrlPrefix Strings": + before an explicit host before an IP literal
// before *, whatever the paths.
describe('URLACL_OVERLAP', () => {
  it.each([
    ['+ over * on a longer path (the issue\'s example)', 'http://+:80/', 'http://*:80/app/', 'http://+:80/', '/app/'],
    ['+ over * on the same path', 'http://*:8080/', 'http://+:8080/', 'http://+:8080/', '/'],
    ['+ on a longer path still takes its subtree from *', 'http://*:80/', 'http://+:80/api/', 'http://+:80/api/', '/api/'],
    ['+ over an explicit host', 'http://www.contoso.com:80/shop/', 'http://+:80/', 'http://+:80/', '/shop/'],
    ['an explicit host over *', 'http://*:80/', 'http://www.contoso.com:80/', 'http://www.contoso.com:80/', '/'],
    ['an explicit host over an IP literal', 'http://10.0.0.5:80/', 'http://reports.contoso.com:80/r/', 'http://reports.contoso.com:80/r/', '/r/'],
    ['an IPv6 literal over *', 'https://*:443/', 'https://[2001:db8::5]:443/', 'https://[2001:db8::5]:443/', '/'],
    ['paths compare without case and with the trailing slash implied', 'http://+:80/App', 'http://*:80/app/x/', 'http://+:80/App', '/app/x/'],
  ])('%s', (_what, first, second, winner, path) => {
    const findings = overlaps(first, second);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'URLACL_OVERLAP', severity: 'warning' });
    expect(findings[0]!.message).toContain(`under ${path}: http.sys routes them to ${winner},`);
    expect(findings[0]!.message).toContain('UrlPrefix Strings');
    const loser = winner === first ? second : first;
    expect(findings[0]!.fix).toContain(`httpapi urlacl delete --url ${loser}`);
  });

  it.each([
    ['different ports', 'http://+:80/', 'http://*:8080/'],
    ['different schemes', 'http://+:443/', 'https://*:443/'],
    ['paths that do not nest', 'http://+:80/app/', 'http://*:80/other/'],
    ['a path that only starts like another', 'http://+:80/app/', 'http://*:80/application/'],
    ['two explicit hosts', 'http://www.contoso.com:80/', 'http://shop.contoso.com:80/'],
    ['two IP literals', 'http://10.0.0.5:80/', 'http://10.0.0.6:80/'],
    ['the same category nested (the longer path serves its subtree)', 'http://+:80/', 'http://+:80/app/'],
    ['the same explicit host nested', 'http://www.contoso.com:80/', 'http://WWW.contoso.com:80/app/'],
    ['a URL that is not a UrlPrefix', 'http://+:80/', 'not a url'],
  ])('none for %s', (_what, first, second) => {
    expect(overlaps(first, second)).toEqual([]);
  });

  it('one finding per overlapping pair, none between /b/ and /c/', () => {
    expect(overlaps('http://+:80/', 'http://*:80/', 'http://www.contoso.com:80/b/', 'http://*:80/c/').map((finding) => finding.message.match(/routes them to (\S+),/)?.[1])).toEqual([
      'http://+:80/', // + and *
      'http://+:80/', // + and www.contoso.com/b/
      'http://+:80/', // + and */c/
      'http://www.contoso.com:80/b/', // * and www.contoso.com/b/ (*:80/ and *:80/c/ are one category)
    ]);
  });
});
