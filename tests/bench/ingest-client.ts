// The ingest benchmark's load generator, run as its own process (so its CPU is not the server's event
// loop): OTLP/HTTP protobuf batches of 100 real SDK spans, `BENCH_CONCURRENCY` requests in flight, every
// batch with fresh trace/span ids (patched into a serialised template), for BENCH_SECONDS.
// Prints one JSON line: acknowledged spans, statuses, ack latencies.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { SpanKind } from '@opentelemetry/api';
import { memoryTracer, tracesProtobuf } from '../../lib/ingest/otlp/test-fixtures';

const url = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:3000');
const key = process.env.BENCH_KEY ?? '';
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BATCH = 100;
const TEMPLATES = 12;

interface Template {
  body: Buffer;
  idOffsets: { trace: number; span: number }[];
}

/** One serialised batch per service/route mix, and where each span's ids sit in the bytes. */
function templates(): Template[] {
  const out: Template[] = [];
  for (let t = 0; t < TEMPLATES; t++) {
    const { tracer, finished } = memoryTracer({
      'service.name': `svc-${t % 3}`,
      'service.version': `v${1 + (t % 2)}`,
      'deployment.environment.name': 'production',
      'host.name': `web-${t}`,
    });
    const now = Date.now();
    for (let i = 0; i < BATCH; i++) {
      const route = `/api/r${(t * 7 + i) % 40}`;
      const start = now - 30_000 + i * 200;
      const span = tracer.startSpan(`GET ${route}`, {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: {
          'http.request.method': 'GET',
          'http.route': route,
          'http.response.status_code': i % 50 === 0 ? 500 : 200,
          'url.path': `${route}/${i}`,
          'server.address': 'shop.example.com',
          'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
        },
      });
      span.end(start + Math.exp(2 + ((i * 37) % 100) / 30));
    }
    const spans = finished();
    const body = tracesProtobuf(spans);
    const idOffsets = spans.map((s) => ({
      trace: body.indexOf(Buffer.from(s.spanContext().traceId, 'hex')),
      span: body.indexOf(Buffer.from(s.spanContext().spanId, 'hex')),
    }));
    if (idOffsets.some((o) => o.trace < 0 || o.span < 0)) throw new Error('ids not found in the template');
    out.push({ body, idOffsets });
  }
  return out;
}

const prefix = process.pid * 1_000_003 + Date.now();
let serial = 0;

/** A template with every span's ids replaced by unique ones (the process id and a counter). */
function nextBody(all: Template[]): Buffer {
  const t = all[serial % all.length];
  const body = Buffer.from(t.body);
  for (const o of t.idOffsets) {
    serial++;
    body.writeDoubleBE(prefix, o.trace);
    body.writeUInt32BE(serial >>> 0, o.trace + 8);
    body.writeUInt32BE(0x5eed, o.trace + 12);
    body.writeUInt32BE(0x5eed, o.span);
    body.writeUInt32BE(serial >>> 0, o.span + 4);
  }
  return body;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function send(body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/v1/traces',
        method: 'POST',
        headers: {
          'content-type': 'application/x-protobuf',
          authorization: `Bearer ${key}`,
          'content-length': body.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function main() {
  const all = templates();
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let acked = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const body = nextBody(all);
      const t = performance.now();
      const status = await send(body);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) {
        acked += BATCH;
        latencies.push(performance.now() - t);
      } else if (status === 503 || status === 429) {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? Number.NaN;
  process.stdout.write(`${JSON.stringify({ acked, elapsed, statuses, p50: q(0.5), p99: q(0.99), max: q(1) })}\n`);
  agent.destroy();
}

void main();
