import { notFound } from '@/lib/http/api';
import type { ReadFilters } from './filters';
import { getLatencyAggregate } from './get-stats';
import type { LatencyAggregate } from './latency-summary';
import { listReleaseSeen, type ReleaseSeen } from './release-first-seen';
import type { Queryable } from './types';
import { compareErrorRate, comparePercentile, compareThroughput, type MetricComparison } from './verdict-stats';

export interface VerdictInput {
  projectId: number;
  service: string;
  release: string;
  baseline?: string; // default: the release first seen before `release`
  environment?: string;
  fromMs: number;
  toMs: number;
}

export interface ReleaseFigures {
  release: string;
  from: string; // the window its figures cover
  to: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  errorCount: number;
}

export interface ReleaseVerdict {
  service: string;
  from: string;
  to: string;
  confidence: 0.95;
  candidate: ReleaseFigures;
  baseline: ReleaseFigures | null; // null: no earlier release to compare with
  /** True when p50, p95, p99 or the error rate is significantly worse (throughput is informational). */
  regression: boolean;
  metrics: MetricComparison[];
}

const GATING = new Set(['p50', 'p95', 'p99', 'errorRate']);

/** GET /api/v1/releases/verdict: release vs baseline, per metric better / worse / no significant change. */
export async function releaseVerdict(db: Queryable, input: VerdictInput): Promise<ReleaseVerdict> {
  const seen = await listReleaseSeen(db, {
    projectId: input.projectId,
    service: input.service,
    environment: input.environment,
  });
  const candidate = seen.find((r) => r.release === input.release);
  if (!candidate) throw notFound(`Release "${input.release}" of service "${input.service}" not found`);
  const baseline =
    input.baseline !== undefined ? seen.find((r) => r.release === input.baseline) : previousRelease(seen, candidate);
  if (input.baseline !== undefined && !baseline) throw notFound(`Baseline release "${input.baseline}" not found`);

  const candWindow = { fromMs: input.fromMs, toMs: input.toMs };
  const baseWindow = baseline ? baselineWindow(baseline, input.toMs) : candWindow;
  const filters = (release: string, w: Window): ReadFilters => ({ ...input, ...w, release });
  const [cand, base] = await Promise.all([
    getLatencyAggregate(db, filters(candidate.release, candWindow)),
    baseline ? getLatencyAggregate(db, filters(baseline.release, baseWindow)) : null,
  ]);
  const metrics = base
    ? compare(base, cand, activeSeconds(baseline as ReleaseSeen, baseWindow), activeSeconds(candidate, candWindow))
    : [];
  return {
    service: input.service,
    from: new Date(input.fromMs).toISOString(),
    to: new Date(input.toMs).toISOString(),
    confidence: 0.95,
    candidate: figures(candidate, cand, candWindow),
    baseline: baseline && base ? figures(baseline, base, baseWindow) : null,
    regression: metrics.some((m) => GATING.has(m.metric) && m.verdict === 'worse'),
    metrics,
  };
}

type Window = { fromMs: number; toMs: number };

const BASELINE_SPAN_MS = 7 * 24 * 3600_000;

/**
 * The baseline is judged on its own most recent traffic (up to 7 days before its last request, not after
 * `to`), not on the candidate's window: a release replaced days ago has no traffic in "the last 24 h".
 */
function baselineWindow(r: ReleaseSeen, toMs: number): Window {
  const end = Math.min(r.lastSeenMs, toMs);
  return { fromMs: Math.max(r.firstSeenMs, end - BASELINE_SPAN_MS), toMs: end };
}

function previousRelease(seen: ReleaseSeen[], candidate: ReleaseSeen): ReleaseSeen | undefined {
  return seen
    .filter((r) => r.release !== candidate.release && r.firstSeenMs < candidate.firstSeenMs)
    .sort((a, b) => b.firstSeenMs - a.firstSeenMs)[0];
}

/** Seconds a release served traffic inside the window (its first-to-last seen, clipped). */
function activeSeconds(r: ReleaseSeen, w: Window): number {
  return Math.max(0, Math.min(r.lastSeenMs, w.toMs) - Math.max(r.firstSeenMs, w.fromMs)) / 1000;
}

function compare(
  base: LatencyAggregate,
  cand: LatencyAggregate,
  baseSeconds: number,
  candSeconds: number,
): MetricComparison[] {
  return [
    comparePercentile(base.sketch, cand.sketch, 0.5, 'p50'),
    comparePercentile(base.sketch, cand.sketch, 0.95, 'p95'),
    comparePercentile(base.sketch, cand.sketch, 0.99, 'p99'),
    compareErrorRate({ n: base.count, errors: base.errorCount }, { n: cand.count, errors: cand.errorCount }),
    compareThroughput({ n: base.count, seconds: baseSeconds }, { n: cand.count, seconds: candSeconds }),
  ];
}

function figures(r: ReleaseSeen, agg: LatencyAggregate, w: Window): ReleaseFigures {
  return {
    release: r.release,
    from: new Date(w.fromMs).toISOString(),
    to: new Date(w.toMs).toISOString(),
    firstSeen: new Date(r.firstSeenMs).toISOString(),
    lastSeen: new Date(r.lastSeenMs).toISOString(),
    count: agg.count,
    errorCount: agg.errorCount,
  };
}
