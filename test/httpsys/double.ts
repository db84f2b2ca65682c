import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The netsh test double (test/netsh-double/netsh.mjs): an executable node script, run like netsh.exe. */
export const netshDouble = fileURLToPath(new URL('../netsh-double/netsh.mjs', import.meta.url));

export interface DoubleState {
  sslcert?: Record<string, unknown>[];
  urlacl?: { url: string; users: { user: string; listen: boolean; delegate: boolean }[]; sddl: string }[];
}

const variables = ['HTTPAPI_NETSH_STATE', 'HTTPAPI_NETSH_LAYOUT', 'HTTPAPI_NETSH_LOCALE', 'HTTPAPI_NETSH_ELEVATED', 'HTTPAPI_NETSH_JSON', 'HTTPAPI_NETSH_CODEPAGE'] as const;
type Variable = (typeof variables)[number];

/**
 * Points the double at a fresh state file through the environment it inherits. Returns the
 * state file and a reader; `reset` puts the environment back.
 */
export function useDouble(state: DoubleState = {}, settings: Partial<Record<Variable, string>> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'httpapi-netsh-'));
  const statePath = path.join(dir, 'state.json');
  writeFileSync(statePath, JSON.stringify({ sslcert: [], urlacl: [], ...state }));
  const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
  for (const name of variables) delete process.env[name];
  Object.assign(process.env, { HTTPAPI_NETSH_STATE: statePath, ...settings });
  return {
    statePath,
    dir,
    env: { HTTPAPI_NETSH_STATE: statePath, ...settings },
    state: () => JSON.parse(readFileSync(statePath, 'utf8')) as Required<DoubleState>,
    set: (name: Variable, value: string | undefined) => {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    },
    reset: () => {
      for (const name of variables) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    },
  };
}
