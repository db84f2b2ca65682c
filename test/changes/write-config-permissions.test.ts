import { chmodSync, chownSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServer, json, removeWrappers, type Server } from './demo-server.js';

// A change must leave applicationHost.config as readable and writable to the same people as
// before: the new file replaces the old by rename, so its mode and owner are whatever the writer
// gives the temporary file. Checked end to end through the real CLI on a copy of the demo server
// (Linux here; the Windows ACL side is the Windows issue's).
let server: Server;
beforeEach(() => {
  server = copyServer();
});
afterEach(() => server.dispose());
afterAll(removeWrappers);

/** A config-only change (an http binding, so netsh is not involved). */
const change = () =>
  json(server.cli(['binding', 'remove', '--site', 'Contoso WWW (staging)', '--protocol', 'http', '--binding-information', '*:80:www.contoso.com', '--json']));

const isRoot = process.getuid?.() === 0;

describe('the configuration write keeps permission bits and ownership', () => {
  // 0660 and 0604 are not reachable through the usual umask 022 from 0666: a writer that creates
  // the file with the old mode but lets the umask apply loses the group write bit.
  it.each([0o640, 0o600, 0o660, 0o604].map((mode) => ({ mode, octal: `0${mode.toString(8)}` })))('mode $octal survives a change, on the file and its backup', ({ mode }) => {
    chmodSync(server.config, mode);
    const result = change();
    expect(result.applied).toBe(true);
    expect(server.bytes().equals(server.original)).toBe(false);
    expect((statSync(server.config).mode & 0o7777).toString(8)).toBe(mode.toString(8));
    expect((statSync(result.backup!).mode & 0o7777).toString(8)).toBe(mode.toString(8));
  });

  // Only root can give a file away; as any other user the test says why it does not run.
  it.skipIf(!isRoot)('uid and gid survive a change made as root (skipped unless running as root: chown needs it)', () => {
    chmodSync(server.config, 0o640);
    chownSync(server.config, 1234, 2345);
    const result = change();
    expect(result.applied).toBe(true);
    const after = statSync(server.config);
    expect({ uid: after.uid, gid: after.gid, mode: (after.mode & 0o7777).toString(8) }).toEqual({ uid: 1234, gid: 2345, mode: '640' });
    const backup = statSync(result.backup!);
    expect({ uid: backup.uid, gid: backup.gid }).toEqual({ uid: 1234, gid: 2345 });
  });
});
