import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastRoute } from '../http/fast-route';
import { sendJson } from '../http/fast-route';
import { config } from '../config';
import { clientIp } from '../feedback/http/client-ip';
import { CLIENT_IP_HEADER, PATH_HEADER } from '../http/client-ip-header';
import { log } from '../log';
import { metrics } from '../metrics';
import { fastRoutes } from './fast-routes';

// One process, two doors: the fast path for ingest/probes on bare node:http, everything else to Next.
export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface AppServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

export async function startAppServer(opts: { port: number; host: string; next?: NextHandler }): Promise<AppServer> {
  const routes = new Map<string, FastRoute>(fastRoutes().map((r) => [r.path, r]));
  const m = metrics();
  const trustedHops = config().TAILWATCH_TRUSTED_PROXY_HOPS;
  const server = http.createServer((req, res) => {
    const qs = req.url?.indexOf('?') ?? -1;
    const pathname = qs >= 0 ? (req.url as string).slice(0, qs) : (req.url ?? '/');
    const match = routes.get(pathname);
    const route = match && (!match.methods || match.methods.includes(req.method ?? '')) ? match : undefined;
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && header.length <= 64 ? header : randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    if (!route) {
      // Route handlers cannot see the socket: hand them the client address (never the client's own claim).
      req.headers[CLIENT_IP_HEADER] = clientIp(req, trustedHops);
      req.headers[PATH_HEADER] = req.url ?? '/'; // layouts use it for /login?next=…
      const label = nextRouteLabel(pathname);
      res.on('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        m.httpRequests.inc({ route: label, status: String(res.statusCode) });
        m.httpDuration.observe({ route: label }, seconds);
        if (label !== 'next:static') {
          log.info({ requestId, method: req.method, path: pathname, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
        }
      });
      if (opts.next) {
        opts.next(req, res).catch((err) => {
          log.error({ err, requestId }, 'next handler failed');
          if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Internal error' } });
        });
      } else {
        sendJson(res, 404, { error: { code: 'not_found', message: 'Not found' } });
      }
      return;
    }
    res.on('finish', () => {
      m.httpRequests.inc({ route: route.name, status: String(res.statusCode) });
      m.httpDuration.observe({ route: route.name }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    route.handler(req, res, { requestId, log: log.child({ requestId, route: route.name }) }).catch((err) => {
      log.error({ err, requestId }, 'fast route failed');
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Internal error' } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  return {
    server,
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/**
 * A bounded metrics label for a request Next serves: API routes by their first two segments after /api/v1
 * (`/api/v1/traces/abc` -> `api:/api/v1/traces`), pages as one label, static assets as another.
 */
export function nextRouteLabel(pathname: string): string {
  if (pathname.startsWith('/_next/') || pathname === '/favicon.ico' || pathname === '/tw.js') return 'next:static';
  if (pathname.startsWith('/api/')) {
    const parts = pathname.split('/').filter(Boolean).slice(0, 3);
    return `api:/${parts.map((p) => (/^[a-z][a-z0-9-]*$/.test(p) ? p : ':id')).join('/')}`;
  }
  return 'next:page';
}
