import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ErrorCatalog } from '../../src/errors.js';
import { paramFields } from '../../src/protocol/param-fields.js';
import { Methods } from '../../src/protocol/index.js';
import { startWorker, type WorkerClient } from '../helpers/worker-client.js';

// Both packages declare only types; the schemas themselves are plain CommonJS values.
const require = createRequire(import.meta.url);
const { openrpcDocument } = require('@open-rpc/meta-schema') as { openrpcDocument: Record<string, unknown> };
const { jsonSchema } = require('@json-schema-tools/meta-schema') as { jsonSchema: Record<string, unknown> };

interface ContentDescriptor {
  name: string;
  required?: boolean;
  schema: Record<string, unknown>;
}
interface MethodObject {
  name: string;
  params: ContentDescriptor[];
  result: ContentDescriptor;
}
interface Document {
  openrpc: string;
  methods: MethodObject[];
  components?: { errors?: Record<string, { code: number }> };
}

let worker: WorkerClient;
let document: Document;

beforeAll(async () => {
  worker = await startWorker();
  document = await worker.connection.sendRequest<Document>('rpc.discover', {});
});
afterAll(async () => {
  await worker.close();
});

describe('rpc.discover', () => {
  it('is valid against the official OpenRPC meta-schema', () => {
    // Both meta-schemas declare the dialect https://meta.json-schema.tools/ (draft-07 keywords),
    // which Ajv does not know by name; the OpenRPC one also $refs it for every schema object.
    const { $schema: _openRpcDialect, ...metaSchema } = openrpcDocument;
    const { $schema: _schemaDialect, ...schemaMetaSchema } = jsonSchema;
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    // It is referred to both with and without the trailing slash of its $id.
    ajv.addSchema(schemaMetaSchema);
    ajv.addSchema({ ...schemaMetaSchema, $id: 'https://meta.json-schema.tools' });
    const validate = ajv.compile(metaSchema);
    const valid = validate(document);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not vacuous: a content descriptor without its schema is refused.
    const broken = structuredClone(document);
    broken.methods[0]!.params.push({ name: 'broken' } as ContentDescriptor);
    expect(validate(broken)).toBe(false);
  });

  it('lists every protocol method, in the protocol order', () => {
    expect(document.methods.map((method) => method.name)).toEqual(Methods.map((definition) => definition.method));
  });

  it('describes each method with its params (names and required flags) and result', () => {
    for (const definition of Methods) {
      const method = document.methods.find((candidate) => candidate.name === definition.method)!;
      const fields = paramFields(definition.params);
      expect([...method.params.map((param) => param.name)].sort(), definition.method).toEqual(fields.map((field) => field.name).sort());
      for (const param of method.params) {
        // A param is required exactly when no form of the params accepts its absence.
        const forms = 'options' in definition.params ? (definition.params.options as z.ZodObject[]) : [definition.params as unknown as z.ZodObject];
        const acceptsAbsence = forms.some((form) => !(param.name in form.shape) || form.shape[param.name]!.safeParse(undefined).success);
        expect(param.required, `${definition.method} ${param.name}`).toBe(!acceptsAbsence);
      }
      expect(method.result.schema, definition.method).toMatchObject({ type: 'object' });
    }
  });

  it('lists required params before optional ones in every method (OpenRPC 1.3: "all optional params MUST be positioned after all required params")', () => {
    const misplaced = document.methods.flatMap((method) => {
      const firstOptional = method.params.findIndex((param) => !param.required);
      return method.params.slice(firstOptional < 0 ? method.params.length : firstOptional).filter((param) => param.required).map((param) => `${method.name} ${param.name}`);
    });
    expect(misplaced).toEqual([]);
    // Methods with both kinds exist, so the rule is not met vacuously.
    expect(document.methods.filter((method) => method.params.some((param) => param.required) && method.params.some((param) => !param.required)).length).toBeGreaterThan(5);
  });

  it('publishes the per-kind key shapes and "users or sddl" in the params schema of the methods whose params join', () => {
    const add = document.methods.find((method) => method.name === 'sslcert/add')! as MethodObject & { 'x-params-schema'?: { oneOf?: { properties: Record<string, { const?: string; pattern?: string }> }[] } };
    const forms = add['x-params-schema']?.oneOf ?? [];
    expect(forms.map((form) => form.properties.kind?.const)).toEqual(['ipport', 'hostnameport', 'ccs', 'scopedccs']);
    const ipport = new RegExp(forms[0]!.properties.key!.pattern!, 'u');
    expect(['0.0.0.0:443', '[::]:443', '10.0.0.5:8443'].every((key) => ipport.test(key))).toBe(true);
    expect(['www.contoso.com:443', '443', '0.0.0.0:0', '256.0.0.1:443'].some((key) => ipport.test(key))).toBe(false);
    const hash = add.params.find((param) => param.name === 'certificateHash')!;
    expect(hash.required).toBe(false);
    expect(new RegExp((hash.schema as { pattern: string }).pattern, 'u').test('8a 79 7a ef 3f 7f bc 8c 14 8d dc 6c bd a8 65 54 c4 29 72 f5')).toBe(true);
    expect(new RegExp((hash.schema as { pattern: string }).pattern, 'u').test('8a797aef3f7fbc8c148ddc6cbda86554c42972f')).toBe(false);
    // The published schema itself refuses what the worker refuses across params.
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(add['x-params-schema']!);
    const appId = '{4dc3e181-e14b-4a21-b022-59fc669b0914}';
    const certificateHash = '8A797AEF3F7FBC8C148DDC6CBDA86554C42972F5';
    expect(validate({ kind: 'ccs', key: '443', appId })).toBe(true);
    expect(validate({ kind: 'ipport', key: '[::]:443', appId, certificateHash })).toBe(true);
    expect(validate({ kind: 'ccs', key: '443', appId, certificateHash })).toBe(false);
    expect(validate({ kind: 'ipport', key: '0.0.0.0:443', appId })).toBe(false);
    expect(validate({ kind: 'ipport', key: 'www.contoso.com:443', appId, certificateHash })).toBe(false);
    const urlacl = document.methods.find((method) => method.name === 'urlacl/add')! as MethodObject & { 'x-params-schema'?: { oneOf?: unknown[] } };
    expect(urlacl['x-params-schema']?.oneOf).toEqual([{ properties: { users: {} }, required: ['users'] }, { properties: { sddl: {} }, required: ['sddl'] }]);
  });

  it('gives params and result schemas that compile as strict draft-07 JSON Schema (the dialect OpenRPC 1.3 names)', () => {
    // `format` is an annotation (date-time, uuid, ...), not something these schemas must enforce.
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, validateFormats: false, allErrors: true });
    const failures: string[] = [];
    for (const method of document.methods) {
      const whole = (method as MethodObject & { 'x-params-schema'?: Record<string, unknown> })['x-params-schema'];
      for (const descriptor of [...method.params, method.result, ...(whole ? [{ name: 'x-params-schema', schema: whole }] : [])]) {
        try {
          ajv.compile(descriptor.schema);
        } catch (error) {
          failures.push(`${method.name} ${descriptor.name}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('publishes the error table: JSON-RPC codes and every domain code', () => {
    const codes = Object.values(document.components?.errors ?? {}).map((error) => error.code);
    expect(codes).toEqual(expect.arrayContaining([-32700, -32600, -32601, -32602, -32800, ...Object.values(ErrorCatalog).map((entry) => entry.code)]));
  });

  it('matches the committed docs/openrpc.json (regenerate it with `node scripts/openrpc.mjs`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/openrpc.json', import.meta.url), 'utf8')) as unknown;
    expect(committed, 'docs/openrpc.json is stale: run `node scripts/openrpc.mjs` and commit the result').toEqual(document);
  });
});
