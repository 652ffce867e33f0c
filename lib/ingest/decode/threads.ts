import { Worker } from 'node:worker_threads';
import { config } from '../../config';
import { log } from '../../log';
import type { OtlpContentType } from '../otlp';
import type { SpanBatch } from '../span-batch';
import { decodeSpanRequest, type SpanDecodeResult } from './decode-spans';
import type { DecodeRequest } from './thread-main';

// Trace export requests are decoded, deflated and encoded on decode threads (worker_threads), so the event loop
// only does HTTP and PostgreSQL I/O. Measured on a 2-core machine: those three steps were ~30% of the server's
// CPU per span, all of it on the event loop, which was the ingest bottleneck (docs/architecture.md "Ingest").
// TAILWATCH_INGEST_DECODE_THREADS (default 1) sets how many; 0 decodes on the event loop.
// A thread that dies fails its requests with DecodeThreadError (answered 503, the client retries); the next
// request starts a new one.

export class DecodeThreadError extends Error {
  readonly retryAfterSeconds = 1;
  constructor(reason: string) {
    super(`Decoding unavailable: ${reason}`);
  }
}

interface Waiting {
  resolve(r: SpanDecodeResult): void;
  reject(e: Error): void;
}

type Reply = { id: number; result: SpanDecodeResult } | { id: number; error: string };

class DecodeThread {
  readonly waiting = new Map<number, Waiting>();
  private readonly worker: Worker;
  dead = false;

  constructor(onDeath: (t: DecodeThread) => void) {
    this.worker = new Worker(new URL('./thread.mjs', import.meta.url));
    this.worker.unref(); // never what keeps a process alive
    this.worker.on('message', (m: Reply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if ('error' in m) w.reject(new Error(`decode thread: ${m.error}`));
      else w.resolve(received(m.result));
    });
    const die = (reason: string) => {
      if (this.dead) return;
      this.dead = true;
      onDeath(this);
      const e = new DecodeThreadError(reason);
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', (err) => {
      log.error({ err }, 'decode thread failed');
      die(err.message);
    });
    this.worker.on('exit', (code) => die(`thread exited (${code})`));
  }

  post(m: DecodeRequest, w: Waiting): void {
    this.waiting.set(m.id, w);
    this.worker.postMessage(m, [m.body.buffer as ArrayBuffer]);
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Typed arrays arrive as plain Uint8Arrays: the rows and the payload body become Buffers again. */
function received(r: SpanDecodeResult): SpanDecodeResult {
  if (!r.ok || !r.batch) return r;
  const b: SpanBatch = r.batch;
  b.rows = Buffer.from(b.rows.buffer, b.rows.byteOffset, b.rows.byteLength);
  b.payload.body = Buffer.from(b.payload.body.buffer, b.payload.body.byteOffset, b.payload.body.byteLength);
  return r;
}

export class DecodeThreads {
  private threads: DecodeThread[] = [];
  private nextId = 1;

  constructor(private readonly size: number) {}

  decode(body: Buffer, type: OtlpContentType, projectId: number): Promise<SpanDecodeResult> {
    // The body goes over in a buffer of its own (transferred, not cloned).
    const own = new Uint8Array(body.length);
    own.set(body);
    const id = this.nextId++;
    return new Promise((resolve, reject) => this.pick().post({ id, body: own, type, projectId }, { resolve, reject }));
  }

  /** The least busy thread, starting one while fewer than `size` run. */
  private pick(): DecodeThread {
    if (this.threads.length < this.size) {
      const t = new DecodeThread((dead) => {
        this.threads = this.threads.filter((x) => x !== dead);
      });
      this.threads.push(t);
      return t;
    }
    let best = this.threads[0];
    for (const t of this.threads) if (t.waiting.size < best.waiting.size) best = t;
    return best;
  }

  /** Test hook: how many threads run. */
  get running(): number {
    return this.threads.length;
  }

  async close(): Promise<void> {
    const all = this.threads;
    this.threads = [];
    await Promise.all(all.map((t) => t.terminate()));
  }
}

const holder = globalThis as typeof globalThis & { __tailwatchDecodeThreads?: DecodeThreads };

/**
 * Decodes one trace export request of `projectId` (see decode-spans.ts) on a decode thread, or on the event loop
 * when TAILWATCH_INGEST_DECODE_THREADS is 0. Rejects DecodeThreadError when the thread died meanwhile.
 */
export function decodeSpans(body: Buffer, type: OtlpContentType, projectId: number): Promise<SpanDecodeResult> {
  const size = config().TAILWATCH_INGEST_DECODE_THREADS;
  if (size === 0) return Promise.resolve(decodeSpanRequest(body, type, projectId));
  holder.__tailwatchDecodeThreads ??= new DecodeThreads(size);
  return holder.__tailwatchDecodeThreads.decode(body, type, projectId);
}
