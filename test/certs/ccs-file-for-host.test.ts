import { describe, expect, it } from 'vitest';
import { ccsFileForHost, ccsFileNamesForHost, ccsFilesByName } from '../../src/certs/ccs-file-for-host.js';

// Microsoft's naming rule (CN_name.pfx; `_` as the wildcard character: _.contoso.com.pfx) and
// what it leaves open, decided as src/certs/ccs-file-for-host.ts says (inferred).
describe('the CCS file that serves a host', () => {
  const files = ['www.contoso.com.pfx', '_.contoso.com.pfx', 'API.Fabrikam.com.pfx', '_.b.example.org.pfx'].map((name) => ({ name }));
  const cases: [host: string, file: string | null, why: string][] = [
    ['www.contoso.com', 'www.contoso.com.pfx', 'the file named after the host wins over the wildcard file'],
    ['shop.contoso.com', '_.contoso.com.pfx', 'else the wildcard file of the parent domain'],
    ['a.shop.contoso.com', null, 'the wildcard file covers one label, as *.contoso.com does'],
    ['contoso.com', null, 'the wildcard file does not cover the domain itself'],
    ['api.fabrikam.com', 'API.Fabrikam.com.pfx', 'names compared without case'],
    ['WWW.CONTOSO.COM', 'www.contoso.com.pfx', 'the host without case too'],
    ['a.b.example.org', '_.b.example.org.pfx', 'the parent domain of a deeper host'],
    ['*.contoso.com', '_.contoso.com.pfx', 'a wildcard host is served by the wildcard file'],
    ['intranet', null, 'a single-label host has no parent domain'],
  ];
  for (const [host, file, why] of cases) {
    it(`${host} -> ${file ?? 'none'}: ${why}`, () => {
      expect(ccsFileForHost(ccsFilesByName(files), host)?.name ?? null).toBe(file);
    });
  }

  it('names the files it looks for, in order, for messages', () => {
    expect(ccsFileNamesForHost('media.contoso.com')).toEqual(['media.contoso.com.pfx', '_.contoso.com.pfx']);
    expect(ccsFileNamesForHost('intranet')).toEqual(['intranet.pfx']);
  });
});
