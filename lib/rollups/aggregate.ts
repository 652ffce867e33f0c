import { type RequestSpans, SERIES_FIELDS, traceIdHex } from '../ingest/span-batch';
import { addValue, createSketch, mergeInto, type Sketch, toSparse } from '../sketch';

// Rollups of newly inserted request spans, computed in Node (see docs/architecture.md "Ingest"). Minute rows
// come from the spans (in the flush, or in the ingest transaction for a group with duplicates); the flush
// merges them and derives hour and day rows and the service level from the minutes, so every tier describes
// exactly the same spans.

export const SLOW_EXEMPLARS = 5; // slowest trace ids kept per rollup row
export const ERROR_EXEMPLARS = 5; // failed trace ids kept per rollup row

// fiveMinute exists at the service level only (lib/rollups/flush.ts): series at 5-minute steps over all routes.
export type Tier = 'minute' | 'fiveMinute' | 'hour' | 'day';
export const TIER_MS: Record<Tier, number> = { minute: 60_000, fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000 };

export interface RollupRow {
  projectId: number;
  service: string;
  bucketMs: number; // UTC-aligned start of the tier's bucket
  environment: string;
  release: string;
  route: string;
  method: string;
  count: number;
  errorCount: number;
  sumMs: number;
  minMs: number;
  maxMs: number;
  sketch: Sketch;
  slow: { traceId: string; durationMs: number }[]; // slowest first, at most SLOW_EXEMPLARS
  errors: string[]; // newest first, at most ERROR_EXEMPLARS
  errorAt: number[]; // start ms of each error exemplar (ordering only)
}

/** New request spans of one project (one export request's, or a subset of them). */
export interface NewSpans {
  projectId: number;
  spans: RequestSpans;
}

const keyOf = (r: Omit<RollupRow, 'count'> | RollupRow, bucketMs: number) =>
  `${r.projectId}\u0000${r.service}\u0000${bucketMs}\u0000${r.environment}\u0000${r.release}\u0000${r.route}\u0000${r.method}`;

function emptyRow(projectId: number, names: readonly string[], at: number, bucketMs: number): RollupRow {
  return {
    projectId,
    service: names[at],
    bucketMs,
    environment: names[at + 1],
    release: names[at + 2],
    route: names[at + 3],
    method: names[at + 4],
    count: 0,
    errorCount: 0,
    sumMs: 0,
    minMs: Infinity,
    maxMs: -Infinity,
    sketch: createSketch(),
    slow: [],
    errors: [],
    errorAt: [],
  };
}

function addSlow(list: RollupRow['slow'], traceId: string, durationMs: number): void {
  if (list.length === SLOW_EXEMPLARS && list[list.length - 1].durationMs >= durationMs) return;
  let i = list.length;
  while (i > 0 && list[i - 1].durationMs < durationMs) i--;
  list.splice(i, 0, { traceId, durationMs });
  if (list.length > SLOW_EXEMPLARS) list.pop();
}

function addError(row: RollupRow, traceId: string, atMs: number): void {
  if (row.errors.length === ERROR_EXEMPLARS && row.errorAt[row.errorAt.length - 1] >= atMs) return;
  let i = row.errorAt.length;
  while (i > 0 && row.errorAt[i - 1] < atMs) i--;
  row.errors.splice(i, 0, traceId);
  row.errorAt.splice(i, 0, atMs);
  if (row.errors.length > ERROR_EXEMPLARS) {
    row.errors.pop();
    row.errorAt.pop();
  }
}

/** Whether a span of `durationMs` enters the slowest-exemplar list (its trace id is only made then). */
const entersSlow = (list: RollupRow['slow'], durationMs: number) =>
  list.length < SLOW_EXEMPLARS || list[list.length - 1].durationMs < durationMs;
const entersErrors = (row: RollupRow, atMs: number) =>
  row.errors.length < ERROR_EXEMPLARS || row.errorAt[row.errorAt.length - 1] < atMs;

