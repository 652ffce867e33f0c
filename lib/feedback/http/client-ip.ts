import type { IncomingMessage } from 'node:http';

/**
 * The client address for per-IP limits. Behind `trustedHops` reverse proxies, each appends the
 * address it received from to X-Forwarded-For, so the client is that many entries from the end;
 * anything further left was written by the client and is not trusted.
 */
export function clientIp(req: IncomingMessage, trustedHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list[list.length - trustedHops] ?? list[0] ?? socket;
}
