import { ApiError } from '../../http/api';
import { WebhookError } from '../webhook-error';

/** Runs `work`, turning lib/webhooks errors into the API's error shape (others pass through). */
export async function withWebhookErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
    switch (error.code) {
      case 'invalid_url':
      case 'ssrf_blocked':
        throw new ApiError(400, error.code, error.message, { url: error.message });
      case 'endpoint_disabled':
      case 'message_busy':
        throw new ApiError(409, error.code, error.message);
      default:
        throw error;
    }
  }
}
