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

  const filters = (release: string): ReadFilters => ({ ...input, release });
  const [cand, base] = await Promise.all([
    getLatencyAggregate(db, filters(candidate.release)),
    baseline ? getLatencyAggregate(db, filters(baseline.release)) : null,
  ]);
  const metrics = base
    ? compare(base, cand, activeSeconds(baseline as ReleaseSeen, input), activeSeconds(candidate, input))
    : [];
  return {
    service: input.service,
    from: new Date(input.fromMs).toISOString(),
    to: new Date(input.toMs).toISOString(),
    confidence: 0.95,
    candidate: figures(candidate, cand),
    baseline: baseline && base ? figures(baseline, base) : null,
    regression: metrics.some((m) => GATING.has(m.metric) && m.verdict === 'worse'),
    metrics,
  };
}

function previousRelease(seen: ReleaseSeen[], candidate: ReleaseSeen): ReleaseSeen | undefined {
  return seen
    .filter((r) => r.release !== candidate.release && r.firstSeenMs < candidate.firstSeenMs)
    .sort((a, b) => b.firstSeenMs - a.firstSeenMs)[0];
}

/** Seconds a release served traffic inside the window (its first-to-last seen, clipped). */
function activeSeconds(r: ReleaseSeen, input: VerdictInput): number {
  return Math.max(0, Math.min(r.lastSeenMs, input.toMs) - Math.max(r.firstSeenMs, input.fromMs)) / 1000;
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

function figures(r: ReleaseSeen, agg: LatencyAggregate): ReleaseFigures {
  return {
    release: r.release,
    firstSeen: new Date(r.firstSeenMs).toISOString(),
    lastSeen: new Date(r.lastSeenMs).toISOString(),
    count: agg.count,
    errorCount: agg.errorCount,
  };
}
