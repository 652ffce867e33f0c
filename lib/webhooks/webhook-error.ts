export type WebhookErrorCode =
  | 'invalid_secret'
  | 'invalid_alert_event'
  | 'invalid_allow_hosts'
  | 'invalid_url'
  | 'ssrf_blocked'
  | 'endpoint_disabled'
  | 'message_busy';

/** Every failure raised by lib/webhooks carries a stable code and a human message. */
export class WebhookError extends Error {
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookError';
    this.code = code;
  }
}