/** Minute rollups of new request spans. */
export function minuteRollups(batches: readonly NewSpans[]): RollupRow[] {
  // Series key -> minute -> row. The string key is built once per series of a batch; per span only a
  // numeric map is looked up (a string key per span cost more than the rest of the loop).
  const bySeries = new Map<string, Map<number, RollupRow>>();
  const out: RollupRow[] = [];
  for (const { projectId, spans } of batches) {
    const { names, startUs, durationMs, isError, series } = spans;
    const minutes: Map<number, RollupRow>[] = [];
    for (let at = 0; at < names.length; at += SERIES_FIELDS) {
      const key = `${projectId}\u0000${names[at]}\u0000${names[at + 1]}\u0000${names[at + 2]}\u0000${names[at + 3]}\u0000${names[at + 4]}`;
      let m = bySeries.get(key);
      if (!m) {
        m = new Map();
        bySeries.set(key, m);
      }
      minutes.push(m);
    }
    for (let i = 0; i < spans.count; i++) {
      const bucketMs = Math.floor(startUs[i] / 60_000_000) * 60_000;
      const m = minutes[series[i]];
      let r = m.get(bucketMs);
      if (!r) {
        r = emptyRow(projectId, names, series[i] * SERIES_FIELDS, bucketMs);
        m.set(bucketMs, r);
        out.push(r);
      }
      const raw = durationMs[i];
      const d = raw >= 0 && Number.isFinite(raw) ? raw : 0;
      r.count++;
      r.sumMs += d;
      if (d < r.minMs) r.minMs = d;
      if (d > r.maxMs) r.maxMs = d;
      addValue(r.sketch, d);
      if (entersSlow(r.slow, d)) addSlow(r.slow, traceIdHex(spans, i), d);
      if (isError[i] === 1) {
        r.errorCount++;
        const atMs = startUs[i] / 1000;
        if (entersErrors(r, atMs)) addError(r, traceIdHex(spans, i), atMs);
      }
    }
  }
  return out;
}

/** Merges finer rollup rows into the coarser tier's buckets. */
export function coarsen(rows: readonly RollupRow[], tier: Tier): RollupRow[] {
  const size = TIER_MS[tier];
  const out = new Map<string, RollupRow>();
  for (const r of rows) {
    const bucketMs = Math.floor(r.bucketMs / size) * size;
    const key = keyOf(r, bucketMs);
    let c = out.get(key);
    if (!c) {
      c = {
        ...r,
        bucketMs,
        count: 0,
        errorCount: 0,
        sumMs: 0,
        minMs: Infinity,
        maxMs: -Infinity,
        sketch: createSketch(),
        slow: [],
        errors: [],
        errorAt: [],
      };
      out.set(key, c);
    }
    c.count += r.count;
    c.errorCount += r.errorCount;
    c.sumMs += r.sumMs;
    c.minMs = Math.min(c.minMs, r.minMs);
    c.maxMs = Math.max(c.maxMs, r.maxMs);
    mergeInto(c.sketch, r.sketch);
    for (const s of r.slow) addSlow(c.slow, s.traceId, s.durationMs);
    for (let i = 0; i < r.errors.length; i++) addError(c, r.errors[i], r.errorAt[i]);
  }
  return [...out.values()];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Primary-key order (project, service, bucket, environment, release, route, method). Every writer, in
 * every process, upserts in this order, so two transactions touching the same rows cannot deadlock.
 */
export function sortByKey(rows: RollupRow[]): RollupRow[] {
  return rows.sort(
    (a, b) =>
      a.projectId - b.projectId ||
      cmp(a.service, b.service) ||
      a.bucketMs - b.bucketMs ||
      cmp(a.environment, b.environment) ||
      cmp(a.release, b.release) ||
      cmp(a.route, b.route) ||
      cmp(a.method, b.method),
  );
}

/**
 * The route-level tiers of minute rows (rows of equal key, e.g. from several ingest groups, merged first
 * unless `merged`: one minuteRollups result has no equal keys): minute, hour and day, each sorted by key.
 */
export function routeTiers(minuteRows: RollupRow[], merged = false): Record<'minute' | 'hour' | 'day', RollupRow[]> {
  const minute = merged ? minuteRows : coarsen(minuteRows, 'minute');
  const hour = coarsen(minute, 'hour');
  const day = coarsen(hour, 'day');
  return { minute: sortByKey(minute), hour: sortByKey(hour), day: sortByKey(day) };
}

/**
 * The service-level tiers of route-level minute rows: merged over route and method (route = method = ''),
 * without exemplars (those stay on the route level); minute, 5 minutes, hour and day, each sorted by key.
 */
export function serviceTiers(minuteRows: readonly RollupRow[]): Record<Tier, RollupRow[]> {
  const minute = coarsen(
    minuteRows.map((r) => ({ ...r, route: '', method: '' })),
    'minute',
  );
  for (const r of minute) {
    r.slow = [];
    r.errors = [];
    r.errorAt = [];
  }
  const fiveMinute = coarsen(minute, 'fiveMinute');
  const hour = coarsen(fiveMinute, 'hour');
  const day = coarsen(hour, 'day');
  return {
    minute: sortByKey(minute),
    fiveMinute: sortByKey(fiveMinute),
    hour: sortByKey(hour),
    day: sortByKey(day),
  };
}

export { toSparse };
