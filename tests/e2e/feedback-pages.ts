import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A third-party site for the feedback browser test: its own node:http server on its own origin, whose
// page embeds tw.js from the real Tailwatch app, with a "Rate this page" button.

export interface ThirdPartySite {
  origin: string;
  close(): Promise<void>;
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Serves `/checkout`; `host` picks the host name (localhost vs 127.0.0.1 are different origins). */
export async function startThirdPartySite(
  host: 'localhost' | '127.0.0.1',
): Promise<ThirdPartySite & { setWidget(appUrl: string, attrs: Record<string, string>): void }> {
  let appUrl = '';
  let attrs: Record<string, string> = {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/checkout') {
      res.writeHead(404);
      res.end();
      return;
    }
    const data = Object.entries(attrs)
      .map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`)
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corner Shop · Checkout</title>
<script src="${appUrl}/tw.js"${data} async></script>
<style>body{font:16px system-ui,sans-serif;margin:40px;color:#1e293b}button{font:inherit;padding:6px 14px}</style>
</head><body>
<h1>Corner Shop checkout</h1>
<p>Two items in your basket.</p>
<button id="rate" type="button">Rate this page</button>
<script>
document.getElementById('rate').addEventListener('click', function () {
  window.tailwatch.setContext({ route: '/checkout', userSegment: 'e2e' });
  window.tailwatch.ask({ force: true });
});
</script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    setWidget(url, next) {
      appUrl = url;
      attrs = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
