import { z } from 'zod';
import { ErrorCatalog } from '../errors.js';
import { paramsInOrder } from './param-fields.js';
import { Methods } from './index.js';
import { RpcErrorCode } from './rpc-error-codes.js';
import { version } from '../version.js';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenRPC 1.3 document of the protocol, derived from the zod schemas so it can never
 * disagree with what the worker validates: params in their input form, results in output form.
 */
export function buildOpenRpcDocument(): Record<string, unknown> {
  return {
    openrpc: '1.3.2',
    info: {
      title: 'HttpApi',
      version,
      description: 'IIS HTTPS bindings joined with http.sys certificate mappings and URL reservations. JSON-RPC 2.0 over stdio with Content-Length framing.',
    },
    methods: Methods.map((definition) => {
      const whole = stripMeta(z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
      return {
        name: definition.method,
        summary: definition.summary,
        paramStructure: 'by-name',
        params: paramsInOrder(definition.params).map((field) => ({
          name: field.name,
          required: field.required,
          schema: stripMeta(z.toJSONSchema(field.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema),
        })),
        // Rules that join several params (the key's shape per kind, users or sddl) cannot live in
        // one param's schema: the whole params object is published beside them as one schema.
        ...(joinsParams(whole) ? { 'x-params-schema': whole } : {}),
        result: { name: 'result', schema: stripMeta(z.toJSONSchema(definition.result, { io: 'output', unrepresentable: 'any' }) as JsonSchema) },
        errors: definition.changes ? (['NOT_ELEVATED', 'NETSH_FAILED', 'CHANGE_ROLLED_BACK', 'ROLLBACK_FAILED', 'CHANGE_INTERRUPTED', 'CONFIG_LOCKED'] as const).map(errorRef) : undefined,
      };
    }),
    components: {
      errors: {
        ...Object.fromEntries(
          Object.entries(ErrorCatalog).map(([id, entry]) => [id, { code: entry.code, message: entry.summary, data: { id } }]),
        ),
        PARSE_ERROR: { code: RpcErrorCode.ParseError, message: 'Malformed JSON.' },
        INVALID_REQUEST: { code: RpcErrorCode.InvalidRequest, message: 'Not a valid JSON-RPC 2.0 request.' },
        METHOD_NOT_FOUND: { code: RpcErrorCode.MethodNotFound, message: 'Unknown method.' },
        INVALID_PARAMS: { code: RpcErrorCode.InvalidParams, message: 'Params fail validation; the message names the field, data.issues lists every problem.' },
        REQUEST_CANCELLED: { code: RpcErrorCode.RequestCancelled, message: 'Cancelled by $/cancelRequest.' },
      },
    },
  };
}

function errorRef(id: keyof typeof ErrorCatalog) {
  return { $ref: `#/components/errors/${id}` };
}

function joinsParams(schema: JsonSchema): boolean {
  return 'oneOf' in schema || 'anyOf' in schema || 'not' in schema;
}

function stripMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
