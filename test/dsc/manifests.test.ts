import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dscAjv, manifest, manifestFiles, manifestSchema, root } from './drive-resource.js';

const types = ['HttpApi/HttpsBinding', 'HttpApi/SslCertMapping', 'HttpApi/UrlReservation'];
const ajv = dscAjv();
const validateManifest = ajv.compile(manifestSchema);

type Schema = Record<string, unknown> & { properties?: Record<string, Schema> };
const methods = (JSON.parse(readFileSync(path.join(root, 'docs/openrpc.json'), 'utf8')) as { methods: { name: string; params: { name: string; schema: Schema }[] }[] }).methods;
const param = (method: string, name: string) => methods.find((entry) => entry.name === method)?.params.find((entry) => entry.name === name)?.schema;
const withoutDescription = (schema: Schema | undefined): unknown => JSON.parse(JSON.stringify(schema ?? null, (key, value) => (key === 'description' ? undefined : value)));

/** Which method's params each property of a resource is the same as (the method that sets it). */
const origins: Record<string, Record<string, string>> = {
  'HttpApi/HttpsBinding': { site: 'bindings/setCertificate', bindingInformation: 'bindings/setCertificate', sslFlags: 'bindings/add', certificateHash: 'bindings/add', certificateSubject: 'bindings/add', certificateStoreName: 'bindings/setCertificate', allowSharedMapping: 'bindings/setCertificate', source: 'bindings/add' },
  'HttpApi/SslCertMapping': { kind: 'sslcert/add', key: 'sslcert/add', certificateHash: 'sslcert/add', appId: 'sslcert/add', certificateStoreName: 'sslcert/add', allowSharedMapping: 'sslcert/delete', source: 'sslcert/add' },
  'HttpApi/UrlReservation': { url: 'urlacl/add', users: 'urlacl/add', sddl: 'urlacl/add', source: 'urlacl/add' },
};

describe('DSC resource manifests', () => {
  it('ships one manifest per resource, in dsc/', () => {
    expect(manifestFiles.sort()).toEqual(types.map((type) => `${type.replace('/', '.')}.dsc.resource.json`).sort());
  });

  it.each(types)('%s validates against the DSC v3 manifest schema (draft 2020-12)', (type) => {
    const valid = validateManifest(manifest(type));
    expect(valid, ajv.errorsText(validateManifest.errors)).toBe(true);
  });

  it('the manifest schema is not a rubber stamp: a manifest with stdin input and a jsonInputArg, or an unknown return kind, fails it', () => {
    const good = manifest('HttpApi/UrlReservation');
    expect(validateManifest({ ...good, get: { executable: 'httpapi', args: ['dsc', { jsonInputArg: '--input' }, { jsonInputArg: '--again' }], input: 'stdin' } })).toBe(false);
    expect(validateManifest({ ...good, set: { ...(good.set as object), return: 'everything' } })).toBe(false);
    expect(validateManifest({ ...good, type: 'HttpApi' })).toBe(false);
  });

  it.each(types)('%s: the committed manifest is what the CLI prints (scripts/dsc-manifests.mjs regenerates it)', (type) => {
    const printed = spawnSync(process.execPath, ['dist/httpapi.js', 'dsc', 'manifest', type.split('/')[1]!], { cwd: root, encoding: 'utf8' });
    expect(printed.status, printed.stderr).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(manifest(type));
  });

  it.each(types)('%s: every property is the param of the method that sets it, same schema', (type) => {
    const properties = manifest(type).schema.embedded.properties as Record<string, Schema>;
    for (const [name, method] of Object.entries(origins[type]!)) {
      expect(param(method, name), `${method} has no param ${name}`).toBeDefined();
      expect(withoutDescription(properties[name]), `${type}.${name} vs ${method}`).toEqual(withoutDescription(param(method, name)));
    }
    const canonical = ['_exist', '_inDesiredState', 'options'];
    expect(Object.keys(properties).filter((name) => !canonical.includes(name)).sort()).toEqual(Object.keys(origins[type]!).sort());
    expect(properties._exist).toEqual({ $ref: 'https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3/resource/properties/exist.json' });
  });

  it('SslCertMapping options are named as sslcert/list names them, and only those netsh can set', () => {
    const options = Object.keys((manifest('HttpApi/SslCertMapping').schema.embedded.properties as Record<string, Schema>).options!.properties!);
    const listed = spawnSync(process.execPath, ['dist/httpapi.js', 'sslcert', '--sslcert-file', 'fixtures/corpus/netsh/sslcert-en-win10-01.txt', '--json'], { cwd: root, encoding: 'utf8' });
    const printed = (JSON.parse(listed.stdout) as { mappings: { options: { name: string; parameter: string | null }[] }[] }).mappings[0]!.options;
    const settable = printed.filter((option) => option.parameter !== null).map((option) => option.name);
    expect(settable.length).toBeGreaterThan(5);
    for (const name of settable) expect(options).toContain(name);
    for (const option of printed.filter((entry) => entry.parameter === null)) expect(options).not.toContain(option.name);
  });

  it.each(types)('%s: the embedded instance schema accepts an instance and refuses an unknown property', (type) => {
    const validate = ajv.compile(manifest(type).schema.embedded);
    const instances: Record<string, Record<string, unknown>> = {
      'HttpApi/HttpsBinding': { site: 'Contoso WWW', bindingInformation: '*:443:www.contoso.com', sslFlags: 1, _exist: true },
      'HttpApi/SslCertMapping': { kind: 'hostnameport', key: 'www.contoso.com:443', appId: '{4dc3e181-e14b-4a21-b022-59fc669b0914}', options: { clientCertNegotiation: true } },
      'HttpApi/UrlReservation': { url: 'http://+:8080/', users: [{ user: 'Everyone' }] },
    };
    expect(validate(instances[type]), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...instances[type], colour: 'blue' })).toBe(false);
    expect(validate({ ...instances[type], _exist: 'yes' })).toBe(false);
  });
});
