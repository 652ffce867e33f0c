import { Worker } from 'node:worker_threads';
import { config } from '../../config';
import { log } from '../../log';
import type { OtlpContentType } from '../otlp';
import type { SpanBatch } from '../span-batch';
import {
  type BodyEncoding,
  type DecodeResult,
  decodeExportRequest,
  type ExportRequest,
  IDENTITY,
  type MetricDecodeResult,
  type SpanDecodeResult,
} from './decode-request';
import type { DecodeRequest } from './thread-main';

// Export requests are inflated (gzip), decoded, and for traces deflated and encoded, on decode threads
// (worker_threads), so the event loop only does HTTP and PostgreSQL I/O (docs/architecture.md "Ingest").
// TAILWATCH_INGEST_DECODE_THREADS (default 1) sets how many; 0 decodes on the event loop.
// - Backlog: bodies waiting for a thread are capped at TAILWATCH_INGEST_DECODE_BACKLOG_BYTES (default 64 MiB;
//   one body is always taken when none waits); beyond it a request gets DecodeThreadError (503, Retry-After).
// - A thread that dies, or answers with an error of its own, fails its requests with DecodeThreadError (503, the
//   client retries); the next request starts a new thread. A thread that dies before it ever answered (it could
//   not start: a broken install) turns the threads off for this process: requests are then decoded on the
//   event loop, slower but served.

export class DecodeThreadError extends Error {
  readonly retryAfterSeconds = 1;
  constructor(reason: string) {
    super(`Decoding unavailable: ${reason}`);
  }
}

interface Waiting {
  bytes: number;
  resolve(r: DecodeResult): void;
  reject(e: Error): void;
}

type Reply = { id: number; result: DecodeResult } | { id: number; error: string };

const THREAD_ENTRY = new URL('./thread.mjs', import.meta.url);

class DecodeThread {
  readonly waiting = new Map<number, Waiting>();
  private readonly worker: Worker;
  answered = false; // has it ever replied (so it started)?
  private dead = false;

