import { isIP } from 'node:net';

/** An IP address as raw bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

export interface Cidr {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

/** Parses a textual IPv4/IPv6 address (brackets and `%zone` suffixes tolerated); null if not an IP. */
export function parseIp(text: string): IpAddress | null {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return { family: 4, bytes: Uint8Array.from(bare.split('.').map(Number)) };
  if (family === 6) return { family: 6, bytes: parseIpv6(bare) };
  return null;
}

function parseIpv6(text: string): Uint8Array {
  // isIP already validated the text, so only the shapes it accepts need handling here.
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  let hex = text;
  if (last.includes('.')) {
    const [a, b, c, d] = last.split('.').map(Number);
    hex = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = hex.split('::') as [string, string | undefined];
  const words = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = words(head);
  const right = rest === undefined ? [] : words(rest);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  const bytes = new Uint8Array(16);
  [...left, ...zeros, ...right].forEach((word, i) => {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  return bytes;
}

/** Parses `a.b.c.d/n`, `x::/n`, or a single address (a /32 or /128); null if malformed. */
export function parseCidr(text: string): Cidr | null {
  const [addressText, prefixText, extra] = text.split('/');
  if (extra !== undefined) return null;
  const address = parseIp(addressText);
  if (!address) return null;
  const max = address.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...address, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= max ? { ...address, prefix } : null;
}

export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  if (cidr.family !== address.family) return false;
  const fullBytes = Math.floor(cidr.prefix / 8);
  for (let i = 0; i < fullBytes; i++) {
    if (cidr.bytes[i] !== address.bytes[i]) return false;
  }
  const remainder = cidr.prefix % 8;
  if (remainder === 0) return true;
  const mask = (0xff << (8 - remainder)) & 0xff;
  return (cidr.bytes[fullBytes] & mask) === (address.bytes[fullBytes] & mask);
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), which is the same host. */
export function mappedIpv4(address: IpAddress): IpAddress | null {
  if (address.family !== 6) return null;
  const b = address.bytes;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return null;
  if (b[10] !== 0xff || b[11] !== 0xff) return null;
  return { family: 4, bytes: b.slice(12, 16) };
}

/** Formats an address for messages (IPv4 dotted, IPv6 full lower-case groups). */
export function formatIp(address: IpAddress): string {
  if (address.family === 4) return Array.from(address.bytes).join('.');
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((address.bytes[i] << 8) | address.bytes[i + 1]).toString(16));
  return words.join(':');
}
