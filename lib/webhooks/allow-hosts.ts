import { type Cidr, cidrContains, type IpAddress, mappedIpv4, parseCidr } from './ip-address';
import { WebhookError } from './webhook-error';

/**
 * Internal destinations a self-hoster has opened for webhooks. A listed host name skips the address
 * check for URLs with exactly that host; a listed IP/CIDR admits those addresses for any host name.
 */
export interface AllowHosts {
  names: ReadonlySet<string>;
  cidrs: readonly Cidr[];
}

export const NO_ALLOWED_HOSTS: AllowHosts = { names: new Set(), cidrs: [] };

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

export function normalizeHostName(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Parses the `TAILWATCH_WEBHOOK_ALLOW_HOSTS` format: comma-separated host names, IPs (IPv6 with or
 * without brackets) and CIDRs, e.g. `alertmanager.lan, 10.0.0.0/8, [::1]`. Throws `invalid_allow_hosts`
 * naming the first bad entry, so a typo fails loudly at startup instead of silently blocking.
 */
export function parseAllowHosts(value: string | undefined): AllowHosts {
  const names = new Set<string>();
  const cidrs: Cidr[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const cidr = parseCidr(entry);
    if (cidr) {
      cidrs.push(cidr);
      continue;
    }
    const name = normalizeHostName(entry);
    if (!HOST_NAME.test(name) || /^[\d.]+$/.test(name)) {
      throw new WebhookError(
        'invalid_allow_hosts',
        `TAILWATCH_WEBHOOK_ALLOW_HOSTS entry "${entry}" is not a host name, IP address or CIDR.`,
      );
    }
    names.add(name);
  }
  return { names, cidrs };
}

export function isHostNameAllowed(allow: AllowHosts, hostName: string): boolean {
  return allow.names.has(normalizeHostName(hostName));
}

/** True when the address (or the IPv4 address an IPv4-mapped IPv6 address stands for) is allowlisted. */
export function isAddressAllowed(allow: AllowHosts, address: IpAddress): boolean {
  const mapped = mappedIpv4(address);
  return allow.cidrs.some((cidr) => cidrContains(cidr, address) || (mapped !== null && cidrContains(cidr, mapped)));
}
