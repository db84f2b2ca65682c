import { z } from 'zod';
import { version } from '../version.js';
import { dscExitCodes } from './dsc-exit-codes.js';
import type { DscResource } from './dsc-resource.js';

/** The executable every manifest names: the CLI as `npm install -g` or `npm link` puts it on PATH. */
export const dscExecutable = 'httpapi';

// DSC recognizes its canonical properties by these exact references (resource-manifest.json, embedded schema).
const canonical = 'https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3/resource/properties';

/** The instance schema DSC validates input against: the resource's zod schema in its input form. */
export function instanceJsonSchema(resource: DscResource): Record<string, unknown> {
  const schema = z.toJSONSchema(resource.schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown> & { properties: Record<string, unknown> };
  return {
    ...schema,
    title: resource.type,
    description: resource.description,
    properties: {
      ...schema.properties,
      _exist: { $ref: `${canonical}/exist.json` },
      _inDesiredState: { $ref: `${canonical}/inDesiredState.json` },
    },
  };
}

/** `HttpApi.HttpsBinding.dsc.resource.json` and its siblings. */
export const manifestFileName = (resource: DscResource) => `${resource.type.replace('/', '.')}.dsc.resource.json`;

/**
 * The DSC v3 command resource manifest: every operation runs `httpapi dsc <Name> <operation>`
 * with the instance as JSON on stdin; set and test answer state and the differing properties.
 */
export function resourceManifest(resource: DscResource): Record<string, unknown> {
  const call = (...words: string[]) => ({ executable: dscExecutable, args: ['dsc', resource.name, ...words], input: 'stdin' });
  return {
    $schema: 'https://aka.ms/dsc/schemas/v3/bundled/resource/manifest.json',
    type: resource.type,
    version,
    description: resource.description,
    tags: ['Windows', 'IIS', 'HttpSys', 'HTTPS'],
    get: call('get'),
    set: { ...call('set'), implementsPretest: true, handlesExist: true, return: 'stateAndDiff' },
    whatIf: { ...call('set', '--what-if'), implementsPretest: true, handlesExist: true, return: 'stateAndDiff' },
    test: { ...call('test'), return: 'stateAndDiff' },
    delete: call('delete'),
    export: call('export'),
    exitCodes: Object.fromEntries(Object.entries(dscExitCodes)),
    schema: { embedded: instanceJsonSchema(resource) },
  };
}
