// The OpenAPI 3.1 description of Tailwatch's HTTP API, served at /api/v1/openapi.json. The read API
// (this module's endpoints) is described field by field; the management endpoints of other modules are
// listed with their parameters and the shared error shape (their bodies are documented beside their code).

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const ms = { type: ['number', 'null'], description: 'milliseconds; null when count is 0' };
const FILTERS = ['project', 'service', 'route', 'release', 'environment', 'method', 'from', 'to'].map(param);
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

function read(summary: string, parameters: Json[], schema: Json, tag = 'read'): Json {
  return { get: { tags: [tag], summary, parameters, responses: { '200': ok(schema, summary), ...CACHED, ...ERRORS } } };
}

/** A management endpoint of another module: methods with a summary, the project parameter and errors. */
function managed(tag: string, methods: Record<string, string>, pathParams: string[] = []): Json {
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

const summaryProps = {
  count: { type: 'integer' },
  errorCount: { type: 'integer' },
  p50: ms,
  p95: ms,
  p99: ms,
  min: ms,
  max: ms,
  mean: ms,
};
const range = { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } };
const obj = (properties: Json, required = Object.keys(properties)) => ({ type: 'object', properties, required });
const list = (key: string, item: Json) => obj({ ...range, [key]: { type: 'array', items: item } });

