export type AlertErrorCode = 'invalid_rule' | 'rule_not_found' | 'unsupported_metric';

/** Every failure raised by lib/alerts carries a stable code and a human message. */
export class AlertError extends Error {
  readonly code: AlertErrorCode;

  constructor(code: AlertErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AlertError';
    this.code = code;
  }
}
