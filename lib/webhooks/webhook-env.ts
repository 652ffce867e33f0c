import { type AllowHosts, parseAllowHosts } from './allow-hosts';

// Webhook settings (environment, read when a delivery starts; default in brackets):
//   TAILWATCH_WEBHOOK_ALLOW_HOSTS  [empty]  comma-separated host names, IPs and CIDRs that webhooks
//       may reach although they are internal (loopback, private, link-local...), for self-hosters
//       whose receiver lives on the LAN, e.g. "alertmanager.lan,10.20.0.0/16,::1". Empty = only
//       public addresses.
// Fixed defaults, not tunable by environment (see the named constants):
//   attempt timeout 10 s total (DEFAULT_TIMEOUT_MS in deliver.ts); retries 5 s x 2^n with full
//   jitter, capped at 1 h, Retry-After honoured up to 1 h, give up 24 h after the first attempt
//   (RETRY_SCHEDULE); breaker opens after 5 consecutive failures for 5 min (DEFAULT_BREAKER_CONFIG);
//   a rotated-out secret keeps signing for 24 h (SECRET_ROTATION_OVERLAP_MS).

let cached: { raw: string | undefined; parsed: AllowHosts } | null = null;

/** The allowlist from the environment; throws `invalid_allow_hosts` when the setting is malformed. */
export function allowHostsFromEnv(env: NodeJS.ProcessEnv = process.env): AllowHosts {
  const raw = env.TAILWATCH_WEBHOOK_ALLOW_HOSTS;
  if (!cached || cached.raw !== raw) cached = { raw, parsed: parseAllowHosts(raw) };
  return cached.parsed;
}
