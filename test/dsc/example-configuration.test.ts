import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { removeWrappers } from '../changes/demo-server.js';
import { dscAjv, drive, manifest, root } from './drive-resource.js';
import { dscServer, type DscServer } from './dsc-server.js';

// examples/contoso-https.dsc.config.json, applied the way `dsc config set` applies it: each
// instance in order (dependsOn keeps that order), test first, set where it is not in the desired state.
type Instance = { name: string; type: string; dependsOn?: string[]; properties: Record<string, unknown> };
const document = JSON.parse(readFileSync(path.join(root, 'examples/contoso-https.dsc.config.json'), 'utf8')) as { resources: Instance[] };
let server: DscServer | undefined;
afterEach(() => {
  server?.dispose();
  server = undefined;
});
afterAll(() => removeWrappers());

describe('the example DSC configuration document', () => {
  it('every instance is valid for its resource, and names are unique and DSC-shaped', () => {
    const ajv = dscAjv();
    for (const instance of document.resources) {
      const validate = ajv.compile(manifest(instance.type).schema.embedded);
      expect(validate(instance.properties), `${instance.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(instance.name).toMatch(/^[a-zA-Z0-9 ]+$/);
    }
    expect(new Set(document.resources.map((instance) => instance.name)).size).toBe(document.resources.length);
  });

  it('applied to a copy of the demo server: everything out of state is set, then every test is true and a second pass changes nothing', () => {
    server = dscServer(undefined, [{ url: 'http://reports.contoso.com:8081/', users: [], sddl: 'D:(A;;GX;;;S-1-5-21-3623811015-3361044348-30300820-1105)' }]);
    const copy = server;
    const withSource = (instance: Instance) => ({ ...instance.properties, source: copy.source });
    const outOfState = document.resources.filter((instance) => {
      const run = drive(instance.type, 'test', withSource(instance));
      expect(run.status, run.stderr).toBe(0);
      return run.lines[0] && (run.lines[0] as { _inDesiredState: boolean })._inDesiredState === false;
    });
    expect(outOfState.map((instance) => instance.name)).toEqual(['Contoso WWW mapping', 'Contoso WWW new name', 'Admin binding', 'Reports reservation', 'Old reports reservation']);
    for (const instance of outOfState) expect(drive(instance.type, 'set', withSource(instance)).status).toBe(0);
    const changes = copy.changes().length;
    const config = copy.bytes();
    for (const instance of document.resources) {
      expect((drive(instance.type, 'test', withSource(instance)).lines[0] as { _inDesiredState: boolean })._inDesiredState, instance.name).toBe(true);
      expect(drive(instance.type, 'set', withSource(instance)).lines[1]).toEqual([]);
    }
    expect(copy.changes()).toHaveLength(changes);
    expect(copy.bytes().equals(config)).toBe(true);
    expect(config.toString('utf8')).toContain('<binding protocol="https" bindingInformation="*:443:contoso.com" sslFlags="1" />');
  }, 240_000);
});
