import type { ServerResponse } from 'node:http';
import { sendJson } from '../../http/fast-route';

/** The API's one error shape, `{ error: { code, message, fields? } }`, on the fast path. */
export function replyError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
  fields?: Record<string, string>,
): void {
  sendJson(
    res,
    status,
    { error: fields ? { code, message, fields } : { code, message } },
    { 'cache-control': 'no-store', ...headers },
  );
}

/** A body-less answer (204 stored, 202 accepted and dropped, preflights). */
export function replyEmpty(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.end();
}
