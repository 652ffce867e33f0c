// Building blocks of the OpenAPI document (lib/analytics/openapi-document.ts).

export type Json = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const obj = (properties: Json, required = Object.keys(properties)) => ({ type: 'object', properties, required });
export const range = { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } };
export const text = (description: string) => ({ in: 'query', schema: { type: 'string' }, description });
const ms = { type: ['number', 'null'], description: 'milliseconds; null when count is 0' };
export const summaryProps = {
  count: { type: 'integer' },
  errorCount: { type: 'integer' },
  p50: ms,
  p95: ms,
  p99: ms,
  min: ms,
  max: ms,
  mean: ms,
};

export const FILTERS = ['project', 'service', 'route', 'release', 'environment', 'method', 'from', 'to'].map(param);
const ERRORS = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '401': { $ref: '#/components/responses/Unauthorized' },
  '404': { $ref: '#/components/responses/NotFound' },
};
const CACHED = { '304': { description: 'Not modified (If-None-Match matched the ETag)' } };

function ok(schema: Json, description: string): Json {
  return {
    description,
    headers: {
      ETag: { schema: { type: 'string' }, description: 'weak validator of the body' },
      'Cache-Control': { schema: { type: 'string' }, description: 'private, max-age=10' },
    },
    content: { 'application/json': { schema } },
  };
}

export function read(summary: string, parameters: Json[], schema: Json, tag = 'read'): Json {
  return { get: { tags: [tag], summary, parameters, responses: { '200': ok(schema, summary), ...CACHED, ...ERRORS } } };
}

/** A management endpoint of another module: methods with a summary, the project parameter and errors. */
export function managed(tag: string, methods: Record<string, string>, pathParams: string[] = []): Json {
  const out: Json = {};
  for (const [method, summary] of Object.entries(methods)) {
    out[method] = {
      tags: [tag],
      summary,
      parameters: [
        param('project'),
        ...pathParams.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ],
      ...(method === 'post' || method === 'put' || method === 'patch'
        ? { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } }
        : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
        ...ERRORS,
      },
    };
  }
  return out;
}

export const list = (key: string, item: Json) => obj({ ...range, [key]: { type: 'array', items: item } });