export function openApiDocument(serverUrl?: string): Json {
  const text = (description: string) => ({ in: 'query', schema: { type: 'string' }, description });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tailwatch API',
      version: '1',
      description:
        "Latency, errors and releases from OpenTelemetry data. Authenticate with a session cookie or `Authorization: Bearer tw_api_…`. Another project's id answers 404. Percentiles are nearest-rank within 1% relative error.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/api/v1/stats': read('Request count, errors and latency figures for a range', FILTERS, ref('Stats')),
      '/api/v1/series': read('The same figures per time step', [...FILTERS, param('step')], ref('Series')),
      '/api/v1/services': read(
        'Services with requests in the range, busiest first',
        FILTERS,
        list('services', ref('ServiceSummary')),
      ),
      '/api/v1/routes': read(
        'Routes (service, route, method), busiest first',
        FILTERS,
        list('routes', ref('RouteSummary')),
      ),
      '/api/v1/releases': read(
        'Releases with first/last seen and figures',
        FILTERS,
        list('releases', ref('ReleaseSummary')),
      ),
      '/api/v1/releases/verdict': read(
        'Release vs baseline: better / worse / no significant change per metric',
        [
          param('project'),
          { ...param('service') },
          param('release'),
          { name: 'baseline', ...text('baseline release (default: the one first seen before)') },
          param('environment'),
          param('from'),
          param('to'),
        ],
        ref('Verdict'),
      ),
      '/api/v1/traces/{traceId}': read(
        'The spans of a trace, in start order',
        [
          param('project'),
          { name: 'traceId', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-fA-F]{32}$' } },
        ],
        obj({ traceId: { type: 'string' }, spans: { type: 'array', items: ref('Span') } }),
      ),
      '/api/v1/metrics/series': read(
        'Gauge/sum metric series (e.g. queue.depth): last, min and max per step',
        [
          param('project'),
          { name: 'name', required: true, ...text('metric name') },
          param('service'),
          param('environment'),
          param('from'),
          param('to'),
          param('step'),
        ],
        obj({
          name: { type: 'string' },
          ...range,
          step: { type: 'integer' },
          series: { type: 'array', items: ref('MetricSeries') },
        }),
      ),
      '/api/v1/exemplars': read(
        'Slowest and most recent failed requests (trace ids) in the range',
        [
          ...FILTERS,
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
        ],
        obj({
          ...range,
          slowest: {
            type: 'array',
            items: obj({
              traceId: { type: 'string' },
              durationMs: { type: 'number' },
              at: { type: 'string', format: 'date-time' },
            }),
          },
          failed: {
            type: 'array',
            items: obj({ traceId: { type: 'string' }, at: { type: 'string', format: 'date-time' } }),
          },
        }),
      ),
      '/api/v1/heatmap': read(
        'Requests per time step and latency band, from the sketches',
        [...FILTERS, param('step')],
        obj({
          ...range,
          step: { type: 'integer' },
          bounds: {
            type: 'array',
            items: { type: ['number', 'null'] },
            description: 'upper bound (ms) of each band; null = above the last',
          },
          columns: {
            type: 'array',
            items: obj({
              t: { type: 'string', format: 'date-time' },
              counts: { type: 'array', items: { type: 'integer' } },
            }),
          },
        }),
      ),
      '/api/v1/alert-rules': managed('alerts', { get: 'Alert rules with their state', post: 'Create a rule' }),
      '/api/v1/alert-rules/{ruleId}': managed(
        'alerts',
        { get: 'A rule and its series', put: 'Replace a rule', delete: 'Delete a rule' },
        ['ruleId'],
      ),
      '/api/v1/alert-rules/history': managed('alerts', { get: 'State changes, newest first' }),
      '/api/v1/alert-rules/preview': managed('alerts', { post: 'Evaluate a rule condition without saving it' }),
      '/api/v1/webhooks': managed('webhooks', {
        get: 'Webhook endpoints',
        post: 'Create an endpoint (secret shown once)',
      }),
      '/api/v1/webhooks/{endpointId}': managed(
        'webhooks',
        { get: 'An endpoint', patch: 'Update an endpoint', delete: 'Delete an endpoint' },
        ['endpointId'],
      ),
      '/api/v1/webhooks/{endpointId}/deliveries': managed('webhooks', { get: 'Delivery log, newest first' }, [
        'endpointId',
      ]),
      '/api/v1/webhooks/{endpointId}/deliveries/{messageId}/redeliver': managed(
        'webhooks',
        { post: 'Send a message again' },
        ['endpointId', 'messageId'],
      ),
      '/api/v1/webhooks/{endpointId}/rotate-secret': managed('webhooks', { post: 'Rotate the signing secret' }, [
        'endpointId',
      ]),
      '/api/v1/webhooks/{endpointId}/test': managed('webhooks', { post: 'Queue a signed sample alert' }, [
        'endpointId',
      ]),
      '/api/v1/feedback': managed('feedback', { get: 'Poll answers, newest first' }),
      '/api/v1/feedback/summary': managed('feedback', { get: 'Perceived performance per release and route' }),
      '/api/v1/feedback/scatter': managed('feedback', { get: 'Latency vs rating, one point per answer' }),
      '/api/v1/feedback/facets': managed('feedback', { get: 'Releases and routes with answers' }),
      '/api/v1/feedback/felt-slower': managed('feedback', {
        get: 'Routes whose perceived score dropped between releases',
      }),
      '/api/v1/feedback/apdex': managed('feedback', { get: 'Feedback-calibrated Apdex threshold per route' }),
      '/api/v1/feedback/apdex/adopt': managed('feedback', { post: "Store a route's Apdex threshold" }),
      '/api/v1/poll-config': managed('feedback', { get: 'Feedback poll settings', put: 'Replace the poll settings' }),
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API token (tw_api_…)' },
        session: { type: 'apiKey', in: 'cookie', name: 'tw_session' },
      },
      parameters: {
        project: { name: 'project', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } },
        service: { name: 'service', ...text('exact service.name') },
        route: { name: 'route', ...text('exact route (http.route, else span name)') },
        release: { name: 'release', ...text('exact service.version') },
        environment: { name: 'environment', ...text('exact deployment environment') },
        method: { name: 'method', ...text('exact HTTP method') },
        from: {
          name: 'from',
          in: 'query',
          schema: { type: 'string', format: 'date-time' },
          description: 'ISO-8601 with zone; default to − 24 h (verdict: 7 d); floored to the minute',
        },
        to: {
          name: 'to',
          in: 'query',
          schema: { type: 'string', format: 'date-time' },
          description: 'ISO-8601 with zone; default now; rounded up to the minute',
        },
        step: {
          name: 'step',
          in: 'query',
          schema: { type: 'integer', minimum: 60, multipleOf: 60 },
          description: 'seconds; default ~120 points; at most 2000 points',
        },
      },
      responses: {
        BadRequest: {
          description: 'Invalid parameter (named in error.fields)',
          content: { 'application/json': { schema: ref('Error') } },
        },
        Unauthorized: {
          description: 'No valid session or token',
          content: { 'application/json': { schema: ref('Error') } },
        },
        NotFound: {
          description: 'Unknown id, or a project the caller cannot see',
          content: { 'application/json': { schema: ref('Error') } },
        },
      },
      schemas: {
        Error: obj({
          error: obj(
            {
              code: { type: 'string' },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
            },
            ['code', 'message'],
          ),
        }),
        Stats: obj({ ...range, ...summaryProps }),
        Series: obj({
          ...range,
          step: { type: 'integer' },
          points: { type: 'array', items: obj({ t: { type: 'string', format: 'date-time' }, ...summaryProps }) },
        }),
        ServiceSummary: obj({ service: { type: 'string' }, ...summaryProps }),
        RouteSummary: obj({
          service: { type: 'string' },
          route: { type: 'string' },
          method: { type: 'string' },
          ...summaryProps,
          totalMs: { type: 'number' },
        }),
        ReleaseSummary: obj({
          service: { type: 'string' },
          release: { type: 'string' },
          firstSeen: { type: 'string', format: 'date-time' },
          lastSeen: { type: 'string', format: 'date-time' },
          ...summaryProps,
        }),
        ReleaseFigures: obj({
          release: { type: 'string' },
          from: { type: 'string', format: 'date-time', description: 'window of these figures' },
          to: { type: 'string', format: 'date-time' },
          firstSeen: { type: 'string', format: 'date-time' },
          lastSeen: { type: 'string', format: 'date-time' },
          count: { type: 'integer' },
          errorCount: { type: 'integer' },
        }),
        Verdict: obj({
          service: { type: 'string' },
          ...range,
          confidence: { const: 0.95 },
          regression: { type: 'boolean', description: 'p50, p95, p99 or error rate significantly worse' },
          candidate: ref('ReleaseFigures'),
          baseline: { oneOf: [ref('ReleaseFigures'), { type: 'null' }] },
          metrics: {
            type: 'array',
            items: obj({
              metric: { enum: ['p50', 'p95', 'p99', 'errorRate', 'throughput'] },
              unit: { enum: ['ms', 'ratio', 'req/s'] },
              baseline: { type: ['number', 'null'] },
              candidate: { type: ['number', 'null'] },
              delta: { type: ['number', 'null'] },
              deltaPct: { type: ['number', 'null'] },
              ci: { oneOf: [{ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }, { type: 'null' }] },
              verdict: { enum: ['better', 'worse', 'no significant change', 'insufficient data'] },
            }),
          },
        }),
        Span: {
          type: 'object',
          description:
            'traceId, spanId, parentSpanId, name, kind, start, startMs, durationMs, statusCode, statusMessage, service, release, environment, route, method, httpStatus, isRequest, isError, attributes, resource, events',
        },
        MetricSeries: obj({
          seriesKey: { type: 'string' },
          service: { type: 'string' },
          environment: { type: 'string' },
          attributes: { type: 'object' },
          unit: { type: 'string' },
          latest: {
            oneOf: [obj({ t: { type: 'string', format: 'date-time' }, value: { type: 'number' } }), { type: 'null' }],
          },
          points: {
            type: 'array',
            items: obj({
              t: { type: 'string', format: 'date-time' },
              value: { type: 'number' },
              min: { type: 'number' },
              max: { type: 'number' },
            }),
          },
        }),
      },
    },
  };
}
