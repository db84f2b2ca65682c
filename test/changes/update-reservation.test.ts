import { existsSync, writeFileSync } from 'node:fs';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { copyServer, json, removeWrappers, type Server } from './demo-server.js';

// urlacl/update end to end, through the CLI and JSON-RPC, against the netsh double behind a netsh
// that logs every call (and fails the ones named), so the log proves what ran and what was undone.
const BEFORE = 'D:(A;;GX;;;BU)';
const AFTER = 'D:(A;;GX;;;WD)';

let server: Server;
let worker: WorkerClient | undefined;
beforeEach(() => {
  server = copyServer(undefined, []);
  writeFileSync(server.double.statePath, JSON.stringify({ sslcert: [], urlacl: [{ url: 'http://+:8080/app/', users: [], sddl: BEFORE }] }));
});
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  server.dispose();
});
afterAll(removeWrappers);

const reservations = () => server.double.state().urlacl.map(({ url, sddl }) => ({ url, sddl }));

describe('urlacl update', () => {
  it('deletes the reservation and adds it again with the new access list', () => {
    const { netsh, changeCalls } = server.loggingNetsh();
    const result = json(server.cli(['urlacl', 'update', '--url', 'http://+:8080/app/', '--sddl', AFTER, '--json'], netsh));
    expect(result.steps.map((step) => (step as { argv: string[] }).argv)).toEqual([
      ['http', 'delete', 'urlacl', 'url=http://+:8080/app/'],
      ['http', 'add', 'urlacl', 'url=http://+:8080/app/', `sddl=${AFTER}`],
    ]);
    expect(changeCalls()).toEqual(['http delete urlacl url=http://+:8080/app/', `http add urlacl url=http://+:8080/app/ sddl=${AFTER}`]);
    expect(reservations()).toEqual([{ url: 'http://+:8080/app/', sddl: AFTER }]);
    expect(result.messages).toContainEqual(`The reservation's access list was ${BEFORE}.`);
  });

  it('whatIf plans both steps and runs none', () => {
    const { netsh, changeCalls } = server.loggingNetsh();
    const plan = json(server.cli(['urlacl', 'update', '--url', 'http://+:8080/app/', '--users', '[{"user":"Everyone"}]', '--what-if', '--json'], netsh));
    expect(plan.applied).toBe(false);
    expect(plan.steps).toHaveLength(2);
    expect(changeCalls()).toEqual([]);
  });

  it('a URL that is not reserved is NOT_FOUND before any netsh change, in a plan too', () => {
    const { netsh, changeCalls } = server.loggingNetsh();
    for (const whatIf of [[], ['--what-if']]) {
      const run = server.cli(['urlacl', 'update', '--url', 'http://+:9090/', '--sddl', AFTER, ...whatIf, '--json'], netsh);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/URL reservation 'http:\/\/\+:9090\/'/);
    }
    expect(changeCalls()).toEqual([]);
    expect(reservations()).toEqual([{ url: 'http://+:8080/app/', sddl: BEFORE }]);
  });

  it('through JSON-RPC: the add fails, and the reservation is put back with its old SDDL (the log shows the undo)', async () => {
    const { netsh, changeCalls } = server.loggingNetsh(`if (args[1] === 'add' && args.includes('sddl=${AFTER}')) process.env.HTTPAPI_NETSH_ELEVATED = '0';`);
    worker = await startWorker([], { env: { ...process.env, ...server.double.env } });
    const source = { configPath: server.config, netshPath: netsh };
    const error = await worker.connection.sendRequest('urlacl/update', { url: 'http://+:8080/app/', sddl: AFTER, source }).then(
      () => undefined,
      (failure: unknown) => failure as ResponseError<Record<string, unknown>>,
    );
    expect(error?.data).toMatchObject({ id: 'CHANGE_ROLLED_BACK', rolledBack: true, failedStep: { index: 2 } });
    expect(changeCalls()).toEqual(['http delete urlacl url=http://+:8080/app/', `http add urlacl url=http://+:8080/app/ sddl=${AFTER}`, `http add urlacl url=http://+:8080/app/ sddl=${BEFORE}`]);
    expect(reservations()).toEqual([{ url: 'http://+:8080/app/', sddl: BEFORE }]);
    expect(existsSync(`${server.config}.httpapi-journal.json`)).toBe(false);
  });
});
