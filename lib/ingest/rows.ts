// Plain rows produced by the OTLP decoders and consumed by the ingest writer.
// Times are epoch milliseconds as doubles (microsecond precision survives: 1.7e15 < 2^53).

/** One span, flattened with its resource's service identity and the request fields we roll up. */
export interface SpanRow {
  traceId: string; // 32 lowercase hex chars, not all zero
  spanId: string; // 16 lowercase hex chars, not all zero
  parentSpanId: string; // 16 hex chars or '' for a root span
  name: string;
  kind: number; // OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer
  startMs: number; // epoch ms
  durationMs: number; // end - start, computed without losing sub-microsecond precision
  statusCode: number; // OTLP status: 0 unset, 1 ok, 2 error
  statusMessage: string;
  service: string; // resource service.name, 'unknown_service' when absent
  release: string; // resource service.version, '' when absent
  environment: string; // deployment.environment.name ?? deployment.environment ?? ''
  route: string; // http.route ?? span name
  method: string; // http.request.method ?? http.method ?? ''
  httpStatus: number; // http.response.status_code ?? http.status_code ?? 0
  isRequest: boolean; // kind SERVER or CONSUMER
  isError: boolean; // status ERROR or httpStatus >= 500
  // The details below are '' when decoded without them (the ingest path keeps them in the stored request body).
  attributesJson: string; // JSON object of the span's attributes (values: string|number|boolean|array|object)
  resourceJson: string; // JSON object of the resource attributes
  eventsJson: string; // JSON array of {name, timeMs, attributes} or '[]'
}

export type MetricKind = 'gauge' | 'sum' | 'histogram' | 'exp_histogram';

/** One metric data point; histograms carry their buckets, gauges and sums a value. */
export interface MetricPointRow {
  name: string;
  unit: string;
  kind: MetricKind;
  service: string;
  release: string;
  environment: string;
  attributesJson: string; // point attributes, keys sorted so equal series serialise equally
  seriesKey: string; // stable hash (hex) of name + service + environment + attributesJson
  timeMs: number; // point time (time_unix_nano) in epoch ms
  startTimeMs: number; // start_time_unix_nano in epoch ms, 0 when absent
  value: number | null; // gauge/sum value (int or double); null for histograms
  isMonotonic: boolean; // sums only
  temporality: number; // 0 unspecified, 1 delta, 2 cumulative
  count: number | null; // histograms
  sum: number | null;
  min: number | null;
  max: number | null;
  explicitBounds: number[]; // explicit histograms
  bucketCounts: number[]; // explicit histograms
  expScale: number | null; // exponential histograms
  expZeroCount: number | null;
  expPositiveOffset: number | null;
  expPositiveCounts: number[];
  expNegativeOffset: number | null;
  expNegativeCounts: number[];
}

/** Decoder output: accepted rows plus the partial_success accounting required by OTLP/HTTP. */
export interface Decoded<Row> {
  rows: Row[];
  rejected: number;
  errorMessage: string; // '' when nothing was rejected; otherwise a short human summary
}