  constructor(entry: URL, onDeath: (t: DecodeThread, reason: string) => void) {
    this.worker = new Worker(entry);
    this.worker.unref(); // never what keeps a process alive
    this.worker.on('message', (m: Reply) => {
      this.answered = true;
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if ('error' in m) {
        log.error({ error: m.error }, 'decode thread failed on a request');
        w.reject(new DecodeThreadError('the decode thread failed'));
      } else w.resolve(received(m.result));
    });
    const die = (reason: string) => {
      if (this.dead) return;
      this.dead = true;
      onDeath(this, reason);
      const e = new DecodeThreadError(reason);
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', (err) => {
      log.error({ err }, 'decode thread failed');
      die(err.message);
    });
    // A reply that cannot be deserialized: its request would never settle, so the thread goes.
    this.worker.on('messageerror', (err) => {
      log.error({ err }, 'decode thread reply unreadable');
      die('unreadable reply');
      void this.worker.terminate();
    });
    this.worker.on('exit', (code) => die(`thread exited (${code})`));
  }

  post(m: DecodeRequest, w: Waiting): void {
    this.worker.postMessage(m, [m.body.buffer as ArrayBuffer]); // throws before anything waits
    this.waiting.set(m.id, w);
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Typed arrays arrive as plain Uint8Arrays: a span batch's rows and payload body become Buffers again. */
function received(r: DecodeResult): DecodeResult {
  if (!r.ok || !r.batch || !('payload' in r.batch)) return r;
  const b: SpanBatch = r.batch;
  b.rows = Buffer.from(b.rows.buffer, b.rows.byteOffset, b.rows.byteLength);
  b.payload.body = Buffer.from(b.payload.body.buffer, b.payload.body.byteOffset, b.payload.body.byteLength);
  return r;
}

export class DecodeThreads {
  private threads: DecodeThread[] = [];
  private nextId = 1;
  private backlogBytes = 0;
  private closing = false;
  /** Set when a thread could not start: from then on requests are decoded on the event loop. */
  off = false;

  constructor(
    private readonly size: number,
    private readonly maxBacklogBytes: number,
    private readonly entry: URL = THREAD_ENTRY,
  ) {}

  /** One trace export request (see decode-request.ts). */
  decode(
    body: Buffer,
    type: OtlpContentType,
    projectId: number,
    encoding: BodyEncoding = IDENTITY,
  ): Promise<SpanDecodeResult> {
    return this.run({ signal: 'traces', body, type, projectId, encoding }) as Promise<SpanDecodeResult>;
  }

  /** One metrics export request of `projectId` (see decode-request.ts). */
  decodeMetrics(
    body: Buffer,
    type: OtlpContentType,
    projectId: number,
    encoding: BodyEncoding = IDENTITY,
  ): Promise<MetricDecodeResult> {
    return this.run({ signal: 'metrics', body, type, projectId, encoding }) as Promise<MetricDecodeResult>;
  }

  /** One export request on a thread, or on the event loop once the threads are off. */
  run(r: ExportRequest): Promise<DecodeResult> {
    if (this.off) return Promise.resolve(decodeExportRequest(r));
    const { body } = r;
    if (this.backlogBytes > 0 && this.backlogBytes + body.length > this.maxBacklogBytes)
      return Promise.reject(new DecodeThreadError('too many requests waiting to be decoded'));
    // The body goes over in a buffer of its own (transferred, not cloned).
    const own = new Uint8Array(body.length);
    own.set(body);
    const id = this.nextId++;
    const bytes = body.length;
    this.backlogBytes += bytes;
    const done = () => {
      this.backlogBytes -= bytes;
    };
    return new Promise<DecodeResult>((resolve, reject) => {
      try {
        this.pick().post({ ...r, id, body: own }, { bytes, resolve, reject });
      } catch (err) {
        reject(new DecodeThreadError(err instanceof Error ? err.message : String(err)));
      }
    }).finally(done);
  }

  /** The least busy thread, starting one while fewer than `size` run. */
  private pick(): DecodeThread {
    if (this.threads.length < this.size) {
      const t = new DecodeThread(this.entry, (dead, reason) => {
        this.threads = this.threads.filter((x) => x !== dead);
        if (!dead.answered && !this.closing && !this.off) {
          this.off = true;
          log.error({ reason }, 'decode thread could not start: decoding on the event loop from now on');
        }
      });
      this.threads.push(t);
      return t;
    }
    let best = this.threads[0];
    for (const t of this.threads) if (t.waiting.size < best.waiting.size) best = t;
    return best;
  }

  /** How many threads run, and the bytes waiting for them (tests). */
  get running(): number {
    return this.threads.length;
  }
  get backlog(): number {
    return this.backlogBytes;
  }

  /** Stops every thread (their waiting requests fail with DecodeThreadError); a later decode starts new ones. */
  async close(): Promise<void> {
    const all = this.threads;
    this.threads = [];
    this.closing = true;
    await Promise.all(all.map((t) => t.terminate()));
    this.closing = false;
  }
}

const holder = globalThis as typeof globalThis & { __tailwatchDecodeThreads?: DecodeThreads };

/**
 * Decodes one export request (see decode-request.ts) on a decode thread, or on the event loop when
 * TAILWATCH_INGEST_DECODE_THREADS is 0. Rejects DecodeThreadError (answer 503) when the backlog is full or the
 * thread died meanwhile.
 */
function decodeSomewhere(r: ExportRequest): Promise<DecodeResult> {
  const c = config();
  if (c.TAILWATCH_INGEST_DECODE_THREADS === 0) return Promise.resolve(decodeExportRequest(r));
  holder.__tailwatchDecodeThreads ??= new DecodeThreads(
    c.TAILWATCH_INGEST_DECODE_THREADS,
    c.TAILWATCH_INGEST_DECODE_BACKLOG_BYTES,
  );
  return holder.__tailwatchDecodeThreads.run(r);
}

/** One trace export request of `projectId` (decodeSomewhere). */
export function decodeSpans(
  body: Buffer,
  type: OtlpContentType,
  projectId: number,
  encoding: BodyEncoding,
): Promise<SpanDecodeResult> {
  return decodeSomewhere({ signal: 'traces', body, type, projectId, encoding }) as Promise<SpanDecodeResult>;
}

/** One metrics export request of `projectId` (decodeSomewhere). */
export function decodeMetricPoints(
  body: Buffer,
  type: OtlpContentType,
  projectId: number,
  encoding: BodyEncoding,
): Promise<MetricDecodeResult> {
  return decodeSomewhere({ signal: 'metrics', body, type, projectId, encoding }) as Promise<MetricDecodeResult>;
}
