// The metrics a rule can watch. Values are named as they appear in notifications (`values` of an alert
// event), so a receiver reads `p95_ms: 812` rather than a bare number.

export const ALERT_METRICS = [
  'latency_p50',
  'latency_p95',
  'latency_p99',
  'error_rate',
  'throughput',
  'queue_depth',
  'perceived_score',
  'release_p95_regression',
  'release_error_rate_regression',
] as const;

export type AlertMetric = (typeof ALERT_METRICS)[number];

/** Where a metric's numbers come from; each source has its own loader. */
export type MetricSource = 'requests' | 'gauge' | 'feedback' | 'release';

export interface MetricInfo {
  label: string;
  /** Key in the alert event's `values`. */
  valueName: string;
  unit: string;
  source: MetricSource;
}

export const METRIC_INFO: Readonly<Record<AlertMetric, MetricInfo>> = {
  latency_p50: { label: 'p50 latency', valueName: 'p50_ms', unit: 'ms', source: 'requests' },
  latency_p95: { label: 'p95 latency', valueName: 'p95_ms', unit: 'ms', source: 'requests' },
  latency_p99: { label: 'p99 latency', valueName: 'p99_ms', unit: 'ms', source: 'requests' },
  error_rate: { label: 'Error rate', valueName: 'error_rate_pct', unit: '%', source: 'requests' },
  throughput: { label: 'Throughput', valueName: 'requests_per_min', unit: 'req/min', source: 'requests' },
  queue_depth: { label: 'Queue depth (gauge)', valueName: 'queue_depth', unit: 'items', source: 'gauge' },
  perceived_score: {
    label: 'Perceived performance score',
    valueName: 'perceived_score',
    unit: 'of 100',
    source: 'feedback',
  },
  release_p95_regression: {
    label: 'Release regression: p95',
    valueName: 'p95_change_pct',
    unit: '% vs previous release',
    source: 'release',
  },
  release_error_rate_regression: {
    label: 'Release regression: error rate',
    valueName: 'error_rate_change_pp',
    unit: 'points vs previous release',
    source: 'release',
  },
};

/** Quantile read from the merged sketch for the latency metrics (and the p95 regression). */
export const LATENCY_QUANTILE: Partial<Record<AlertMetric, number>> = {
  latency_p50: 0.5,
  latency_p95: 0.95,
  latency_p99: 0.99,
  release_p95_regression: 0.95,
};
