import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { netshDouble, useDouble } from '../httpsys/double.js';

export const IIS = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
export const IIS_EXPRESS = '{214124cd-d05b-4309-9af9-9caa44b2b74a}';
export const SSTP = '{ba195980-cd49-458b-9e23-c84ee0adcd75}';

/** Thumbprints of the demo server's certificate files (fixtures/demo-server/README.md). */
export const WILDCARD = 'D54DAFC94E7E55489195BE690C85192991847ED5'; // certs/WebHosting/wildcard-contoso.cer
export const WWW = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'; // certs/MY/www-contoso.pem
export const EXPIRED = 'D448C934BE5A5E720BB27C199EA38DC5A6F92C66'; // certs/MY/expired.pem
export const DEV = 'BB7C594209764AB9BDDC5E1CBB2EB8FFBAEC4895'; // certs/MY/iis-express-dev.pem
export const MAIL = '719E31BD1F23CD93404A9C7D5E31FEAF7AE4DA12'; // fixtures/certs/mail-fabrikam.pem, in no store

/**
 * The demo server's http.sys mappings, typed from the table in fixtures/demo-server/README.md
 * (the double keeps hashes lower case, as netsh prints them).
 */
const demoMappings: [kind: string, key: string, hash: string, store: string | null, appId?: string][] = [
  ['ipport', '0.0.0.0:443', WILDCARD, 'WebHosting'],
  ['ipport', '0.0.0.0:44300', DEV, 'MY', IIS_EXPRESS],
  ['ipport', '0.0.0.0:44301', DEV, 'MY', IIS_EXPRESS],
  ['ipport', '0.0.0.0:44302', DEV, 'MY', IIS_EXPRESS],
  ['ipport', '10.0.0.5:443', WILDCARD, 'WebHosting'],
  ['ipport', '10.0.0.9:443', WWW, null],
  ['ipport', '[::]:443', WWW, 'MY', SSTP],
  ['ipport', '[2001:db8::5]:443', WWW, 'MY'],
  ['hostnameport', 'www.contoso.com:443', WWW, 'MY'],
  ['hostnameport', 'shop.fabrikam.com:443', EXPIRED, 'MY'],
  ['hostnameport', 'api.contoso.com:443', '0C58C8F853E79952A13D71A912102C6A64697311', 'MY'],
  ['hostnameport', 'billing.contoso.com:443', '494FF9277B05DE81AA69F67D1F65DD041AF732B8', 'MY'],
  ['hostnameport', 'partners.contoso.com:443', 'DE0CD247E75C686FC5F7DC8FAEEBC62466F0BCEA', 'MY'],
  ['hostnameport', 'intranet.contoso.com:443', '881222F4BC07AC2E720E2323622EB264B6524DCE', 'MY'],
  ['hostnameport', 'mail.fabrikam.com:443', MAIL, 'MY'],
  ['hostnameport', 'cdn.contoso.com:443', WILDCARD, 'WebHosting'],
  ['hostnameport', 'old.contoso.com:443', WILDCARD, 'WebHosting'],
];

export type DoubleRecord = {
  kind: string;
  key: string;
  certhash: string | null;
  appid: string;
  certstorename: string | null;
  options: Record<string, string | number>;
};

export function demoRecords(): DoubleRecord[] {
  return demoMappings.map(([kind, key, hash, store, appId]) => ({ kind, key, certhash: hash.toLowerCase(), appid: appId ?? IIS, certstorename: store, options: {} }));
}

export type Server = ReturnType<typeof copyServer>;

/**
 * A private copy of a configuration file in a temp folder, the netsh double holding the demo
 * server's mappings, and the real CLI pointed at both (with the demo's certificate stores).
 */
