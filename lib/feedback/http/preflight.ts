import type { FastHandler } from '../../http/fast-route';
import { isOriginAllowed, preflightGrant, VARY_ORIGIN } from './cors';
import { replyEmpty, replyError } from './fast-reply';
import type { WidgetEndpoint } from './widget-endpoint';

/**
 * OPTIONS on a widget endpoint. A preflight has no body, so no key unless the sender put one in the
 * query string (`?key=`); without it the origin must be allowed by some project. The real request is
 * checked against its own project's list again.
 */
export function preflight(endpoint: WidgetEndpoint, method: 'POST' | 'GET'): FastHandler {
  return async (req, res) => {
    const origin = req.headers.origin;
    if (!origin) return replyEmpty(res, 204, { ...VARY_ORIGIN, allow: `${method}, OPTIONS` });
    const key = new URL(req.url ?? '/', 'http://localhost').searchParams.get('key');
    const project = key ? await endpoint.project(key) : undefined;
    const allowed =
      project !== undefined
        ? isOriginAllowed(origin, project?.allowedOrigins ?? [])
        : await endpoint.anyProjectAllows(origin);
    if (!allowed) {
      return replyError(res, 403, 'origin_not_allowed', 'This origin is not allowed to send feedback.', VARY_ORIGIN);
    }
    replyEmpty(res, 204, preflightGrant(origin, method));
  };
}
