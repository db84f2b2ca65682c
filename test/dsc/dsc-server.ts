import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyServer, type DoubleRecord } from '../changes/demo-server.js';

type Reservation = { url: string; users: { user: string; listen: boolean; delegate: boolean }[]; sddl: string };

/**
 * A copy of a sample server for DSC runs: its applicationHost.config in a temp folder, the netsh
 * double holding its mappings behind a wrapper that logs every change command (the double keeps
 * no log of its own), and the source an instance names to act on them.
 */
/** `before`: JavaScript the netsh wrapper runs first (with `args` in scope), e.g. to make one command fail. */
export function dscServer(records?: DoubleRecord[], urlacl: Reservation[] = [], before = '') {
  const server = copyServer(undefined, records);
  const state = JSON.parse(readFileSync(server.double.statePath, 'utf8')) as Record<string, unknown>;
  writeFileSync(server.double.statePath, JSON.stringify({ ...state, urlacl }));
  const log = path.join(server.dir, '..', `${path.basename(server.dir)}-netsh.log`);
  const netsh = server.wrapper('log', `${before}\nif (['add', 'update', 'delete'].includes(args[1])) fs.appendFileSync(${JSON.stringify(log)}, args.join(' ') + '\\n');`);
  return {
    ...server,
    source: { configPath: server.config, netshPath: netsh, certsDir: 'fixtures/demo-server/certs' },
    /** The netsh change commands run so far, one line each. */
    changes: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    dispose: () => {
      server.dispose();
      rmSync(log, { force: true });
    },
  };
}

export type DscServer = ReturnType<typeof dscServer>;
