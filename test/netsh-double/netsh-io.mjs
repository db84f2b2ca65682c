// Output and state of the netsh double (see netsh.mjs).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const env = process.env;

/** Thrown by fail() to end the command once its output is written. */
export class Exit extends Error {}

export function write(lines, code) {
  const text = lines.join('\r\n') + '\r\n';
  const codePage = env.HTTPAPI_NETSH_CODEPAGE;
  if (codePage && codePage !== '65001') {
    const iconv = createRequire(import.meta.url)('iconv-lite');
    process.stdout.write(iconv.encode(text, `cp${codePage}`));
  } else {
    process.stdout.write(text);
  }
  process.exitCode = code;
}
export function fail(lines, code = 1) {
  write(lines, code);
  throw new Exit();
}

export function loadState() {
  const file = env.HTTPAPI_NETSH_STATE;
  if (!file) return { sslcert: [], urlacl: [] };
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { sslcert: state.sslcert ?? [], urlacl: state.urlacl ?? [] };
  } catch (error) {
    if (error.code === 'ENOENT') return { sslcert: [], urlacl: [] };
    throw error;
  }
}
export function saveState(state) {
  if (env.HTTPAPI_NETSH_STATE) fs.writeFileSync(env.HTTPAPI_NETSH_STATE, JSON.stringify(state, null, 2));
}

