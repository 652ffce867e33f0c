import { describe, expect, it } from 'vitest';
import { isAddressAllowed, parseAllowHosts } from './allow-hosts';
import { blockedReason } from './blocked-ranges';
import { cidrContains, formatIp, type IpAddress, parseCidr, parseIp } from './ip-address';
import { WebhookError } from './webhook-error';

function ip(text: string): IpAddress {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`not an IP: ${text}`);
  return parsed;
}

function reason(text: string): string | null {
  return blockedReason(ip(text));
}

describe('parseIp', () => {
  it.each([
    ['::ffff:127.0.0.1', '0:0:0:0:0:ffff:7f00:1'],
    ['::ffff:7f00:1', '0:0:0:0:0:ffff:7f00:1'],
    ['[::1]', '0:0:0:0:0:0:0:1'],
    ['::', '0:0:0:0:0:0:0:0'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8:0:0:1:0:0:1'],
    ['1::', '1:0:0:0:0:0:0:0'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0:0:0:c000:221'],
    ['10.1.2.3', '10.1.2.3'],
  ])('reads %s', (text, expected) => {
    const ip = parseIp(text);
    expect(ip && formatIp(ip)).toBe(expected);
  });

  it.each(['example.com', '1.2.3', '256.1.1.1', '::g', ''])('rejects %s', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('blockedReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', '"this network"'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved / broadcast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped cloud metadata'],
    ['::ffff:0.0.0.0', 'IPv4-mapped "this network"'],
    ['::ffff:100.64.0.1', 'IPv4-mapped carrier-grade NAT'],
    ['::ffff:224.0.0.1', 'IPv4-mapped multicast'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 cloud metadata'],
    ['2002:7f00:1::', '6to4 loopback'],
  ])('blocks %s (%s)', (address, expected) => {
    expect(reason(address)).toBe(expected);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '169.255.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('lets public %s through', (address) => {
    expect(reason(address)).toBeNull();
  });
});

describe('parseAllowHosts', () => {
  it('reads names, IPs (bracketed or not) and CIDRs, ignoring blanks and case', () => {
    const allow = parseAllowHosts(' Alertmanager.LAN. , 10.20.0.0/16,[::1], ,fd00::/8,127.0.0.1');
    expect([...allow.names]).toEqual(['alertmanager.lan']);
    expect(allow.cidrs).toHaveLength(4);
    const allowed = (text: string) => isAddressAllowed(allow, ip(text));
    expect(allowed('10.20.3.4')).toBe(true);
    expect(allowed('10.21.0.1')).toBe(false);
    expect(allowed('::1')).toBe(true);
    expect(allowed('fd00:ec2::254')).toBe(true);
    expect(allowed('::ffff:127.0.0.1')).toBe(true);
  });

  it('is empty when unset', () => {
    expect(parseAllowHosts(undefined)).toMatchObject({ cidrs: [] });
    expect(parseAllowHosts('').names.size).toBe(0);
  });

  it.each(['10.0.0.0/33', 'http://host', 'bad host', '10.0.0', '::1/200', 'a..b'])('rejects %s loudly', (value) => {
    expect(() => parseAllowHosts(value)).toThrow(WebhookError);
    expect(() => parseAllowHosts(value)).toThrow(expect.objectContaining({ code: 'invalid_allow_hosts' }));
  });
});

describe('cidrContains', () => {
  it('respects prefix boundaries that are not byte-aligned', () => {
    const cidr = parseCidr('172.16.0.0/12');
    if (!cidr) throw new Error('172.16.0.0/12 did not parse');
    expect(cidrContains(cidr, ip('172.31.255.255'))).toBe(true);
    expect(cidrContains(cidr, ip('172.32.0.0'))).toBe(false);
    expect(cidrContains(cidr, ip('::ffff:172.16.0.1'))).toBe(false);
  });
});
