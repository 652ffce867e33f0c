import type { FastHandler } from '../../http/fast-route';
import { weakEtag } from '../../http/api';
import { getPollSettings } from '../poll-config/get-poll-settings';
import { type PollSettings, widgetDataset } from '../poll-config/poll-settings';
import { corsGrant, isOriginAllowed, VARY_ORIGIN } from './cors';
import { replyError } from './fast-reply';
import { TtlCache } from './ttl-cache';
import type { WidgetEndpoint } from './widget-endpoint';

// Fetched on page views, far more often than answers: browsers and CDNs may keep it five minutes.
const MAX_AGE_SECONDS = 300;

/**
 * GET /api/v1/feedback/config?key=<public key>&release=<data-release>: the project's poll settings in
 * the widget's dataset shape, for that release, nothing else. A listed origin gets a CORS grant, an unlisted one 403; a request without
 * Origin (same-origin, server side) gets the settings without a grant.
 */
export function getWidgetConfig(endpoint: WidgetEndpoint): FastHandler {
  const settings = new TtlCache<PollSettings>(15_000);
  return async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const key = query.get('key');
    const release = query.get('release') || undefined;
    if (!key) {
      return replyError(res, 400, 'invalid_field', 'key: required', VARY_ORIGIN, { key: 'required' });
    }
    const project = await endpoint.project(key);
    if (!project) return replyError(res, 401, 'invalid_key', 'Unknown or revoked widget key.', VARY_ORIGIN);
    const origin = req.headers.origin;
    if (origin !== undefined && !isOriginAllowed(origin, project.allowedOrigins)) {
      return replyError(res, 403, 'origin_not_allowed', 'This origin is not allowed to load the poll.', VARY_ORIGIN);
    }
    const stored = await settings.get(
      String(project.projectId),
      async () => (await getPollSettings(project.projectId)).settings,
    );
    const body = widgetDataset(stored, release);
    const text = JSON.stringify(body);
    const etag = weakEtag(text);
    const headers = {
      ...(origin ? corsGrant(origin) : VARY_ORIGIN),
      'cache-control': `public, max-age=${MAX_AGE_SECONDS}`,
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
}
