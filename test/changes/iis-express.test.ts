import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyServer, DEV, IIS_EXPRESS, json, withLineAfter, type Server } from './demo-server.js';

// A real Visual Studio IIS Express file (corpus 051: BOM, CRLF, Cyrillic in a physicalPath, no
// final newline, two-space indentation), its copy changed through the CLI with the netsh double.
const corpus051 = 'fixtures/corpus/applicationhost/051.config';
const LINE = '          <binding protocol="https" bindingInformation="*:44385:localhost" />\r\n';

let server: Server;
beforeEach(() => {
  server = copyServer(corpus051, []);
});
afterEach(() => server.dispose());

describe('binding add/remove on an IIS Express file with a BOM and CRLF', () => {
  it('maps with IIS Express\'s app id, inserts one CRLF line in the file\'s indentation, and removing it restores every byte', () => {
    expect(server.original.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const added = json(server.cli(['binding', 'add', '--site', 'WebApplication1', '--protocol', 'https', '--port', '44385', '--host', 'localhost', '--certificate-hash', DEV, '--json']));
    expect(added.steps[0]).toMatchObject({ argv: ['http', 'add', 'sslcert', 'ipport=0.0.0.0:44385', `certhash=${DEV}`, `appid=${IIS_EXPRESS}`, 'certstorename=MY'] });
    expect(server.bytes().equals(withLineAfter(server.original, 'bindingInformation="*:44384:localhost"', LINE))).toBe(true);
    expect(server.record('0.0.0.0:44385')).toMatchObject({ appid: IIS_EXPRESS });

    const removed = json(server.cli(['binding', 'remove', '--site', 'WebApplication1', '--protocol', 'https', '--binding-information', '*:44385:localhost', '--json']));
    expect(removed.steps.map((step) => step.kind)).toEqual(['config', 'netsh']);
    expect(server.bytes().equals(server.original)).toBe(true);
    expect(server.records()).toEqual([]);
  });
});
