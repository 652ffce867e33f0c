// The ingest benchmark's load generator, run as its own process (so its CPU is not the server's event
// loop): OTLP/HTTP protobuf batches of 100 real SDK spans, `BENCH_CONCURRENCY` requests in flight, every
// batch with fresh random trace/span ids and current start/end times (patched into a serialised template),
// for BENCH_SECONDS: like real traffic, ids land at random places in the trace id index and times advance.
// With BENCH_RATE (spans/s) the connections pace their requests to that total instead of sending back to back
// (bench:ingest-ab compares CPU per span at equal load). Requests go over keep-alive connections, one in flight
// per connection, as plain HTTP/1.1 written and read on the socket (like wrk): node:http's client cost ~2 µs of
// CPU per span here, CPU the server on the same two cores then did not get. Prints one JSON line: acknowledged
// spans, statuses, ack latencies. With BENCH_GZIP=1 every request is gzipped (level 1) after patching, as an
// OpenTelemetry Collector sends by default.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { SpanKind } from '@opentelemetry/api';
import { memoryTracer, tracesProtobuf } from '../../lib/ingest/otlp/test-fixtures';

const url = new URL(process.env.BENCH_URL ?? 'http://127.0.0.1:3000');
const key = process.env.BENCH_KEY ?? '';
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const rate = Number(process.env.BENCH_RATE ?? 0); // spans/s over all connections; 0: no pacing
const gzip = process.env.BENCH_GZIP === '1';
const BATCH = 100;
const TEMPLATES = 12;

interface Template {
  request: Buffer; // HTTP head, then the body
  bodyAt: number; // where the body starts
  createdMs: number;
  spans: { trace: number; span: number; start: number; end: number; startNs: Nanos; endNs: Nanos }[];
}

/** Where the 8 bytes of a fixed64 nanosecond time sit in the body. */
const timeOffset = (body: Buffer, ns: bigint) => {
  const le = Buffer.alloc(8);
  le.writeBigUInt64LE(ns);
  return body.indexOf(le);
};
const nanos = ([s, ns]: [number, number]) => BigInt(s) * 1_000_000_000n + BigInt(ns);

/** A fixed64 time as its two 32-bit halves, so moving it costs no BigInt per span. */
interface Nanos {
  hi: number;
  lo: number;
}
const halves = (ns: bigint): Nanos => ({ hi: Number(ns >> 32n), lo: Number(ns & 0xffff_ffffn) });
const TWO_32 = 2 ** 32;

/** Writes `t` + `shift` (ns, a safe integer) as little-endian fixed64 at `offset`. */
function writeShifted(body: Buffer, offset: number, t: Nanos, shift: number): void {
  const lo = t.lo + (shift % TWO_32);
  body.writeUInt32LE(lo % TWO_32, offset);
  body.writeUInt32LE(t.hi + Math.floor(shift / TWO_32) + Math.floor(lo / TWO_32), offset + 4);
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
    const offsets = spans.map((s) => {
      const startNs = nanos(s.startTime);
      const endNs = nanos(s.endTime);
      return {
        trace: body.indexOf(Buffer.from(s.spanContext().traceId, 'hex')),
        span: body.indexOf(Buffer.from(s.spanContext().spanId, 'hex')),
        start: timeOffset(body, startNs),
        end: timeOffset(body, endNs),
        startNs: halves(startNs),
        endNs: halves(endNs),
      };
    });
    if (offsets.some((o) => Math.min(o.trace, o.span, o.start, o.end) < 0))
      throw new Error('span fields not found in the template');
    const head = Buffer.from(
      `POST /v1/traces HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-protobuf\r\n` +
        `Authorization: Bearer ${key}\r\nContent-Length: ${body.length}\r\n\r\n`,
      'latin1',
    );
    // Offsets in the request: after the head.
    const at = head.length;
    const spansAt = offsets.map((o) => ({
      ...o,
      trace: o.trace + at,
      span: o.span + at,
      start: o.start + at,
      end: o.end + at,
    }));
    out.push({ request: Buffer.concat([head, body]), bodyAt: at, createdMs: now, spans: spansAt });
  }
  return out;
}

// xorshift32 seeded per process: random-looking ids at a fraction of crypto.randomBytes' cost; the state is a
// bijection with period 2^32, so every id's first word differs from all others in a run.
let state = (process.pid * 2_654_435_761 + Date.now()) >>> 0 || 1;
function random32(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state;
}
let serial = 0;

/** The request with its body gzipped (BENCH_GZIP). */
function gzipped(request: Buffer, bodyAt: number): Buffer {
  const body = gzipSync(request.subarray(bodyAt), { level: 1 });
  const head = request
    .toString('latin1', 0, bodyAt)
    .replace(/Content-Length: \d+\r\n/, `Content-Encoding: gzip\r\nContent-Length: ${body.length}\r\n`);
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** A template's request with every span's ids replaced by random ones and its times moved to the present. */
function nextRequest(all: Template[]): Buffer {
  const t = all[serial++ % all.length];
  const request = Buffer.from(t.request);
  const shift = (Date.now() - t.createdMs) * 1_000_000;
  for (const o of t.spans) {
    for (let i = 0; i < 16; i += 4) request.writeUInt32BE(random32(), o.trace + i);
    request.writeUInt32BE(random32(), o.span); // never 0: the span id is never all zeros (invalid)
    request.writeUInt32BE(random32(), o.span + 4);
    writeShifted(request, o.start, o.startNs, shift);
    writeShifted(request, o.end, o.endNs, shift);
  }
  return gzip ? gzipped(request, t.bodyAt) : request;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * One keep-alive connection: `send` writes a whole request and resolves with the response's status once its
 * head and Content-Length body are read; 0 when the connection fails or closes first (the next send opens a
 * new one).
 */
class Connection {
  private socket: net.Socket | null = null;
  private pending: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | null = null;

  send(request: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      (this.socket ?? this.open()).write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private open(): net.Socket {
    const socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    socket.on('data', (chunk) => this.read(chunk));
    const fail = () => {
      if (this.socket === socket) this.socket = null;
      this.pending = Buffer.alloc(0);
      this.finish(0);
    };
    socket.on('error', fail);
    socket.on('close', fail);
    this.socket = socket;
    return socket;
  }

  private finish(status: number): void {
    const w = this.waiting;
    this.waiting = null;
    w?.(status);
  }

  private read(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const headEnd = this.pending.indexOf(CRLF2);
    if (headEnd < 0) return;
    const head = this.pending.toString('latin1', 0, headEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const total = headEnd + 4 + length;
    if (this.pending.length < total) return;
    this.pending = this.pending.subarray(total);
    if (/\r\nconnection: *close/i.test(head)) this.close();
    this.finish(Number(head.slice(9, 12)));
  }
}

async function main() {
  const all = templates();
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let acked = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const connections: Connection[] = [];
  const worker = async () => {
    const connection = new Connection();
    connections.push(connection);
    // Paced: connection c sends its k-th request at start + (k * concurrency + c) / requests per second.
    const gapMs = rate > 0 ? (concurrency * BATCH * 1000) / rate : 0;
    let due = start + (gapMs * connections.length) / concurrency;
    while (performance.now() < end) {
      if (gapMs > 0) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        due += gapMs;
      }
      const request = nextRequest(all);
      const t = performance.now();
      const status = await connection.send(request);
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
  const used = process.cpuUsage();
  const cpu = (used.user + used.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ acked, elapsed, statuses, p50: q(0.5), p99: q(0.99), max: q(1), cpu })}\n`);
  for (const c of connections) c.close();
}

void main();
