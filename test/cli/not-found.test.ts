import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';
import { demo, httpapi, type Run } from './run-cli.js';

/**
 * One rule: a named object that does not exist is NOT_FOUND (exit 1, one line naming the closest
 * names); a filter that matches nothing is an empty list (exit 0). The expected names are read
 * off the demo server's own files (fixtures/demo-server), not off our output.
 */
function expectNotFound(run: Run, message: string): void {
  expect(run.stdout).toBe('');
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`httpapi: ${message}\n`);
}

const config = `${process.cwd()}/fixtures/demo-server/applicationHost.config`;

describe('a name that does not exist: NOT_FOUND, rc 1, the closest names', () => {
  it('sites --site', async () => {
    expectNotFound(await httpapi(['sites', ...demo, '--site', 'Contoso WW']), `No site named 'Contoso WW' in ${config}; did you mean 'Contoso WWW' or 'Contoso WWW (staging)'?`);
  });

  it('bindings --site', async () => {
    expectNotFound(await httpapi(['bindings', ...demo, '--site', 'Fabrikam Shopp']), `No site named 'Fabrikam Shopp' in ${config}; did you mean 'Fabrikam Shop'?`);
  });

  it('a name close to nothing lists a few of the names there are', async () => {
    expectNotFound(await httpapi(['sites', ...demo, '--site', 'zzzzzzzzzzzz']), `No site named 'zzzzzzzzzzzz' in ${config}; none is close; there are 17: 'Default Web Site', 'Contoso WWW', 'Contoso WWW (staging)', 'Fabrikam Shop', 'Contoso API', ....`);
  });

  it('binding remove --site (a change names its site too)', async () => {
    const run = await httpapi(['binding', 'remove', ...demo, '--site', 'Billin', '--protocol', 'https', '--binding-information', '*:443:billing.contoso.com', '--what-if']);
    expectNotFound(run, `No site named 'Billin' in ${config}; did you mean 'Billing'?`);
  });

  it('sslcert --key', async () => {
    expectNotFound(await httpapi(['sslcert', ...demo, '--key', 'shop.fabrikam.com:4443']), "No SSL certificate mapping 'shop.fabrikam.com:4443' in http.sys; did you mean 'shop.fabrikam.com:443'?");
    expectNotFound(await httpapi(['sslcert', ...demo, '--kind', 'ipport', '--key', '10.0.0.6:443']), "No ipport mapping '10.0.0.6:443' in http.sys; did you mean '10.0.0.5:443', '10.0.0.9:443' or '0.0.0.0:443'?");
  });

  it('urlacl --url', async () => {
    expectNotFound(await httpapi(['urlacl', ...demo, '--url', 'http://+:5986/wsman/']), "No URL reservation 'http://+:5986/wsman/' in http.sys; did you mean 'http://+:5985/wsman/'?");
  });

  it('certificates --thumbprint', async () => {
    expectNotFound(
      await httpapi(['certificates', ...demo, '--thumbprint', '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F6']),
      "No certificate with thumbprint '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F6' in the certificate stores; did you mean '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5'?",
    );
  });
});

describe('a filter that matches nothing: empty, rc 0', () => {
  it('sslcert --kind ccs (the demo server has no CCS mapping)', async () => {
    const run = await httpapi(['sslcert', ...demo, '--kind', 'ccs', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).mappings).toEqual([]);
    const table = await httpapi(['sslcert', ...demo, '--kind', 'ccs']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^\(no SSL certificate mappings\)\n/);
  });

  it('certificates --store Root (no such folder under certs/)', async () => {
    const run = await httpapi(['certificates', ...demo, '--store', 'Root']);
    expect(run).toEqual({ code: 0, stdout: '(no certificates)\n', stderr: '' });
  });
});

describe('over JSON-RPC: code 1002, data.id NOT_FOUND and data.closest', () => {
  let worker: WorkerClient;
  beforeAll(async () => {
    worker = await startWorker([...demo]);
  });
  afterAll(async () => {
    await worker.close();
  });

  it.each([
    ['sites/list', { site: 'contoso ww' }, ['Contoso WWW', 'Contoso WWW (staging)']],
    ['bindings/https', { site: 'Kiosc' }, ['Kiosk']],
    ['sslcert/list', { key: 'www.contoso.com:4443' }, ['www.contoso.com:443']],
    ['urlacl/list', { url: 'http://+:47002/wsman/' }, ['http://+:47001/wsman/']],
  ])('%s %j', async (method, params, closest) => {
    const error = await worker.connection.sendRequest(method, params).then(
      () => expect.fail('should be NOT_FOUND'),
      (caught: { code: number; data: { id: string; closest: string[] } }) => caught,
    );
    expect(error.code).toBe(1002);
    expect(error.data.id).toBe('NOT_FOUND');
    expect(error.data.closest).toEqual(closest);
  });
});
