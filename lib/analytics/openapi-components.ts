import { type Json, obj, range, ref, summaryProps, text } from './openapi-parts';

/** The shared parameters, responses and schemas of the read API's OpenAPI document. */
export function openApiComponents(): Json {
  return {
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
  };
}
