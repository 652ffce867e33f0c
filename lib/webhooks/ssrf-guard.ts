import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AllowHosts, isAddressAllowed, isHostNameAllowed } from './allow-hosts';
import { blockedReason } from './blocked-ranges';
import { formatIp, parseIp } from './ip-address';
import { WebhookError } from './webhook-error';

export type UrlCheck =
  | { ok: true; url: URL; hostAllowlisted: boolean }
  | { ok: false; code: 'invalid_url' | 'ssrf_blocked'; message: string };

/**
 * Static checks on an endpoint URL: http(s) only, no credentials, and an IP-literal host must not be
 * internal (Node skips `lookup` for literals, so this is their only check). Use it when an endpoint is
 * saved too; host names are only judged at connect time by `guardedLookup`.
 */
export function checkWebhookUrl(raw: string, allow: AllowHosts): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: 'invalid_url', message: 'Webhook URL is not a valid absolute URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      code: 'invalid_url',
      message: `Webhook URL scheme ${url.protocol} is not allowed; use http or https.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      code: 'invalid_url',
      message: 'Webhook URL must not contain credentials; the signature authenticates us.',
    };
  }
  if (url.hostname === '') return { ok: false, code: 'invalid_url', message: 'Webhook URL has no host.' };
  const hostAllowlisted = isHostNameAllowed(allow, url.hostname);
  const literal = parseIp(url.hostname);
  if (literal && !hostAllowlisted) {
    const refusal = addressRefusal(literal.family === 4 ? url.hostname : formatIp(literal), allow);
    if (refusal) return { ok: false, code: 'ssrf_blocked', message: refusal };
  }
  return { ok: true, url, hostAllowlisted };
}

/** Why connecting to `address` is refused under `allow`, or null if it is fine. */
export function addressRefusal(address: string, allow: AllowHosts): string | null {
  const ip = parseIp(address);
  if (!ip) return `Webhook target ${address} is not an IP address.`;
  if (isAddressAllowed(allow, ip)) return null;
  const reason = blockedReason(ip);
  if (!reason) return null;
  return `Webhook target ${address} is a ${reason} address; add it to TAILWATCH_WEBHOOK_ALLOW_HOSTS to allow it.`;
}

/**
 * A `lookup` for http.request that resolves every address of the host and fails with `ssrf_blocked`
 * when ANY of them is internal, so no socket is opened. It runs on every connection (pass `agent:
 * false` so no pooled socket skips it), which defeats DNS rebinding between check and connect.
 */
export function guardedLookup(allow: AllowHosts): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      const list: LookupAddress[] = addresses;
      for (const entry of list) {
        const refusal = addressRefusal(entry.address, allow);
        if (refusal) {
          callback(new WebhookError('ssrf_blocked', `${hostname} resolves to ${entry.address}. ${refusal}`), '');
          return;
        }
      }
      if (list.length === 0) {
        callback(Object.assign(new Error(`${hostname} resolved to no addresses`), { code: 'ENOTFOUND' }), '');
      } else if (options.all) {
        callback(null, list);
      } else {
        callback(null, list[0].address, list[0].family);
      }
    });
  };
}
