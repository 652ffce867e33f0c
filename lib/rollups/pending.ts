import { fromSparse, toSparse } from '../sketch';
import type { RollupRow } from './aggregate';

// The stored form of pending minute rollups (telemetry.rollup_pending.rows): a JSON array of compact rows.
// Written with every ingest group, parsed only when a flusher picks up rows whose owner did not flush them.

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

export function decodePending(text: string): RollupRow[] {
  return (JSON.parse(text) as Stored[]).map((s) => ({
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
