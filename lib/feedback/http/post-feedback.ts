import type { IncomingMessage } from 'node:http';
import { MAX_KEY } from '../../../widget/src/contract';
import { db } from '../../db/pool';
import type { FastHandler } from '../../http/fast-route';
import { readCappedBody } from '../../http/read-capped-body';
import { parseFeedbackInput } from '../feedback-input';
import { insertFeedback } from '../queries/insert-feedback';
import { isBotUserAgent } from './bot-agent';
import { clientIp } from './client-ip';
import { corsGrant, isOriginAllowed, normalizeOrigin, VARY_ORIGIN } from './cors';
import { replyEmpty, replyError } from './fast-reply';
import { rateLimitHeaders } from './token-buckets';
import type { WidgetEndpoint } from './widget-endpoint';

/** The widget's answers are tiny; anything larger is not the widget. */
export const MAX_FEEDBACK_BODY = 16 * 1024;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function keyOf(raw: unknown): string | undefined {
  const key = typeof raw === 'object' && raw !== null ? (raw as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key.length > 0 && key.length <= MAX_KEY ? key : undefined;
}

/**
 * POST /api/v1/feedback. Order matters: the cheap refusals (per-IP budget, robots, size) come before
 * any database work; the key decides the project and so which origins get a CORS grant; the answer is
 * 204 only once the row is committed.
 */
export function postFeedback(endpoint: WidgetEndpoint): FastHandler {
  return async (req, res, ctx) => {
    const now = Date.now();
    const perIp = endpoint.ipBuckets.take(clientIp(req, endpoint.trustedHops), now);
    if (!perIp.allowed) {
      return replyError(res, 429, 'rate_limited', 'Too many answers from this address; retry later.', {
        ...VARY_ORIGIN,
        ...rateLimitHeaders(perIp),
      });
    }
    if (isBotUserAgent(header(req, 'user-agent'))) {
      req.resume();
      return replyEmpty(res, 202, VARY_ORIGIN); // accepted, and dropped: robots do not rate pages
    }
    const encoding = header(req, 'content-encoding');
    if (encoding && encoding !== 'identity') {
      return replyError(res, 415, 'unsupported_encoding', 'Send the body uncompressed.', VARY_ORIGIN);
    }
    const body = await readCappedBody(req, MAX_FEEDBACK_BODY);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      // Without Connection: close: the rest of the body is still being read (lib/http/read-capped-body.ts).
      return replyError(
        res,
        413,
        'payload_too_large',
        `The body is larger than ${MAX_FEEDBACK_BODY} bytes.`,
        VARY_ORIGIN,
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body.body.toString('utf8'));
    } catch {
      return replyError(res, 400, 'invalid_json', 'The body is not valid JSON.', VARY_ORIGIN, {
        body: 'not valid JSON',
      });
    }
    const key = keyOf(raw);
    if (!key) {
      return replyError(res, 400, 'invalid_field', `key: required, at most ${MAX_KEY} characters`, VARY_ORIGIN, {
        key: `required, at most ${MAX_KEY} characters`,
      });
    }
    const project = await endpoint.project(key);
    if (!project) return replyError(res, 401, 'invalid_key', 'Unknown or revoked widget key.', VARY_ORIGIN);
    const origin = header(req, 'origin');
    if (!isOriginAllowed(origin, project.allowedOrigins)) {
      ctx.log.info({ projectId: project.projectId, origin }, 'feedback from an origin the project does not allow');
      return replyError(
        res,
        403,
        'origin_not_allowed',
        'This origin is not allowed to send feedback for the project.',
        VARY_ORIGIN,
      );
    }
    const cors = corsGrant(origin);
    const perKey = endpoint.keyBuckets.take(key, now);
    if (!perKey.allowed) {
      return replyError(res, 429, 'rate_limited', 'Too many answers for this project; retry later.', {
        ...cors,
        ...rateLimitHeaders(perKey),
      });
    }
    const parsed = parseFeedbackInput(raw);
    if (!parsed.ok) {
      return replyError(res, 400, 'invalid_field', `${parsed.field}: ${parsed.message}`, cors, {
        [parsed.field]: parsed.message,
      });
    }
    await insertFeedback(db(), project.projectId, parsed.input, normalizeOrigin(origin));
    replyEmpty(res, 204, { ...cors, ...rateLimitHeaders(perKey) });
  };
}
