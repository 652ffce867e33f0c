import { createHash } from 'node:crypto';
import { ZodError, type z } from 'zod';
import { log } from '../log';

// Building blocks for Next route handlers: one error shape for every dashboard/management endpoint,
// typed zod parsing of bodies and queries, and conditional GETs. A handler is `route(async (req, ctx) => ...)`
// doing four things: parse, authorize, call, respond.

/** Body of every error response: `{ error: { code, message, fields? } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** An error with an HTTP status, a stable machine code and a human message; `route()` renders it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Unknown ids and other tenants' resources look the same: 404, never 403 (no existence leak). */
export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

/** `{ "a.b": "message" }` from a zod error; the first message per field wins. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    fields[name] ??= issue.message;
  }
  return fields;
}

/** The JSON Response for an ApiError (also usable outside `route()`). */
export function errorResponse(err: ApiError): Response {
  const body: ApiErrorBody = { error: { code: err.code, message: err.message } };
  if (err.fields && Object.keys(err.fields).length > 0) body.error.fields = err.fields;
  return Response.json(body, { status: err.status, headers: { 'cache-control': 'no-store', ...err.headers } });
}

/** Wraps a route handler: ApiError -> its status; ZodError -> 400 invalid_input; anything else -> 500 internal. */
export function route<C>(handler: (request: Request, ctx: C) => Promise<Response>) {
  return async (request: Request, ctx: C): Promise<Response> => {
    try {
      return await handler(request, ctx);
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(err);
      if (err instanceof ZodError) {
        return errorResponse(new ApiError(400, 'invalid_input', 'The request is invalid', zodFields(err)));
      }
      log.error({ err, method: request.method, url: request.url }, 'route handler failed');
      return errorResponse(new ApiError(500, 'internal', 'Internal error'));
    }
  };
}

/** Reads the JSON body and validates it; malformed JSON -> 400 invalid_json, schema failure -> 400 invalid_input. */
export async function parseJson<S extends z.ZodType>(schema: S, request: Request): Promise<z.output<S>> {
  let raw: unknown;
  try {
    const text = await request.text();
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  return schema.parse(raw);
}

/** Validates the query string; a parameter given several times arrives as an array. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  return schema.parse(raw);
}

/** Weak ETag of a serialized body: equal JSON text, equal tag. */
export function weakEtag(text: string): string {
  return `W/"${createHash('sha1').update(text).digest('base64url')}"`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

/** 200 JSON with a weak ETag and `Cache-Control: private, max-age=N`, or 304 when If-None-Match matches. */
export function jsonWithEtag(request: Request, body: unknown, maxAgeSeconds: number, status = 200): Response {
  const text = JSON.stringify(body);
  const etag = weakEtag(text);
  const headers = { etag, 'cache-control': `private, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}` };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}
