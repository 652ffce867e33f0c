import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// Two real HTTP origins for the widget browser test: the "Tailwatch" origin serving tw.js plus a
// recording /api/v1/feedback receiver, and a third-party host page with a strict CSP and hostile CSS.

export interface ReceivedFeedback {
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface WidgetOrigin {
  origin: string;
  received: ReceivedFeedback[];
  /** Resolves with the next POST not yet taken (including one already received). */
  nextFeedback(): Promise<ReceivedFeedback>;
  close(): Promise<void>;
}

export interface HostPage {
  /** Script tag data-* attributes, without the `data-` prefix. */
  attrs: Record<string, string>;
  metaTraceparent?: string;
}

export interface HostOrigin {
  origin: string;
  close(): Promise<void>;
}

export const SERVER_TRACEPARENT = '00-5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed-00f067aa0ba902b7-01';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: http.Server): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

export async function startWidgetOrigin(bundle: string): Promise<WidgetOrigin> {
  const received: ReceivedFeedback[] = [];
  let taken = 0;
  const waiters: ((r: ReceivedFeedback) => void)[] = [];
  const server = http.createServer((req, res) => {
    // Like the real endpoint: the caller's origin echoed (no `*`, no credentials), varying by Origin.
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? 'null',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
      vary: 'Origin',
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/tw.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(bundle);
      return;
    }
    if (url.pathname === '/api/v1/feedback/config' && req.method === 'GET') {
      // No dashboard settings: the page's data-* attributes alone configure the poll.
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end('{}');
      return;
    }
    if (url.pathname === '/api/v1/feedback' && req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (url.pathname === '/api/v1/feedback' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          res.writeHead(400, cors);
          res.end('{"error":{"code":"bad_json","message":"body is not JSON"}}');
          return;
        }
        const record = { body, headers: req.headers };
        received.push(record);
        const waiter = waiters.shift();
        if (waiter) {
          taken++;
          waiter(record);
        }
        res.writeHead(202, { ...cors, 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const origin = await listen(server);
  return {
    origin,
    received,
    nextFeedback() {
      if (taken < received.length) return Promise.resolve(received[taken++]);
      return new Promise((resolve) => waiters.push(resolve));
    },
    close: closer(server),
  };
}

// The host page's own script (allowed by script-src 'self'): records CSP violations, wires the
// buttons the test presses, and loads data whose response names its trace in Server-Timing.
const APP_JS = `
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
});
window.cspCanary = function () {
  var s = document.createElement('style');
  s.textContent = 'body { outline: 0 }';
  document.head.appendChild(s);
};
window.dataLoaded = fetch('/api/data').then(function (r) { return r.json(); });
document.addEventListener('DOMContentLoaded', function () {
  document.getElementById('checkout').addEventListener('click', function () {
    window.tailwatch.setContext({ route: '/checkout/:step', userSegment: 'beta' });
    window.askResult = window.tailwatch.ask();
  });
  document.getElementById('heavy').addEventListener('click', function () {
    var until = performance.now() + 400;
    while (performance.now() < until) {}
    document.getElementById('out').textContent = 'computed';
  });
});
`;

// Hostile to anything it can reach: the widget must look the same inside its shadow root.
const HOSTILE_CSS = `
* { all: unset; font-size: 40px !important; }
head, script, style, link, meta, title { display: none; }
body { display: block; padding: 24px; font-family: serif; color: #b91c1c; }
div, p, h1 { display: block; margin: 8px 0; }
button { border: 3px dashed #b91c1c; padding: 4px 12px; cursor: pointer; }
button:focus { outline: 4px solid #f59e0b; }
dialog, button, textarea, input, legend, span, label { background: #fde047 !important; color: #7f1d1d !important; }
tailwatch-poll { display: none !important; }
`;

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export async function startHostOrigin(widgetOrigin: string, pages: Record<string, HostPage>): Promise<HostOrigin> {
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${widgetOrigin}`,
    `connect-src 'self' ${widgetOrigin}`,
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(APP_JS);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === '/hostile.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(HOSTILE_CSS);
      return;
    }
    if (url.pathname === '/api/data') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'server-timing': `traceparent;desc="${SERVER_TRACEPARENT}"`,
      });
      res.end('{"items":3}');
      return;
    }
    const page = pages[url.pathname];
    if (!page) {
      res.writeHead(404);
      res.end();
      return;
    }
    const attrs = Object.entries(page.attrs)
      .map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`)
      .join('');
    const meta = page.metaTraceparent ? `<meta name="traceparent" content="${page.metaTraceparent}">` : '';
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      // Same host as the widget origin (ports do not separate cookies): credentials must stay home.
      'set-cookie': 'host_session=secret; Path=/; SameSite=Lax',
    });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title>${meta}
<link rel="stylesheet" href="/hostile.css">
<script src="/app.js"></script>
<script src="${widgetOrigin}/tw.js"${attrs} async></script>
</head><body>
<h1>Checkout</h1>
<p>Your basket has three items.</p>
<button id="checkout" type="button">Pay now</button>
<button id="heavy" type="button">Recalculate</button>
<div id="out"></div>
</body></html>`);
  });
  const origin = await listen(server);
  return { origin, close: closer(server) };
}
