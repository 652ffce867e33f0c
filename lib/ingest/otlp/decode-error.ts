export type OtlpDecodeErrorCode =
  | 'truncated' // a length, varint or fixed field runs past its message or the body
  | 'bad_varint' // a varint longer than 10 bytes
  | 'bad_tag' // field number 0 or a group/unknown wire type
  | 'wire_type_mismatch' // a known field arrived with the wrong wire type
  | 'too_deep' // AnyValue nesting beyond the cap
  | 'bad_json' // the body is not JSON
  | 'bad_shape'; // JSON, but not an OTLP export request

/**
 * The 400 message for a body a decoder threw on: OtlpDecodeError, or anything else a hostile body provokes (bad
 * input is never a 5xx).
 */
export function undecodableMessage(err: unknown): string {
  return err instanceof Error ? err.message : 'Undecodable body';
}

/** The request body cannot be decoded at all; the ingest route answers 400 with `message`. */
export class OtlpDecodeError extends Error {
  readonly code: OtlpDecodeErrorCode;

  constructor(code: OtlpDecodeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OtlpDecodeError';
    this.code = code;
  }
}
