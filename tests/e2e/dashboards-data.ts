// OTLP JSON bodies for the dashboard browser tests and the UI benchmark's smoke data: what an
// OpenTelemetry SDK would export, sent to the real ingest endpoints (POST /v1/traces, /v1/metrics).
import { seededRandom } from '../../lib/sketch/test-samples';

export interface ServicePlan {
  service: string;
  release: string;
  routes: { route: string; method: string; medianMs: number; errorEvery?: number }[];
  requests: number;
  /** Requests start uniformly in [nowMs − fromAgoMs, nowMs − toAgoMs]. */
  fromAgoMs: number;
  toAgoMs: number;
}

const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
const int = (key: string, v: number) => ({ key, value: { intValue: String(v) } });
const nanos = (ms: number) => `${BigInt(Math.round(ms * 1000)) * 1000n}`;


export interface SentTrace {
  traceId: string;
  service: string;
  route: string;
  durationMs: number;
  isError: boolean;
}

/** One resourceSpans body per plan: server spans (requests), each with one client child span. */
export function tracesBody(plan: ServicePlan, nowMs: number, seed: number): { body: unknown; traces: SentTrace[] } {
  const rnd = seededRandom(seed); // deterministic: the same plan sends the same spans
  const spans: unknown[] = [];
  const traces: SentTrace[] = [];
  for (let i = 0; i < plan.requests; i++) {
    const r = plan.routes[i % plan.routes.length];
    const traceId =
      hex(seed, 8) + hex(i, 8) + hex(Math.floor(rnd() * 2 ** 32), 8) + hex(Math.floor(rnd() * 2 ** 32), 8);
    const spanId = hex(i + 1, 8) + hex(seed, 8);
    const childId = hex(i + 1, 8) + hex(seed + 1, 8);
    const start = nowMs - plan.fromAgoMs + rnd() * (plan.fromAgoMs - plan.toAgoMs);
    // Lognormal around the route's median (sigma 0.35).
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const duration = r.medianMs * Math.exp(0.35 * z);
    const isError = r.errorEvery !== undefined && i % r.errorEvery === 0;
    traces.push({ traceId, service: plan.service, route: r.route, durationMs: duration, isError });
    spans.push({
      traceId,
      spanId,
      name: `${r.method} ${r.route}`,
      kind: 2,
      startTimeUnixNano: nanos(start),
      endTimeUnixNano: nanos(start + duration),
      attributes: [
        str('http.route', r.route),
        str('http.request.method', r.method),
        int('http.response.status_code', isError ? 500 : 200),
      ],
      status: isError ? { code: 2, message: 'upstream failed' } : { code: 1 },
    });
    spans.push({
      traceId,
      spanId: childId,
      parentSpanId: spanId,
      name: 'SELECT orders',
      kind: 3,
      startTimeUnixNano: nanos(start + duration * 0.1),
      endTimeUnixNano: nanos(start + duration * 0.7),
      attributes: [str('db.system.name', 'postgresql'), str('db.query.text', 'SELECT * FROM orders WHERE id = $1')],
      status: { code: 0 },
    });
  }
  const body = {
    resourceSpans: [
      {
        resource: {
          attributes: [
            str('service.name', plan.service),
            str('service.version', plan.release),
            str('deployment.environment.name', 'production'),
          ],
        },
        scopeSpans: [{ scope: { name: 'tailwatch-e2e' }, spans }],
      },
    ],
  };
  return { body, traces };
}

/** A queue.depth gauge of `service`, one point per minute over the last `minutes`. */
export function queueDepthBody(service: string, nowMs: number, minutes: number): unknown {
  const points = Array.from({ length: minutes }, (_, i) => ({
    timeUnixNano: nanos(nowMs - (minutes - i) * 60_000),
    asInt: String(5 + ((i * 7) % 13)),
    attributes: [str('queue', 'emails')],
  }));
  return {
    resourceMetrics: [
      {
        resource: { attributes: [str('service.name', service), str('deployment.environment.name', 'production')] },
        scopeMetrics: [
          {
            scope: { name: 'tailwatch-e2e' },
            metrics: [{ name: 'queue.depth', unit: '{message}', gauge: { dataPoints: points } }],
          },
        ],
      },
    ],
  };
}

export async function postOtlp(
  appUrl: string,
  path: '/v1/traces' | '/v1/metrics',
  ingestKey: string,
  body: unknown,
): Promise<void> {
  const res = await fetch(`${appUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}
