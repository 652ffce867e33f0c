import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, verifyIngestKey } from '../../auth/keys';
import { config } from '../../config';
import { TokenBuckets } from '../../feedback/http/token-buckets';
import type { FastContext } from '../../http/fast-route';
import { readCappedBody } from '../../http/read-capped-body';
import { metrics } from '../../metrics';
import type { BodyEncoding, Undecodable } from '../decode/decode-request';
import { DecodeThreadError, decodeMetricPoints, decodeSpans } from '../decode/threads';
import type { OtlpContentType } from '../otlp';
import { enqueueMetricPoints, enqueueSpans, ingestQueueFull, QueueFullError, WriteUnavailableError } from '../writer';
import { type Signal, sendExportResponse, sendStatus } from './otlp-responses';

// POST /v1/traces and /v1/metrics (OTLP/HTTP). Order: authenticate, check the media type and encoding,
// rate-limit, read the body under the cap, inflate (gzip, under the same cap) and decode on a decode thread,
// queue for the group commit, answer after COMMIT.

const MEDIA_TYPES: Record<string, OtlpContentType> = {
  'application/x-protobuf': 'protobuf',
  'application/protobuf': 'protobuf',
  'application/json': 'json',
};

export function contentTypeOf(header: string | undefined): OtlpContentType | null {
  const media = (header ?? '').split(';')[0].trim().toLowerCase();
  return MEDIA_TYPES[media] ?? null;
}

/** null: not an encoding we accept (415). */
export function isGzipped(header: string | undefined): boolean | null {
  const enc = (header ?? '').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return false;
  return enc === 'gzip' || enc === 'x-gzip' ? true : null;
}

const holder = globalThis as typeof globalThis & { __tailwatchIngestBuckets?: TokenBuckets };
function buckets(): TokenBuckets {
  const c = config();
  holder.__tailwatchIngestBuckets ??= new TokenBuckets(
    c.TAILWATCH_INGEST_RATE_PER_KEY * 60,
    c.TAILWATCH_INGEST_BURST_PER_KEY,
  );
  return holder.__tailwatchIngestBuckets;
}

/** A decoded request: what was rejected, and how to store the rest (null: nothing was accepted). */
type Prepared =
  | { ok: true; rejected: number; errorMessage: string; store: (() => Promise<unknown>) | null }
  | Undecodable;

type Prepare = (body: Buffer, type: OtlpContentType, projectId: number, encoding: BodyEncoding) => Promise<Prepared>;

const SIGNALS: Record<Signal, { prepare: Prepare; label: string }> = {
  // Spans are decoded (without their attribute/resource/event JSON: those stay in the stored request body),
  // deflated and encoded on a decode thread (lib/ingest/decode/threads.ts); metric points are decoded and
  // written as COPY text there.
  traces: {
    prepare: async (body, type, projectId, encoding) => {
      const r = await decodeSpans(body, type, projectId, encoding);
      if (!r.ok) return r;
      const { batch } = r;
      return { ...r, store: batch ? () => enqueueSpans(batch) : null };
    },
    label: 'spans',
  },
  metrics: {
    prepare: async (body, type, projectId, encoding) => {
      const r = await decodeMetricPoints(body, type, projectId, encoding);
      if (!r.ok) return r;
      const { batch } = r;
      return { ...r, store: batch ? () => enqueueMetricPoints(batch) : null };
    },
    label: 'metrics',
  },
};

export function ingestHandler(signal: Signal) {
  const { prepare, label } = SIGNALS[signal];
  return async (req: IncomingMessage, res: ServerResponse, ctx: FastContext): Promise<void> => {
    const type = contentTypeOf(req.headers['content-type']);
    const secret = bearerToken(req.headers.authorization);
    let key: Awaited<ReturnType<typeof verifyIngestKey>> = null;
    try {
      key = secret ? await verifyIngestKey(secret) : null;
    } catch (err) {
      ctx.log.warn({ err }, 'ingest key check failed');
      return sendStatus(res, 503, type, 'Database unavailable', { 'retry-after': '5' });
    }
    if (!key) return sendStatus(res, 401, type, 'Missing, unknown or revoked ingest key');
    if (!type) return sendStatus(res, 415, null, 'Content-Type must be application/x-protobuf or application/json');
    const gzipped = isGzipped(req.headers['content-encoding'] as string | undefined);
    if (gzipped === null) return sendStatus(res, 415, type, 'Content-Encoding must be gzip or none');
    const decision = buckets().take(key.keyId, Date.now());
    if (!decision.allowed) {
      return sendStatus(res, 429, type, 'Rate limit exceeded for this key', {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
    // The cap holds on the wire here, and after inflating on the decode thread (a gzip bomb stops at it: 413).
    const cap = config().TAILWATCH_MAX_BODY_BYTES;
    const body = await readCappedBody(req, cap);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      // No Connection: close: the rest of an oversized body is still being read (lib/http/read-capped-body.ts).
      return sendStatus(res, 413, type, `Body larger than ${cap} bytes`);
    }
    // Our own limits and failures: 503 with the error's Retry-After, so the client retries.
    const retryLater = (err: { message: string; retryAfterSeconds: number }) =>
      sendStatus(res, 503, type, err.message, { 'retry-after': String(err.retryAfterSeconds) });
    // A full write queue refuses the request before it is decoded (it would be refused after).
    if (ingestQueueFull()) return retryLater(new QueueFullError());
    let decoded: Prepared;
    try {
      decoded = await prepare(body.body, type, key.projectId, { gzipped, maxBytes: cap });
    } catch (err) {
      if (!(err instanceof DecodeThreadError)) throw err;
      return retryLater(err);
    }
    if (!decoded.ok) return sendStatus(res, decoded.status, type, decoded.message);
    const counter = metrics().ingestItems;
    if (decoded.rejected > 0) counter.inc({ signal: label, outcome: 'rejected' }, decoded.rejected);
    if (decoded.store) {
      try {
        await decoded.store();
      } catch (err) {
        if (err instanceof QueueFullError || err instanceof WriteUnavailableError) return retryLater(err);
        throw err;
      }
    }
    sendExportResponse(res, type, signal, decoded.rejected, decoded.errorMessage);
  };
}
