import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

// Routes served by server.ts on bare node:http, before Next (ingest and probes: ~60x faster than route handlers).
export interface FastContext {
  requestId: string;
  log: Logger;
}

export type FastHandler = (req: IncomingMessage, res: ServerResponse, ctx: FastContext) => Promise<void>;

export interface FastRoute {
  path: string; // exact pathname
  name: string; // label for metrics
  methods?: readonly string[]; // when set, other methods on this path go to Next
  handler: FastHandler;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