export function copyServer(configFile = 'fixtures/demo-server/applicationHost.config', records: DoubleRecord[] = demoRecords(), settings: Parameters<typeof useDouble>[1] = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-changes-'));
  const config = path.join(dir, 'applicationHost.config');
  copyFileSync(configFile, config);
  const double = useDouble({ sslcert: records }, settings);
  const original = readFileSync(config);
  /** A netsh that runs `script` (JavaScript, with `args` and `fs` in scope) before passing on to the double. */
  const wrapper = (name: string, script: string) => {
    const file = path.join(dir, '..', `${path.basename(dir)}-${name}.mjs`);
    writeFileSync(
      file,
      `#!/usr/bin/env node
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
const args = process.argv.slice(2);
${script}
process.exit(spawnSync(process.execPath, [${JSON.stringify(netshDouble)}, ...args], { stdio: 'inherit' }).status ?? 1);
`,
    );
    chmodSync(file, 0o755);
    cleanups.push(file);
    return file;
  };
  /**
   * A netsh that logs each call's arguments to a file, then runs `script` (as wrapper's) and passes
   * on to the double; changeCalls are the logged add, update and delete calls, in order.
   */
  const loggingNetsh = (script = '') => {
    const log = path.join(dir, 'netsh-calls.log');
    const netsh = wrapper('log', `fs.appendFileSync(${JSON.stringify(log)}, args.join(' ') + '\\n');\n${script}`);
    const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
    return { netsh, changeCalls: () => calls().filter((call) => /^http (add|update|delete) /.test(call)) };
  };
  return {
    dir,
    config,
    original,
    double,
    bytes: () => readFileSync(config),
    records: () => double.state().sslcert as unknown as DoubleRecord[],
    record: (key: string) => (double.state().sslcert as unknown as DoubleRecord[]).find((record) => record.key.toLowerCase() === key.toLowerCase()),
    /** Files in the folder besides the configuration: backups, and temp files that must not be left. */
    others: () => readdirSync(dir).filter((name) => name !== 'applicationHost.config'),
    cli: (args: string[], netsh = netshDouble) =>
      spawnSync(process.execPath, ['dist/httpapi.js', ...args, '--config', config, '--netsh', netsh, '--certs-dir', 'fixtures/demo-server/certs'], { encoding: 'utf8' }),
    wrapper,
    loggingNetsh,
    dispose: () => {
      double.reset();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const cleanups: string[] = [];
export function removeWrappers(): void {
  for (const file of cleanups.splice(0)) rmSync(file, { force: true });
}

/** The JSON result of a successful run; fails the test with stderr otherwise. */
export function json(run: ReturnType<typeof spawnSync>): Record<string, unknown> & { applied: boolean; steps: Step[]; affected?: { site: string; bindingInformation: string }[]; backup?: string; messages?: string[] } {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${String(run.stderr)}`);
  return JSON.parse(String(run.stdout));
}

export type Step = { kind: 'netsh'; argv: string[] } | { kind: 'config'; file: string; diff: string };

/** The file with `line` (bytes, its line end included) put in after the line holding `anchor` (unique). */
export function withLineAfter(file: Buffer, anchor: string, line: Buffer | string): Buffer {
  const at = file.indexOf(anchor);
  if (at < 0 || file.indexOf(anchor, at + 1) >= 0) throw new Error(`'${anchor}' is not in the file exactly once`);
  const lineEnd = file.indexOf('\n', at) + 1;
  return Buffer.concat([file.subarray(0, lineEnd), Buffer.from(line), file.subarray(lineEnd)]);
}

/** The file without the whole line holding `text` (unique), line end included. */
export function withoutLine(file: Buffer, text: string): Buffer {
  const at = file.indexOf(text);
  if (at < 0 || file.indexOf(text, at + 1) >= 0) throw new Error(`'${text}' is not in the file exactly once`);
  const lineStart = file.lastIndexOf('\n', at) + 1;
  const lineEnd = file.indexOf('\n', at) + 1;
  return Buffer.concat([file.subarray(0, lineStart), file.subarray(lineEnd)]);
}
