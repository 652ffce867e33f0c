import type { Decoded, MetricPointRow, SpanRow } from '../rows';
import { decodeMetricsJson } from './metrics-json';
import { decodeMetricsProtobuf } from './metrics-pb';
import { decodeTracesJson } from './traces-json';
import { decodeTracesProtobuf } from './traces-pb';

export { OtlpDecodeError, type OtlpDecodeErrorCode, undecodableMessage } from './decode-error';
export { OTLP_LIMITS } from './limits';
export { seriesKey } from './point-draft';

export type OtlpContentType = 'protobuf' | 'json';

/**
 * OTLP/HTTP trace export body -> span rows. Invalid spans are counted in `rejected`; a body that
 * cannot be decoded at all throws OtlpDecodeError (answer 400). With `details: false` the rows leave out
 * the attribute, resource and event JSON (see SpanDraft); accepted and rejected spans are the same.
 */
export function decodeTraces(
  body: Buffer,
  contentType: OtlpContentType,
  { details = true }: { details?: boolean } = {},
): Decoded<SpanRow> {
  return contentType === 'protobuf' ? decodeTracesProtobuf(body, details) : decodeTracesJson(body, details);
}

/** OTLP/HTTP metrics export body -> one row per data point; same error contract as decodeTraces. */
export function decodeMetrics(body: Buffer, contentType: OtlpContentType): Decoded<MetricPointRow> {
  return contentType === 'protobuf' ? decodeMetricsProtobuf(body) : decodeMetricsJson(body);
}
