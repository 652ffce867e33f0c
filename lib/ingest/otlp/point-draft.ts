import { createHash } from 'node:crypto';
import type { MetricKind, MetricPointRow } from '../rows';
import { type AttributeValue, sortedObjectJson } from './attribute-value';
import { hasNul, JSONB_REASON, jsonbRefuses, NUL_REASON, OTLP_LIMITS } from './limits';
import { TimeParts } from './nanos';
import type { RejectTally } from './reject-tally';
import type { ResourceIdentity } from './resource';

/** What every point of one metric shares. */
export interface MetricHeader {
  name: string;
  unit: string;
  kind: MetricKind;
  temporality: number;
  isMonotonic: boolean;
  resource: ResourceIdentity;
}

/** Stable series identity: equal name, service, environment and sorted attributes hash equally. */
export function seriesKey(name: string, service: string, environment: string, attributesJson: string): string {
  return createHash('sha1').update(`${name}\0${service}\0${environment}\0${attributesJson}`).digest('hex').slice(0, 16);
}

/** Metric-level reason to reject all its points, '' when fine. */
export function headerReason(h: MetricHeader): string {
  if (h.name === '') return 'missing metric name';
  if (h.name.length > OTLP_LIMITS.nameChars) return 'name too long';
  if (h.unit.length > OTLP_LIMITS.unitChars) return 'unit too long';
  return h.resource.reason;
}

/** One data point being decoded (any kind); `finish` validates it and emits the row. */
export class PointDraft {
  readonly time = new TimeParts();
  readonly startTime = new TimeParts();
  value: number | null = null;
  count: number | null = null;
  sum: number | null = null;
  min: number | null = null;
  max: number | null = null;
  explicitBounds: number[] = [];
  bucketCounts: number[] = [];
  expScale: number | null = null;
  expZeroCount: number | null = null;
  expPositiveOffset: number | null = null;
  expPositiveCounts: number[] = [];
  expNegativeOffset: number | null = null;
  expNegativeCounts: number[] = [];
  private keys: string[] = [];
  private values: string[] = [];
  private reason = '';

  reset(): void {
    this.time.clear();
    this.startTime.clear();
    this.value = null;
    this.count = null;
    this.sum = null;
    this.min = null;
    this.max = null;
    this.explicitBounds = [];
    this.bucketCounts = [];
    this.expScale = null;
    this.expZeroCount = null;
    this.expPositiveOffset = null;
    this.expPositiveCounts = [];
    this.expNegativeOffset = null;
    this.expNegativeCounts = [];
    this.keys = [];
    this.values = [];
    this.reason = '';
  }

  reject(reason: string): void {
    if (this.reason === '') this.reason = reason;
  }

  addAttribute(key: string, value: AttributeValue): void {
    if (key.length > OTLP_LIMITS.attributeKeyChars) this.reject('attribute key too long');
    this.keys.push(key);
    this.values.push(value.json);
  }

  finish(h: MetricHeader, headerRejection: string, rows: MetricPointRow[], tally: RejectTally): void {
    const attributesJson = sortedObjectJson(this.keys, this.values);
    const reason = headerRejection || this.reason || this.check(h, attributesJson);
    if (reason !== '') {
      tally.add(reason);
      return;
    }
    const { service, release, environment } = h.resource;
    const exp = h.kind === 'exp_histogram';
    const histogram = exp || h.kind === 'histogram';
    rows.push({
      name: h.name,
      unit: h.unit,
      kind: h.kind,
      service,
      release,
      environment,
      attributesJson,
      seriesKey: seriesKey(h.name, service, environment, attributesJson),
      timeMs: this.time.epochMs(),
      startTimeMs: this.startTime.epochMs(),
      value: histogram ? null : this.value,
      isMonotonic: h.kind === 'sum' && h.isMonotonic,
      temporality: h.temporality,
      count: histogram ? (this.count ?? 0) : null,
      sum: this.sum,
      min: this.min,
      max: this.max,
      explicitBounds: this.explicitBounds,
      bucketCounts: this.bucketCounts,
      // proto3 leaves zero scale/offsets off the wire: absent means 0 on an exponential histogram.
      expScale: exp ? (this.expScale ?? 0) : null,
      expZeroCount: exp ? (this.expZeroCount ?? 0) : null,
      expPositiveOffset: exp ? (this.expPositiveOffset ?? 0) : null,
      expPositiveCounts: this.expPositiveCounts,
      expNegativeOffset: exp ? (this.expNegativeOffset ?? 0) : null,
      expNegativeCounts: this.expNegativeCounts,
    });
  }

  private check(h: MetricHeader, attributesJson: string): string {
    if (this.time.isZero()) return 'zero time';
    if (attributesJson.length > OTLP_LIMITS.attributesJsonChars) return 'attributes too large';
    if (jsonbRefuses(attributesJson)) return JSONB_REASON;
    if (hasNul(h.name) || hasNul(h.unit)) return NUL_REASON;
    if ((h.kind === 'gauge' || h.kind === 'sum') && this.value === null) return 'missing value';
    if (
      h.kind === 'histogram' &&
      this.bucketCounts.length > 0 &&
      this.bucketCounts.length !== this.explicitBounds.length + 1
    ) {
      return 'bucket count mismatch';
    }
    return '';
  }
}
