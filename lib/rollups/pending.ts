import { fromSparse, toSparse } from '../sketch';
import type { RollupRow } from './aggregate';

// The stored forms of a group's pending rollups (telemetry.rollup_pending.rows), written with every ingest
// group and parsed only when a flusher picks up rows whose owner did not flush them:
// - where the spans are: {"receivedMs":N,"payloads":[[projectId,payloadId],...]}, for a group whose spans were
//   all new and all came in export requests (the common case). Its minute rows are computed by the flush from
//   the spans still in memory, or after a crash from the stored request bodies (telemetry.span_payloads,
//   received_at = receivedMs) with the same decoder, so the same spans. A few bytes per request instead of
//   ~100 bytes of rollups per span.
// - the minute rows themselves, a JSON array of compact rows: any other group (a retried batch with duplicates,
//   rows stored without a request body).

export interface PayloadRefs {
  receivedMs: number;
  payloads: [projectId: number, payloadId: number][];
}

type Stored = [
  projectId: number,
  service: string,
  bucketMs: number,
  environment: string,
  release: string,
  route: string,
  method: string,
  count: number,
  errorCount: number,
  sumMs: number,
  minMs: number,
  maxMs: number,
  zeroCount: number,
  keys: number[],
  counts: number[],
  slowIds: string[],
  slowDurations: number[],
  errorIds: string[],
  errorAt: number[],
];

export function encodePayloadRefs(refs: PayloadRefs): string {
  return JSON.stringify(refs);
}

export function encodePending(rows: readonly RollupRow[]): string {
  return JSON.stringify(
    rows.map((r): Stored => {
      const s = toSparse(r.sketch);
      return [
        r.projectId,
        r.service,
        r.bucketMs,
        r.environment,
        r.release,
        r.route,
        r.method,
        r.count,
        r.errorCount,
        r.sumMs,
        r.minMs,
        r.maxMs,
        s.zeroCount,
        s.keys,
        s.counts,
        r.slow.map((x) => x.traceId),
        r.slow.map((x) => x.durationMs),
        r.errors,
        r.errorAt,
      ];
    }),
  );
}

/** Either stored form; `rows` for minute rows, `refs` for where the spans are. */
export function decodePending(text: string): { rows: RollupRow[] } | { refs: PayloadRefs } {
  const parsed = JSON.parse(text) as Stored[] | PayloadRefs;
  if (!Array.isArray(parsed)) return { refs: parsed };
  return { rows: decodeRows(parsed) };
}

function decodeRows(stored: Stored[]): RollupRow[] {
  return stored.map((s) => ({
    projectId: s[0],
    service: s[1],
    bucketMs: s[2],
    environment: s[3],
    release: s[4],
    route: s[5],
    method: s[6],
    count: s[7],
    errorCount: s[8],
    sumMs: s[9],
    minMs: s[10],
    maxMs: s[11],
    sketch: fromSparse({ zeroCount: s[12], keys: s[13], counts: s[14] }),
    slow: s[15].map((traceId, i) => ({ traceId, durationMs: s[16][i] })),
    errors: s[17],
    errorAt: s[18],
  }));
}
