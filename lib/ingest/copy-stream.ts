import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SPAN_COLUMNS, spanDirectLine } from './copy-text';
import type { SpanRow } from './rows';

// COPY FROM STDIN helpers of the group commit. Lines are batched into ~1 MB chunks (one stream write each).

const CHUNK_CHARS = 1 << 20;

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
 * The common case, measured ~2x cheaper than staging + INSERT ... SELECT: COPY the group straight into
 * telemetry.spans under a savepoint. Any SQL error (a duplicate of a retried batch: 23505, a deadlock with
 * a concurrent writer of the same spans, a value the typed columns refuse) rolls back to the savepoint and
 * returns false: the caller then takes the staging path, whose ON CONFLICT DO NOTHING skips duplicates.
 */
export async function copySpansDirect(
  client: pg.PoolClient,
  spans: readonly { projectId: number; rows: SpanRow[] }[],
): Promise<boolean> {
  await client.query('SAVEPOINT tw_direct_copy');
  try {
    await copyInto(client, 'telemetry.spans', SPAN_COLUMNS, copyChunks(spans, spanDirectLine));
  } catch (err) {
    if (typeof (err as { code?: unknown }).code !== 'string') throw err; // connection trouble: give up the group
    await client.query('ROLLBACK TO SAVEPOINT tw_direct_copy');
    return false;
  }
  await client.query('RELEASE SAVEPOINT tw_direct_copy');
  return true;
}
