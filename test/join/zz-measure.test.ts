import { it } from 'vitest';
import { joinHttpsBindings } from '/work/wt-paths/src/join/join-https-bindings.js';
import { httpsAnswer } from '/work/wt-paths/src/join/https-answer.js';
it('measure', () => {
  for (const specific of [0, 20]) {
    const n = 10000;
    const sites = Array.from({ length: n }, (_, i) => ({ name: `s${i}`, id: i + 1, bindings: [{ protocol: 'https', bindingInformation: `*:443:h${i}.contoso.com`, sslFlags: 1, endpoint: { addressKind: 'any' as const, address: '*', port: 443, host: `h${i}.contoso.com`, wildcardHost: false } }] }));
    const mappings = [
      ...sites.map((_, i) => ({ kind: 'hostnameport' as const, key: `h${i}.contoso.com:443`, certificateHash: (i % 16).toString(16).repeat(40), appId: null, certificateStoreName: 'MY' })),
      { kind: 'ipport' as const, key: '0.0.0.0:443', certificateHash: 'F'.repeat(40), appId: null, certificateStoreName: 'MY' },
      ...Array.from({ length: specific }, (_, i) => ({ kind: 'ipport' as const, key: `10.0.1.${i + 1}:443`, certificateHash: 'E'.repeat(40), appId: null, certificateStoreName: 'MY' })),
    ];
    const t = performance.now();
    const joined = joinHttpsBindings({ sites, mappings, certificates: null, reservations: null });
    const answer = httpsAnswer(joined, joined.findings, { mappings, certificates: null });
    const ms = performance.now() - t;
    console.log(`bindings ${n}, specific ip mappings ${specific}: join+answer ${ms.toFixed(0)} ms, answer JSON ${(JSON.stringify(answer).length / 1e6).toFixed(1)} MB, findings ${joined.findings.length}`);
  }
});
