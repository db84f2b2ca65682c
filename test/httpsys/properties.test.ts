import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mappingKinds, parseMappingKey, type MappingKind } from '../../src/httpsys/mapping-key.js';
import { parseNetshFailure } from '../../src/httpsys/parse-netsh-failure.js';
import { parseSslcertJson } from '../../src/httpsys/parse-sslcert-json.js';
import { parseSslcertText } from '../../src/httpsys/parse-sslcert-text.js';
import { parseUrlaclText } from '../../src/httpsys/parse-urlacl-text.js';
import { renderSslcertText } from '../../src/httpsys/render-sslcert-text.js';
import { renderUrlaclText } from '../../src/httpsys/render-urlacl-text.js';
import { normalizeAppId, normalizeCertificateHash, normalizeStoreName, type SslMapping, type SslOption } from '../../src/httpsys/ssl-mapping.js';
import { extendedPropertyCatalog, sslOptionCatalog, typeOptionValue, inferOptionValue } from '../../src/httpsys/ssl-options.js';
import { keyLabelOfKind } from '../../src/httpsys/sslcert-labels.js';
import { splitLines } from '../../src/httpsys/text-lines.js';
import type { UrlReservation } from '../../src/httpsys/url-reservation.js';

/** Text made of the pieces netsh output is made of, so the parsers meet near-misses, not only noise. */
const netshLikeText = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        '', ' ', 'SSL Certificate bindings:', '-------------------------', 'URL Reservations:', ' Extended Properties:', '    IP:port                      : 0.0.0.0:443',
        '    Hostname:port                : www.contoso.com:443', '    Certificate Hash             : 5226dc6c54559761cd471b86eb51c096252c90f2', 'Label :value',
        '    Reserved URL            : http://+:80/', '        User: \\Everyone', '            Listen: Yes', '            Delegate: No', '            SDDL: D:(A;;GX;;;WD)',
        '-2996563517)', 'SSL Certificate add failed, Error: 183', 'Usage: add sslcert', ' : ', ':', '    PropertyId                   : x', '{', '[]',
      ),
      fc.tuple(fc.string(), fc.constantFrom(' : ', ': ', ' :', ':'), fc.string()).map(([a, separator, b]) => `${a}${separator}${b}`),
    ),
  )
  .chain((lines) => fc.constantFrom('\r\n', '\n', '\r').map((eol) => lines.join(eol)));

const anyText = fc.oneof(fc.string({ unit: 'binary' }), netshLikeText);

/** Every unplaced line is a line of the input, at its number. */
function unplacedAreInputLines(text: string, unplaced: { line: number; text: string }[]) {
  const lines = splitLines(text);
  for (const { line, text: unplacedText } of unplaced) expect(lines[line - 1]).toBe(unplacedText);
}

