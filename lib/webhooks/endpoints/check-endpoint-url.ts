import { lookup } from 'node:dns/promises';
import type { AllowHosts } from '../allow-hosts';
import { addressRefusal, checkWebhookUrl } from '../ssrf-guard';
import { WebhookError } from '../webhook-error';

/**
 * The SSRF guard at save time: the static URL checks, plus resolving a host name and refusing it when
 * any address is internal, so a mistake shows up in the form rather than in the delivery log. A name
 * that does not resolve yet is accepted: every attempt checks again at connect time, which is what
 * actually protects us (DNS can change after saving).
 */
export async function checkEndpointUrl(raw: string, allow: AllowHosts): Promise<URL> {
  const check = checkWebhookUrl(raw, allow);
  if (!check.ok) throw new WebhookError(check.code, check.message);
  if (check.hostAllowlisted) return check.url;
  const host = check.url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return check.url;
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, allow);
    if (refusal) throw new WebhookError('ssrf_blocked', `${host} resolves to ${address}. ${refusal}`);
  }
  return check.url;
}
