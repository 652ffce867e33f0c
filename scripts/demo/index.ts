// `npm run demo`: realistic OpenTelemetry traffic for a running Tailwatch, through its public endpoints only.
// 24 h of history first (three storefront releases, the newest with a /checkout regression, errors, a
// queue-depth gauge), then live traffic every second plus poll answers that correlate with latency, until
// Ctrl-C. `--once` stops after the history. Spans are made by the OpenTelemetry SDK and sent by its OTLP
// protobuf exporter, gzipped, exactly as an instrumented service would.
import { type Context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type DemoTrace, postDemoFeedback } from '../demo-feedback';
import { demoProject } from './project';
import {
  DOWNSTREAM_RELEASE,
  demoRandom,
  logNormal,
  pickRoute,
  REGRESSED,
  releaseAt,
  requestsPerMinute,
  SERVICES,
} from './traffic-model';

// Gzip, as an OpenTelemetry Collector sends by default (OTEL_EXPORTER_OTLP_COMPRESSION=none sends plain bodies).
process.env.OTEL_EXPORTER_OTLP_COMPRESSION ??= 'gzip';

const baseUrl = (process.env.TAILWATCH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
const once = process.argv.includes('--once');
const random = demoRandom(7);

/** Keeps finished spans until we export them, so nothing is dropped by a full queue. */
class Collector implements SpanProcessor {
  spans: ReadableSpan[] = [];
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.spans.push(span);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

const collector = new Collector();
const providers = new Map<string, BasicTracerProvider>();
function tracerFor(service: string, release: string) {
  const key = `${service}@${release}`;
  let provider = providers.get(key);
  if (!provider) {
    provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': service,
        'service.version': release,
        'deployment.environment.name': 'production',
      }),
      spanProcessors: [collector],
    });
    providers.set(key, provider);
  }
  return provider.getTracer('tailwatch-demo');
}

// Traces users will rate, kept per release (the newest release starts late in the history).
const feedbackTraces = new Map<string, DemoTrace[]>();
const PER_RELEASE = 600;

/** One storefront or worker request at time t (ms), with its downstream call as child spans. */
function request(t: number, now: number): number {
  const storefront = SERVICES[0];
  const worker = SERVICES[3];
  if (random() < 0.15) {
    const r = worker.routes[0];
    const ms = logNormal(r.medianMs, random);
    const span = tracerFor(worker.name, DOWNSTREAM_RELEASE[worker.name]).startSpan(
      r.route,
      { kind: SpanKind.CONSUMER, startTime: t, attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'orders' } },
      ROOT_CONTEXT,
    );
    if (random() < r.errorRate) span.setStatus({ code: SpanStatusCode.ERROR, message: 'order rejected' });
    span.end(t + ms);
    return 1;
  }
  const release = releaseAt(t, now);
  const r = pickRoute(storefront.routes, random);
  const regressed = release === REGRESSED.release && r.route === REGRESSED.route;
  const ms = logNormal(r.medianMs * (regressed ? REGRESSED.factor : 1), random);
  const failed = random() < (regressed ? REGRESSED.errorRate : r.errorRate);
  const status = failed ? 500 : r.method === 'POST' ? 201 : 200;
  const server = tracerFor(storefront.name, release).startSpan(
    `${r.method} ${r.route}`,
    {
      kind: SpanKind.SERVER,
      startTime: t,
      attributes: {
        'http.request.method': r.method,
        'http.route': r.route,
        'url.path': r.path,
        'http.response.status_code': status,
        'user_agent.original': 'Mozilla/5.0 (demo)',
      },
    },
    ROOT_CONTEXT,
  );
  if (failed) server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream failed' });
  let spans = 1;
  if (r.downstream) {
    const d = r.downstream;
    const ctx: Context = trace.setSpan(ROOT_CONTEXT, server);
    const start = t + ms * 0.1;
    const end = t + ms * 0.85;
    const client = tracerFor(storefront.name, release).startSpan(
      `${d.method} ${d.service}`,
      { kind: SpanKind.CLIENT, startTime: start, attributes: { 'http.request.method': d.method, 'server.address': d.service } },
      ctx,
    );
    const inner = tracerFor(d.service, DOWNSTREAM_RELEASE[d.service]).startSpan(
      `${d.method} ${d.route}`,
      {
        kind: SpanKind.SERVER,
        startTime: start + 1,
        attributes: { 'http.request.method': d.method, 'http.route': d.route, 'http.response.status_code': failed ? 503 : 200 },
      },
      trace.setSpan(ROOT_CONTEXT, client),
    );
    if (failed) inner.setStatus({ code: SpanStatusCode.ERROR, message: 'dependency timeout' });
    inner.end(end - 1);
    client.end(end);
    spans += 2;
  }
  server.end(t + ms);
  const sampled = feedbackTraces.get(release) ?? [];
  feedbackTraces.set(release, sampled);
  if (sampled.length < PER_RELEASE && r.path && random() < 0.05) {
    sampled.push({ traceId: server.spanContext().traceId, route: r.route, release, durationMs: Math.round(ms) });
  }
  return spans;
}

