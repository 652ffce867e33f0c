// Real OpenTelemetry SDK output for tests and the decode benchmark: spans from sdk-trace-base and
// metrics from sdk-metrics, serialised by otlp-transformer exactly as an exporter would send them.
import { type Attributes, type HrTime, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationType, MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export const FIXTURE_RESOURCE: Attributes = {
  'service.name': 'checkout',
  'service.version': '2.4.1',
  'deployment.environment.name': 'production',
  'host.name': 'web-7',
  'process.pid': 4242,
};

/** A tracer whose finished spans are collected in memory. */
export function memoryTracer(resource: Attributes = FIXTURE_RESOURCE) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resource),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return { tracer: provider.getTracer('tailwatch-test', '1.0.0'), finished: () => exporter.getFinishedSpans() };
}

/** `count` typical HTTP server spans (8 attributes, every 4th with an event, every 10th an error). */
export function httpSpans(count: number, baseSeconds = 1_760_000_000): ReadableSpan[] {
  const { tracer, finished } = memoryTracer();
  for (let i = 0; i < count; i++) {
    const start: HrTime = [baseSeconds + i, (i * 7_919_113) % 1_000_000_000];
    const end = hrAdd(start, 1_234_567 + i * 1000);
    const span = tracer.startSpan(`GET /api/orders/:id`, {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: {
        'http.request.method': 'GET',
        'http.route': '/api/orders/:id',
        'http.response.status_code': i % 10 === 0 ? 500 : 200,
        'url.path': `/api/orders/${100_000 + i}`,
        'server.address': 'shop.example.com',
        'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
        'network.protocol.version': '1.1',
        'tailwatch.sample': i / 3,
      },
    });
    if (i % 4 === 0) span.addEvent('cache.miss', { 'cache.key': `order:${i}` }, hrAdd(start, 1000));
    if (i % 10 === 0) span.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timeout' });
    span.end(end);
  }
  return finished();
}

/** `t` plus `nanos`, normalised. */
export function hrAdd(t: HrTime, nanos: number): HrTime {
  const total = t[1] + nanos;
  return [t[0] + Math.floor(total / 1e9), total % 1e9];
}

export function tracesProtobuf(spans: ReadableSpan[]): Buffer {
  return toBuffer(ProtobufTraceSerializer.serializeRequest(spans));
}

export function tracesJson(spans: ReadableSpan[]): Buffer {
  return toBuffer(JsonTraceSerializer.serializeRequest(spans));
}

export function metricsProtobuf(metrics: ResourceMetrics): Buffer {
  return toBuffer(ProtobufMetricsSerializer.serializeRequest(metrics));
}

export function metricsJson(metrics: ResourceMetrics): Buffer {
  return toBuffer(JsonMetricsSerializer.serializeRequest(metrics));
}

function toBuffer(bytes: Uint8Array | undefined): Buffer {
  if (bytes === undefined) throw new Error('serializer returned no bytes');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A pull reader: tests call collect() whenever they want the current ResourceMetrics. */
class CollectingReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/** A meter whose instruments named `*.exp` aggregate as exponential histograms. */
export function memoryMeter(resource: Attributes = FIXTURE_RESOURCE) {
  const reader = new CollectingReader();
  const provider = new MeterProvider({
    resource: resourceFromAttributes(resource),
    readers: [reader],
    views: [{ instrumentName: '*.exp', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  });
  const collect = async (): Promise<ResourceMetrics> => {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length > 0) throw errors[0];
    return resourceMetrics;
  };
  return { meter: provider.getMeter('tailwatch-test', '1.0.0'), collect };
}

export interface SpanOverrides {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  startTime?: HrTime;
  endTime?: HrTime;
  kind?: number; // beyond the SpanKind enum: the wire takes any varint
  attributes?: Record<string, unknown>; // beyond the API's types: kvlists and bytes reach the serializer
}

/** A copy of a real finished span with some fields replaced, for what the SDK would refuse to build. */
export function spanLike(base: ReadableSpan, o: SpanOverrides): ReadableSpan {
  const ctx = base.spanContext();
  const context = { ...ctx, traceId: o.traceId ?? ctx.traceId, spanId: o.spanId ?? ctx.spanId };
  const parent = o.parentSpanId === undefined ? base.parentSpanContext : { ...context, spanId: o.parentSpanId };
  return {
    name: o.name ?? base.name,
    kind: (o.kind ?? base.kind) as SpanKind,
    spanContext: () => context,
    parentSpanContext: parent,
    startTime: o.startTime ?? base.startTime,
    endTime: o.endTime ?? base.endTime,
    status: base.status,
    attributes: (o.attributes ?? base.attributes) as Attributes,
    links: base.links,
    events: base.events,
    duration: base.duration,
    ended: true,
    resource: base.resource,
    instrumentationScope: base.instrumentationScope,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}
