export type SketchErrorCode = 'invalid_value' | 'invalid_quantile' | 'invalid_sparse';

/** Thrown on input that would silently corrupt a sketch (NaN, negative latency, malformed stored arrays). */
export class SketchError extends Error {
  readonly code: SketchErrorCode;

  constructor(code: SketchErrorCode, message: string) {
    super(message);
    this.name = 'SketchError';
    this.code = code;
  }
}
