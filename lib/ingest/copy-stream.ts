import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary';
import type { SpanBatch } from './span-batch';

// The group commit's COPY FROM STDIN: spans and payloads in binary format (lib/ingest/copy-binary.ts),
// metric points as text (lib/ingest/copy-text.ts).

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
