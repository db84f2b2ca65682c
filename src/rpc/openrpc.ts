import { z } from 'zod';
import { ErrorCatalog } from '../errors.js';
import { Methods } from './protocol/index.js';
import { RpcErrorCode } from './rpc-error.js';
import { version } from '../version.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

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
      const params = z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const required = new Set(params.required ?? []);
      return {
        name: definition.method,
        summary: definition.summary,
        paramStructure: 'by-name',
        params: Object.entries(params.properties ?? {}).map(([name, schema]) => ({
          name,
          required: required.has(name),
          schema: stripMeta(schema as JsonSchema),
        })),
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

function stripMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
