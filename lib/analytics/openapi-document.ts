// The OpenAPI 3.1 description of Tailwatch's HTTP API, served at /api/v1/openapi.json. The read API
// (this module's endpoints) is described field by field; the management endpoints of other modules are
// listed with their parameters and the shared error shape (their bodies are documented beside their code).

import { openApiComponents } from './openapi-components';
import { FILTERS, type Json, list, managed, obj, param, range, read, ref, text } from './openapi-parts';

/** The series of the request span that an exemplar trace was kept for. */
const exemplarSeries = { service: { type: 'string' }, route: { type: 'string' }, method: { type: 'string' } };

export function openApiDocument(serverUrl?: string): Json {
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
              ...exemplarSeries,
            }),
          },
          failed: {
            type: 'array',
            items: obj({ traceId: { type: 'string' }, at: { type: 'string', format: 'date-time' }, ...exemplarSeries }),
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
      '/api/v1/poll-config/allowed-origins': inPath('feedback', {
        put: 'Replace the origins allowed to post answers with the public key (body: {project, allowedOrigins})',
      }),
      '/api/v1/projects': inPath('projects', {
        get: "The signed-in user's projects",
        post: 'Create a project with an ingest key, a public widget key and an API token (secrets shown once)',
      }),
      '/api/v1/projects/{projectId}': inPath(
        'projects',
        {
          get: 'Project settings',
          patch: 'Rename; set allowed origins and the default Apdex threshold',
          delete: 'Delete the project and its data (session only)',
        },
        ['projectId'],
      ),
      '/api/v1/projects/{projectId}/keys': inPath(
        'projects',
        { get: 'Keys by prefix (secrets are never shown again)', post: 'Create a key (secret shown once)' },
        ['projectId'],
      ),
      '/api/v1/projects/{projectId}/keys/{keyId}': inPath('projects', { delete: 'Revoke a key' }, [
        'projectId',
        'keyId',
      ]),
      '/api/v1/projects/{projectId}/keys/{keyId}/rotate': inPath(
        'projects',
        { post: 'Replace a key with a new one of the same kind (secret shown once); the old one is revoked' },
        ['projectId', 'keyId'],
      ),
    },
    components: openApiComponents(),
  };
}

/** A management path whose project is in the path itself (no `project` query parameter). */
function inPath(tag: string, methods: Record<string, string>, pathParams: string[] = []): Json {
  const out = managed(tag, methods, pathParams) as Record<string, { parameters: { name: string }[] }>;
  for (const op of Object.values(out)) op.parameters = op.parameters.filter((p) => p.name !== 'project');
  return out as Json;
}
