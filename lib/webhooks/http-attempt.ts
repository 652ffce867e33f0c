import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export type AttemptResult =
  | { type: 'response'; status: number; headers: IncomingHttpHeaders; body: string }
  | { type: 'error'; error: Error; timedOut: boolean };

const BODY_BYTES = 4096;

class AttemptTimeout extends Error {}

/**
 * One POST with a hard deadline covering DNS, connect, TLS and response. Never follows redirects
 * (node:http does not) and never reuses sockets (`agent: false`), so the lookup guard runs on every
 * attempt. Reads at most 4 KiB of the response: we only keep an excerpt.
 */
export function postOnce(
  url: URL,
  body: string,
  headers: Record<string, string>,
  lookup: LookupFunction | undefined,
  timeoutMs: number,
): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let settled = false;
    let onDeadline = (): void => {
      request.destroy(new AttemptTimeout());
    };
    const finish = (result: AttemptResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (): void => {
          const text = Buffer.concat(chunks).subarray(0, BODY_BYTES).toString('utf8');
          finish({ type: 'response', status: response.statusCode ?? 0, headers: response.headers, body: text });
          response.destroy();
        };
        // Once the status is in, a slow body only shortens the excerpt; it does not undo the answer.
        onDeadline = done;
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= BODY_BYTES) done();
        });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => onDeadline(), timeoutMs);
    request.on('error', (error) => finish({ type: 'error', error, timedOut: error instanceof AttemptTimeout }));
    request.end(body);
  });
}
