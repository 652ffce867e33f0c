import { type Cidr, cidrContains, type IpAddress, parseCidr } from './ip-address';

// Ranges a webhook must never reach by default. Order matters only for the reason reported:
// the metadata addresses come before the link-local / unique-local ranges that contain them.
const IPV4_RANGES: ReadonlyArray<[string, string]> = [
  ['169.254.169.254/32', 'cloud metadata'],
  ['0.0.0.0/8', '"this network"'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved / broadcast'],
];

const IPV6_RANGES: ReadonlyArray<[string, string]> = [
  ['fd00:ec2::254/128', 'cloud metadata'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['100::/64', 'discard-only'],
  ['2001::/32', 'Teredo tunnel'],
  ['2001:db8::/32', 'documentation'],
  ['fc00::/7', 'unique local (private)'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
];

// IPv6 forms that carry an IPv4 address the packet may end up at: [range, offset of the 4 IPv4 bytes].
const IPV4_CARRIERS: ReadonlyArray<[string, number, string]> = [
  ['::ffff:0:0/96', 12, 'IPv4-mapped'],
  ['::ffff:0:0:0/96', 12, 'IPv4-translated'],
  ['::/96', 12, 'IPv4-compatible'],
  ['64:ff9b::/96', 12, 'NAT64'],
  ['64:ff9b:1::/48', 12, 'local NAT64'],
  ['2002::/16', 2, '6to4'],
];

function compile<T extends unknown[]>(rows: ReadonlyArray<[string, ...T]>): Array<[Cidr, ...T]> {
  return rows.map(([text, ...rest]) => {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(`bad built-in range ${text}`);
    return [cidr, ...rest];
  });
}

const v4 = compile(IPV4_RANGES);
const v6 = compile(IPV6_RANGES);
const carriers = compile(IPV4_CARRIERS);

/** Why an address is off limits for webhooks (e.g. "loopback", "IPv4-mapped loopback"), or null if public. */
export function blockedReason(address: IpAddress): string | null {
  const table = address.family === 4 ? v4 : v6;
  for (const [cidr, reason] of table) {
    if (cidrContains(cidr, address)) return reason;
  }
  if (address.family === 6) {
    for (const [cidr, offset, form] of carriers) {
      if (!cidrContains(cidr, address)) continue;
      const inner = blockedReason({ family: 4, bytes: address.bytes.slice(offset, offset + 4) });
      if (inner) return `${form} ${inner}`;
    }
  }
  return null;
}
