import type { FeedbackRequest } from './contract';

/**
 * Fire-and-forget POST. keepalive lets the request outlive a navigation; the string body goes out as
 * text/plain, a CORS-simple request (no preflight); credentials are never sent to the Tailwatch origin.
 */
export function sendFeedback(endpoint: string, body: FeedbackRequest): void {
  fetch(endpoint, { method: 'POST', body: JSON.stringify(body), keepalive: true, credentials: 'omit' }).catch(() => {
    // A lost answer is not worth an error in the host page's console.
  });
}
