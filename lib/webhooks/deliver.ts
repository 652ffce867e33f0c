import type { AllowHosts } from './allow-hosts';
import { type DeliveryOutcome, errorOutcome, refused, responseOutcome } from './delivery-outcome';
import { postOnce } from './http-attempt';
import type { EndpointSecrets } from './secret';
import { signedHeaders } from './signature';
import { checkWebhookUrl, guardedLookup } from './ssrf-guard';
import { allowHostsFromEnv } from './webhook-env';
import { WebhookError } from './webhook-error';
import type { WebhookMessage } from './webhook-message';

export const DEFAULT_TIMEOUT_MS = 10_000;
const USER_AGENT = 'Tailwatch-Webhooks/1';

export interface DeliveryEndpoint extends EndpointSecrets {
  url: string;
}

export interface DeliverOptions {
  /** Total budget for the attempt, DNS to last response byte read. */
  timeoutMs?: number;
  /** Defaults to TAILWATCH_WEBHOOK_ALLOW_HOSTS. */
  allowHosts?: AllowHosts;
  /** Clock for the signature timestamp and Retry-After dates. */
  now?: () => Date;
}

/**
 * Makes ONE signed delivery attempt of `message` to `endpoint` and says what it means (see
 * DeliveryOutcome). Resolves for every delivery problem; only a malformed allowlist setting throws.
 */
export async function deliver(
  endpoint: DeliveryEndpoint,
  message: WebhookMessage,
  options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const allow = options.allowHosts ?? allowHostsFromEnv();

  const check = checkWebhookUrl(endpoint.url, allow);
  if (!check.ok) return refused(check.code, check.message);

  let signature: Record<string, string>;
  try {
    signature = signedHeaders(message, endpoint, now());
  } catch (error) {
    if (error instanceof WebhookError) return refused('invalid_secret', error.message);
    throw error;
  }
  const headers = { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signature };

  const lookup = check.hostAllowlisted ? undefined : guardedLookup(allow);
  const started = performance.now();
  const result = await postOnce(check.url, message.body, headers, lookup, timeoutMs);
  const latencyMs = Math.round(performance.now() - started);

  if (result.type === 'response') {
    return responseOutcome(result.status, result.headers, result.body, latencyMs, now());
  }
  if (result.error instanceof WebhookError && result.error.code === 'ssrf_blocked') {
    return refused('ssrf_blocked', result.error.message);
  }
  return errorOutcome(result.error, result.timedOut, latencyMs, timeoutMs);
}
