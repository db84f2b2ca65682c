// Reading 10,000 SNI mappings from a `netsh http show sslcert` capture (target: well under 100 ms).
// Run: node bench/httpsys.bench.mjs
// The parser is bundled from src/ on the fly; the figure is reported with its ratio to a baseline
// measured in the same run on the same bytes (`text.split('\n')`), so machines can be compared.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { build } from 'esbuild';

// A full collection before each timed run, so no run pays for the garbage of the one before.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = await build({
  entryPoints: [`${root}src/httpsys/parse-sslcert-text.ts`],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
});
const { parseSslcertText } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const count = 10_000;
const line = (label, value) => `    ${label.padEnd(28)} : ${value}`;
const entries = [];
for (let index = 0; index < count; index++) {
  const hash = (index * 2654435761).toString(16).padStart(8, '0').repeat(5).slice(0, 40);
  entries.push(
    [
      line('Hostname:port', `site${index}.contoso.com:443`),
      line('Certificate Hash', hash),
      line('Application ID', '{4dc3e181-e14b-4a21-b022-59fc669b0914}'),
      line('Certificate Store Name', index % 2 ? 'WebHosting' : 'MY'),
      line('Verify Client Certificate Revocation', 'Enabled'),
      line('Verify Revocation Using Cached Client Certificate Only', 'Disabled'),
      line('Usage Check', 'Enabled'),
      line('Revocation Freshness Time', '0'),
      line('URL Retrieval Timeout', '0'),
      line('Ctl Identifier', '(null)'),
      line('Ctl Store Name', '(null)'),
      line('DS Mapper Usage', 'Disabled'),
      line('Negotiate Client Certificate', 'Disabled'),
      line('Reject Connections', 'Disabled'),
      line('Disable HTTP2', 'Not Set'),
      line('Disable QUIC', 'Not Set'),
      line('Disable TLS1.2', 'Not Set'),
      line('Disable TLS1.3', 'Not Set'),
      line('Disable OCSP Stapling', 'Not Set'),
      line('Enable Token Binding', 'Not Set'),
      line('Log Extended Events', 'Not Set'),
      line('Disable Legacy TLS Versions', 'Not Set'),
      line('Enable Session Ticket', 'Not Set'),
      ' Extended Properties:',
      line('PropertyId', '0'),
      line('Receive Window', '1048576'),
      ' Extended Properties:',
      line('PropertyId', '1'),
      line('Max Settings Per Frame', '2796202'),
      line('Max Settings Per Minute', '4294967295'),
      '',
    ].join('\r\n'),
  );
}
// The win10/2022 frame: header, dashes, blank lines, entries (CRLF, as netsh writes).
const text = ['', 'SSL Certificate bindings:', '-------------------------', '', '', '', ...entries].join('\r\n');

/** Wall time of each run, parse and baseline interleaved so both see the same machine load. */
function measure(runs) {
  const parse = [];
  const split = [];
  for (let index = 0; index < runs; index++) {
    gc();
    let start = performance.now();
    parseSslcertText(text);
    parse.push(performance.now() - start);
    gc();
    start = performance.now();
    text.split('\n');
    split.push(performance.now() - start);
  }
  const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { parse: median(parse), parseBest: Math.min(...parse), split: median(split), splitBest: Math.min(...split) };
}

let parsed;
for (let index = 0; index < 3; index++) parsed = parseSslcertText(text); // warm-up
if (parsed.mappings.length !== count || parsed.unplaced.length !== 0 || parsed.mappings[count - 1].host !== `site${count - 1}.contoso.com`) {
  throw new Error(`parsed ${parsed.mappings.length} mappings, ${parsed.unplaced.length} unplaced lines: the bench input is not read right`);
}
parsed = undefined;
const runs = 21;
const { parse, parseBest, split, splitBest } = measure(runs);

const lines = text.split('\n').length;
console.log(`httpsys: parse show sslcert, ${count} SNI mappings (${lines} lines, ${(text.length / 1e6).toFixed(1)} MB, win10 layout)`);
console.log(`  parseSslcertText   ${parse.toFixed(1)} ms median, ${parseBest.toFixed(1)} ms best of ${runs}`);
console.log(`  baseline split     ${split.toFixed(1)} ms median, ${splitBest.toFixed(1)} ms best (text.split('\\n') over the same text)`);
console.log(`  ratio              ${(parse / split).toFixed(1)}x the baseline (median); target < 100 ms: ${parse < 100 ? 'met' : 'NOT met'}`);