const traceExporter = (key: string) =>
  new OTLPTraceExporter({ url: `${baseUrl}/v1/traces`, headers: { Authorization: `Bearer ${key}` }, timeoutMillis: 30_000 });

async function flush(exporter: OTLPTraceExporter): Promise<number> {
  let sent = 0;
  while (collector.spans.length > 0) {
    const batch = collector.spans.splice(0, 2000);
    await new Promise<void>((resolve, reject) =>
      exporter.export(batch, (result) =>
        result.code === 0 ? resolve() : reject(result.error ?? new Error('export failed')),
      ),
    );
    sent += batch.length;
  }
  return sent;
}

/** 24 h of queue depth, one point a minute, as an OTLP/JSON gauge (the SDK cannot backdate gauges). */
async function backfillQueueDepth(key: string, now: number): Promise<void> {
  const points = [];
  for (let t = now - 24 * 3_600_000; t <= now; t += 60_000) {
    const hour = new Date(t).getUTCHours();
    const depth = Math.max(0, Math.round(15 + 10 * Math.sin((hour / 24) * 2 * Math.PI) + random() * 6 + (hour === 12 ? 80 : 0)));
    points.push({ timeUnixNano: `${BigInt(t) * 1_000_000n}`, asInt: String(depth), attributes: [{ key: 'queue', value: { stringValue: 'orders' } }] });
  }
  const body = {
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders-worker' } }] },
        scopeMetrics: [{ scope: { name: 'tailwatch-demo' }, metrics: [{ name: 'queue.depth', unit: '{message}', gauge: { dataPoints: points } }] }],
      },
    ],
  };
  const res = await fetch(`${baseUrl}/v1/metrics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`queue depth backfill: HTTP ${res.status} ${await res.text()}`);
}

/** The live queue-depth gauge, exported by the OpenTelemetry metrics SDK every 10 s. */
function liveQueueDepth(key: string): MeterProvider {
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders-worker', 'service.version': DOWNSTREAM_RELEASE['orders-worker'] }),
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${baseUrl}/v1/metrics`, headers: { Authorization: `Bearer ${key}` } }),
        exportIntervalMillis: 10_000,
      }),
    ],
  });
  provider
    .getMeter('tailwatch-demo')
    .createObservableGauge('queue.depth', { unit: '{message}' })
    .addCallback((result) => result.observe(Math.round(12 + random() * 10), { queue: 'orders' }));
  return provider;
}

/** Up to n traces taking turns between the releases, so every release gets answers early on. */
function interleave(lists: DemoTrace[][], n: number): DemoTrace[] {
  const out: DemoTrace[] = [];
  for (let i = 0; out.length < n && lists.some((l) => i < l.length); i++) {
    for (const l of lists) if (i < l.length && out.length < n) out.push(l[i]);
  }
  return out;
}

async function main() {
  const ready = await fetch(`${baseUrl}/api/ready`).catch(() => null);
  if (!ready?.ok) {
    console.error(`Tailwatch is not reachable at ${baseUrl}. Start it with \`npm start\` (or set TAILWATCH_URL).`);
    process.exit(1);
  }
  const project = await demoProject(baseUrl);
  const exporter = traceExporter(project.ingestKey);
  const now = Date.now();
  const startedAt = Date.now();
  console.log(`Sending 24 h of history to ${baseUrl} (project "${project.name}", id ${project.projectId})…`);
  let spans = 0;
  for (let minute = now - 24 * 3_600_000; minute < now; minute += 60_000) {
    const n = requestsPerMinute(minute);
    for (let i = 0; i < n; i++) spans += request(minute + random() * 60_000, now);
    if (collector.spans.length >= 4000) await flush(exporter);
  }
  await flush(exporter);
  await backfillQueueDepth(project.ingestKey, now);
  console.log(`  ${spans.toLocaleString('en')} spans acknowledged in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  console.log(`Open ${baseUrl}/projects/${project.projectId}`);

  const feedback = postDemoFeedback({
    baseUrl,
    publicKey: project.publicKey,
    origin: project.origin,
    traces: interleave([...feedbackTraces.values()], once ? 40 : 600),
  }).then((r) => console.log(`  feedback: ${r.stored} answers stored${r.refused.length ? `, refused ${JSON.stringify(r.refused)}` : ''}`));

  if (once) {
    await feedback;
    return;
  }
  console.log('Live traffic every second; poll answers trickle in under the per-IP rate limit. Ctrl-C to stop.');
  const meters = liveQueueDepth(project.ingestKey);
  const timer = setInterval(() => {
    const t = Date.now();
    const n = Math.max(1, Math.round(requestsPerMinute(t) / 20)); // livelier than history: ~2-3 req/s
    for (let i = 0; i < n; i++) request(t - random() * 1000, t);
    flush(exporter).catch((err) => console.error(`export failed: ${err.message}`));
  }, 1000);
  process.on('SIGINT', async () => {
    clearInterval(timer);
    await flush(exporter).catch(() => {});
    await meters.shutdown().catch(() => {});
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