describe('line splitting', () => {
  it('gives the lines a regex split on CRLF, LF and lone CR gives', () => {
    const withLineEnds = fc.array(fc.oneof(fc.string(), fc.constantFrom('\r', '\n', '\r\n', '\r\r\n', '\n\r'))).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(withLineEnds, netshLikeText), (text) => {
        expect(splitLines(text)).toEqual(text.split(/\r\n|\n|\r/));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parsers never throw on arbitrary text', () => {
  it('show sslcert text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseSslcertText(text);
        unplacedAreInputLines(text, parsed.unplaced);
      }),
      { numRuns: 2000 },
    );
  });

  it('show urlacl text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseUrlaclText(text);
        unplacedAreInputLines(text, parsed.unplaced);
      }),
      { numRuns: 2000 },
    );
  });

  it('failure output', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const failure = parseNetshFailure(text);
        expect(failure.win32Error === null || Number.isInteger(failure.win32Error)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('show sslcert json=enable, on text and on any JSON value', () => {
    const jsonish = fc.oneof(
      anyText,
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.array(fc.dictionary(fc.constantFrom('IpPort', 'ConfigType', 'AppId', 'SslHash', 'SslCertStoreName', 'HostnamePort', 'DisableHttp2', 'x'), fc.jsonValue())).map((list) =>
        JSON.stringify({ SslCertificateBindings: list, message: '', status: 0 }),
      ),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const parsed = parseSslcertJson(text);
        if (parsed.ok) expect(Array.isArray(parsed.mappings)).toBe(true);
        else expect(parsed.reason).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- render then parse gives the model back ----------------------------------------------------

/** A printed value: no surrounding white space, no line break, no ` :` (it would end the label). */
const token = fc.stringMatching(/^[A-Za-z0-9{}<>()._\-\[\]*+/=]{1,20}$/);
const hex40 = fc.stringMatching(/^[0-9a-fA-F]{40}$/);
const guid = fc.uuid().map((value) => `{${value}}`);
const port = fc.integer({ min: 0, max: 65535 });
const host = fc.domain().filter((name) => !name.includes(':'));

const keyOf = (kind: MappingKind): fc.Arbitrary<string> => {
  const valid =
    kind === 'ipport'
      ? fc.oneof(fc.tuple(fc.ipV4(), port).map(([address, number]) => `${address}:${number}`), fc.tuple(fc.ipV6(), port).map(([address, number]) => `[${address}]:${number}`))
      : kind === 'ccs'
        ? port.map(String)
        : fc.tuple(host, port).map(([name, number]) => `${name}:${number}`);
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom('{0}', '<ip:port>', '') });
};

const rawOf = (type: string): fc.Arbitrary<string> =>
  type === 'boolean' ? fc.constantFrom('Enabled', 'Disabled', 'Set', 'Not Set') : type === 'uint' ? fc.nat({ max: 4294967295 }).map(String) : fc.oneof(fc.constant('(null)'), token);

const knownOption = fc.constantFrom(...sslOptionCatalog).chain((spec) =>
  rawOf(spec.type).map((raw): SslOption => ({ name: spec.name, label: spec.label, raw, value: typeOptionValue(spec.type, raw), parameter: spec.parameter })),
);
const unknownOption = fc
  .tuple(fc.stringMatching(/^[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){0,3}$/), fc.oneof(token, fc.constantFrom('Not Set', '(null)', '')))
  .map(([label, raw]): SslOption => ({ name: 'unknown', label: `Future ${label}`, raw, value: inferOptionValue(raw), parameter: null }));

/** Options in catalog order; unknown lines only beside known ones (with none known, lines are named by position). */
const optionList = fc
  .tuple(fc.uniqueArray(knownOption, { selector: (option) => option.name, maxLength: sslOptionCatalog.length }), fc.array(unknownOption, { maxLength: 3 }))
  .map(([known, unknown]) => {
    const sorted = [...known].sort((a, b) => sslOptionCatalog.findIndex((spec) => spec.name === a.name) - sslOptionCatalog.findIndex((spec) => spec.name === b.name));
    return sorted.length === 0 ? [] : [...sorted, ...unknown];
  });

const extendedBlock = fc.oneof(
  fc.constant({ label: 'Extended Properties', propertyId: null, fields: [] as SslOption[] }),
  fc.tuple(fc.nat({ max: 6 }), fc.array(fc.constantFrom(...extendedPropertyCatalog.slice(1)), { maxLength: 2 }), fc.nat()).map(([id, specs, number]) => ({
    label: 'Extended Properties',
    propertyId: id,
    fields: [
      { name: 'propertyId', label: 'PropertyId', raw: String(id), value: id, parameter: 'propertyid' },
      ...specs.map((spec) => ({ name: spec.name, label: spec.label, raw: String(number), value: number, parameter: spec.parameter })),
    ],
  })),
);

const mapping: fc.Arbitrary<SslMapping> = fc.constantFrom(...mappingKinds).chain((kind) =>
  fc
    .record({
      key: keyOf(kind),
      hash: fc.option(fc.oneof(hex40, fc.constantFrom('(null)', 'redacted', '<hash>')), { nil: null }),
      appId: fc.option(fc.oneof(guid, fc.constantFrom('{<guid>}', '(null)')), { nil: null }),
      store: fc.option(fc.oneof(fc.constantFrom('MY', 'My', 'WebHosting', '(null)', 'my')), { nil: null }),
      options: optionList,
      blocks: fc.array(extendedBlock, { maxLength: 3 }),
    })
    .map(({ key, hash, appId, store, options, blocks }) => {
      // Derived fields come from the model's own normalizers, in the order a parse applies them.
      const parts = parseMappingKey(kind, key);
      const notes = parts.problem ? [`key ${parts.problem}`] : [];
      const certificateHash = normalizeCertificateHash(hash, kind, notes);
      const normalizedAppId = normalizeAppId(appId, notes);
      return {
        kind,
        key,
        keyLabel: keyLabelOfKind[kind],
        address: parts.address,
        host: parts.host,
        port: parts.port,
        certificateHash,
        certificateHashRaw: hash,
        appId: normalizedAppId,
        appIdRaw: appId,
        certificateStoreName: normalizeStoreName(store),
        certificateStoreNameRaw: store,
        options,
        extendedProperties: blocks,
        notes,
      };
    }),
);

const reservation: fc.Arbitrary<UrlReservation> = fc.record({
  url: fc.tuple(fc.constantFrom('http', 'https'), fc.oneof(fc.constantFrom('+', '*'), host), fc.integer({ min: 1, max: 65535 }), fc.array(fc.stringMatching(/^[A-Za-z0-9_.-]{1,10}$/), { maxLength: 3 })).map(
    ([scheme, name, number, path]) => `${scheme}://${name}:${number}/${path.map((segment) => `${segment}/`).join('')}`,
  ),
  users: fc.array(
    fc.record({
      user: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.\\-]{0,30}[A-Za-z0-9]$/).filter((name) => !/^(yes|no)$/i.test(name)),
      listen: fc.boolean(),
      delegate: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  sddl: fc.option(fc.stringMatching(/^D:(\(A;;G[AXW];;;(WD|BU|LS|S-1-5-80-[0-9-]{5,40})\)){1,4}$/), { nil: null }),
  notes: fc.constant([] as string[]),
});

describe('render then parse gives the model back', () => {
  it('SSL certificate mappings', () => {
    fc.assert(
      fc.property(fc.array(mapping, { maxLength: 5 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('\r\n', '\n'), (mappings, blankLines, eol) => {
        const parsed = parseSslcertText(renderSslcertText(mappings, { blankLinesAfterHeader: blankLines, eol }));
        expect(parsed.unplaced).toEqual([]);
        expect(parsed.mappings).toEqual(mappings);
      }),
      { numRuns: 500 },
    );
  });

  it('SSL certificate mappings that repeat each other\'s option lines (read once, taken again)', () => {
    const variant = (source: SslMapping, flip: boolean): SslMapping =>
      flip && source.options[0]?.name === 'verifyClientCertRevocation'
        ? { ...source, options: [{ ...source.options[0], raw: source.options[0].raw === 'Enabled' ? 'Disabled' : 'Enabled', value: source.options[0].raw !== 'Enabled' }, ...source.options.slice(1)] }
        : source;
    fc.assert(
      fc.property(fc.array(mapping, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 8 }), (pool, picks) => {
        const mappings = picks.map(([index, flip]) => variant(pool[index % pool.length]!, flip));
        const parsed = parseSslcertText(renderSslcertText([...pool, ...mappings]));
        expect(parsed.unplaced).toEqual([]);
        expect(parsed.mappings).toEqual([...pool, ...mappings]);
      }),
      { numRuns: 500 },
    );
  });

  it('URL reservations', () => {
    fc.assert(
      fc.property(fc.array(reservation, { maxLength: 5 }), fc.constantFrom('\r\n', '\n'), (reservations, eol) => {
        const parsed = parseUrlaclText(renderUrlaclText(reservations, eol));
        expect(parsed.unplaced).toEqual([]);
        expect(parsed.reservations).toEqual(reservations);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- literal cases beside the round trip -------------------------------------------------------
// The round trip above builds its expected model with the parser's own normalizers; these cases
// are written out by hand, so a normalizer that goes wrong fails here even when the round trip
// agrees with itself.

/** One mapping in the aligned layout (sslcert-en-win10-01.txt's padding), with the fields given. */
function oneMapping(keyLabel: string, key: string, hash: string, appId: string, store: string): string {
  const line = (label: string, value: string) => `    ${label.padEnd(28)} : ${value}`;
  return ['', 'SSL Certificate bindings:', '-------------------------', '', line(keyLabel, key), line('Certificate Hash', hash), line('Application ID', appId), line('Certificate Store Name', store), ''].join('\r\n');
}
const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
const HASH = '5226dc6c54559761cd471b86eb51c096252c90f2';

describe('literal cases: every key label', () => {
  it.each([
    ['IP:port', '0.0.0.0:443', { kind: 'ipport', address: '0.0.0.0', host: null, port: 443 }],
    ['IP:port', '[::]:443', { kind: 'ipport', address: '[::]', host: null, port: 443 }],
    ['IP:port', '[2001:db8::5]:8443', { kind: 'ipport', address: '[2001:db8::5]', host: null, port: 8443 }],
    ['Hostname:port', 'www.contoso.com:443', { kind: 'hostnameport', address: null, host: 'www.contoso.com', port: 443 }],
    ['Central Certificate Store', '443', { kind: 'ccs', address: null, host: null, port: 443 }],
    ['CCS:port', '8443', { kind: 'ccs', address: null, host: null, port: 8443 }],
    ['Scoped CCS:port', 'scoped.contoso.com:443', { kind: 'scopedccs', address: null, host: 'scoped.contoso.com', port: 443 }],
    ['Scoped Central Certificate Store', 'scoped.contoso.com:443', { kind: 'scopedccs', address: null, host: 'scoped.contoso.com', port: 443 }],
  ] as const)('%s : %s', (label, key, expected) => {
    const ccs = expected.kind === 'ccs' || expected.kind === 'scopedccs';
    const parsed = parseSslcertText(oneMapping(label, key, ccs ? '(null)' : HASH, IIS, ccs ? '(null)' : 'MY'));
    expect(parsed.unplaced).toEqual([]);
    expect(parsed.mappings).toHaveLength(1);
    expect(parsed.mappings[0]).toMatchObject({ ...expected, key, keyLabel: label, notes: [] });
  });
});

describe('literal cases: certificate hash, GUID and store spellings', () => {
  it.each([
    ['5226dc6c54559761cd471b86eb51c096252c90f2', '5226DC6C54559761CD471B86EB51C096252C90F2', []],
    ['5226DC6C54559761CD471B86EB51C096252C90F2', '5226DC6C54559761CD471B86EB51C096252C90F2', []],
    ['(null)', null, ['no certificate hash is printed for this mapping']],
    ['redacted', null, ["certificate hash 'redacted' is not 40 hexadecimal characters (masked or placeholder?); kept as raw text only"]],
  ] as const)('hash %s', (raw, expected, notes) => {
    const [mapping] = parseSslcertText(oneMapping('IP:port', '0.0.0.0:443', raw, IIS, 'MY')).mappings;
    expect({ hash: mapping!.certificateHash, raw: mapping!.certificateHashRaw, notes: mapping!.notes }).toEqual({ hash: expected, raw, notes });
  });

  it.each([
    ['{4dc3e181-e14b-4a21-b022-59fc669b0914}', '{4dc3e181-e14b-4a21-b022-59fc669b0914}', []],
    ['{4DC3E181-E14B-4A21-B022-59FC669B0914}', '{4dc3e181-e14b-4a21-b022-59fc669b0914}', []],
    ['4dc3e181-e14b-4a21-b022-59fc669b0914', '{4dc3e181-e14b-4a21-b022-59fc669b0914}', []],
    ['(null)', null, []],
    ['{<guid>}', null, ["application id '{<guid>}' is not a GUID; kept as raw text only"]],
  ] as const)('application id %s', (raw, expected, notes) => {
    const [mapping] = parseSslcertText(oneMapping('IP:port', '0.0.0.0:443', HASH, raw, 'MY')).mappings;
    expect({ appId: mapping!.appId, raw: mapping!.appIdRaw, notes: mapping!.notes }).toEqual({ appId: expected, raw, notes });
  });

  // The store is kept as printed (http.sys opens it without case); only (null) means "none", i.e. MY.
  it.each([
    ['MY', 'MY'],
    ['My', 'My'],
    ['my', 'my'],
    ['WebHosting', 'WebHosting'],
    ['(null)', null],
  ] as const)('store %s', (raw, expected) => {
    const [mapping] = parseSslcertText(oneMapping('IP:port', '0.0.0.0:443', HASH, IIS, raw)).mappings;
    expect({ store: mapping!.certificateStoreName, raw: mapping!.certificateStoreNameRaw }).toEqual({ store: expected, raw });
  });
});

describe('literal cases: urlacl rights', () => {
  it('reads Listen and Delegate Yes/No per user, and the SDDL once for all of them', () => {
    const text = [
      '',
      'URL Reservations:',
      '-----------------',
      '',
      '    Reserved URL            : http://+:8080/app/',
      '        User: CONTOSO\\front',
      '            Listen: Yes',
      '            Delegate: Yes',
      '        User: CONTOSO\\relay',
      '            Listen: No',
      '            Delegate: Yes',
      '        User: \\Everyone',
      '            Listen: Yes',
      '            Delegate: No',
      '            SDDL: D:(A;;GA;;;S-1-5-21-1-2-3-1105)(A;;GW;;;S-1-5-21-1-2-3-1106)(A;;GX;;;WD)',
      '',
    ].join('\r\n');
    expect(parseUrlaclText(text)).toEqual({
      reservations: [
        {
          url: 'http://+:8080/app/',
          users: [
            { user: 'CONTOSO\\front', listen: true, delegate: true },
            { user: 'CONTOSO\\relay', listen: false, delegate: true },
            { user: '\\Everyone', listen: true, delegate: false },
          ],
          sddl: 'D:(A;;GA;;;S-1-5-21-1-2-3-1105)(A;;GW;;;S-1-5-21-1-2-3-1106)(A;;GX;;;WD)',
          notes: [],
        },
      ],
      unplaced: [],
    });
  });
});
