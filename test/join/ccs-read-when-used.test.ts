import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerState } from '../../src/join/load-server-state.js';
import { resolveSource } from '../../src/source/resolve-source.js';

// A folder that does not exist: if the store is read, its note says the checks were skipped.
const absent = path.resolve('fixtures/no-such-ccs-folder');
const ccsNotes = (notes: string[]) => notes.filter((note) => note.startsWith('Central Certificate Store'));

describe('the Central Certificate Store is read only when something uses it', () => {
  it('not for a server whose bindings and mappings use no CCS (live, that saves two reg.exe runs and a share per request)', async () => {
    const state = await loadServerState(resolveSource({ snapshot: 'fixtures/iisexpress-demo', ccsDir: absent }));
    expect(state.ccs).toBeNull();
    expect(ccsNotes(state.notes)).toEqual([]);
  });

  it('for a server with CCS bindings and a ccs mapping', async () => {
    const state = await loadServerState(resolveSource({ snapshot: 'fixtures/shapes-server', ccsDir: absent }));
    expect(state.ccs?.folderProblem).toMatch(/no-such-ccs-folder cannot be read/);
    expect(ccsNotes(state.notes)).toEqual([expect.stringMatching(/^Central Certificate Store checks skipped: .*no-such-ccs-folder cannot be read/)]);
  });
});
