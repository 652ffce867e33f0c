import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary';
import { startMicros } from './copy-text';
import type { SpanPayload } from './payloads';
import type { SpanRow } from './rows';

// The group commit's COPY FROM STDIN: spans and payloads in binary format (lib/ingest/copy-binary.ts),
// metric points as text (lib/ingest/copy-text.ts).

export interface SpanBatch {
  projectId: number;
  rows: SpanRow[];
  payload: SpanPayload;
}

const CHUNK_CHARS = 1 << 20;

/** Text COPY lines batched into ~1 MB chunks (one stream write each). */
export function* copyChunks<B extends { projectId: number; rows: R[] }, R>(
  batches: readonly B[],
  line: (p: number, r: R) => string,
) {
  let buf = '';
  for (const b of batches) {
    for (const r of b.rows) {
      buf += line(b.projectId, r);
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = '';
      }
    }
  }
  if (buf) yield buf;
}

/** `table` and `columns` come from constants of this module's callers, never from input. */
export async function copyInto(
  client: pg.PoolClient,
  table: string,
  columns: string,
  source: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`));
  await pipeline(Readable.from(source), stream);
}

/**
 * Binary COPY of rows built with BinaryRows (one buffer, or chunks of whole rows); `table` and `columns` are
 * constants, as above.
 */
export async function copyBinary(
  client: pg.ClientBase,
  table: string,
  columns: string,
  rows: Buffer | Iterable<Buffer>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT binary)`));
  if (Buffer.isBuffer(rows)) {
    // The ingest path: three writes, no Readable and pipeline per COPY (whose teardown alone showed in profiles).
    // 'finish' comes after PostgreSQL confirmed the COPY; a refused row (duplicate key) is an 'error'.
    await new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
      stream.write(COPY_BINARY_HEADER);
      stream.write(rows);
      stream.end(COPY_BINARY_TRAILER);
    });
    return;
  }
  function* withHeader(chunks: Iterable<Buffer>) {
    yield COPY_BINARY_HEADER;
    yield* chunks;
    yield COPY_BINARY_TRAILER;
  }
  await pipeline(Readable.from(withHeader(rows)), stream);
}

export const SPAN_COLUMNS =
  'project_id, trace_id, span_id, parent_span_id, start_time, duration_ms, name, kind, status_code, status_message, service, release, environment, route, method, http_status, is_request, is_error, payload_id';
const SPAN_FIELDS = 19;

/** The group's span rows in telemetry.spans' column types (SPAN_COLUMNS order). */
export function spanRows(batches: readonly SpanBatch[]): Buffer {
  let count = 0;
  for (const b of batches) count += b.rows.length;
  const out = new BinaryRows(count * 160 + 64);
  for (const b of batches) {
    const payloadId = b.payload.id;
    for (const r of b.rows) {
      out.row(SPAN_FIELDS);
      out.int4(b.projectId);
      out.hexBytes(r.traceId);
      out.hexBytes(r.spanId);
      if (r.parentSpanId === '') out.null();
      else out.hexBytes(r.parentSpanId);
      out.timestampMicros(startMicros(r.startMs));
      out.float8(r.durationMs);
      out.text(r.name);
      out.int2(r.kind);
      out.int2(r.statusCode);
      out.text(r.statusMessage);
      out.text(r.service);
      out.text(r.release);
      out.text(r.environment);
      out.text(r.route);
      out.text(r.method);
      out.int4(r.httpStatus | 0);
      out.bool(r.isRequest);
      out.bool(r.isError);
      out.int8(payloadId);
    }
  }
  return out.bytes();
}

export const PAYLOAD_COLUMNS = 'project_id, id, received_at, format, body';

/** One telemetry.span_payloads row per batch, received at `receivedMs`. */
export function payloadRows(batches: readonly SpanBatch[], receivedMs: number): Buffer {
  let bytes = 64;
  for (const b of batches) bytes += b.payload.body.length + 48;
  const out = new BinaryRows(bytes);
  for (const b of batches) {
    out.row(5);
    out.int4(b.projectId);
    out.int8(b.payload.id);
    out.timestampMicros(receivedMs * 1000);
    out.int2(b.payload.format);
    out.bytea(b.payload.body);
  }
  return out.bytes();
}
