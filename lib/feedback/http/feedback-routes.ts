import type { FastHandler, FastRoute } from '../../http/fast-route';
import { replyError } from './fast-reply';
import { postFeedback } from './post-feedback';
import { preflight } from './preflight';
import { getWidgetConfig } from './widget-config';
import { createWidgetEndpoint } from './widget-endpoint';

function byMethod(handlers: Record<string, FastHandler>): FastHandler {
  const allow = Object.keys(handlers).join(', ');
  return (req, res, ctx) => {
    const handler = handlers[req.method ?? ''];
    if (handler) return handler(req, res, ctx);
    replyError(res, 405, 'method_not_allowed', `Use ${allow}.`, { allow, vary: 'Origin' });
    return Promise.resolve();
  };
}

/**
 * The widget's public endpoints on the fast path. GET on /api/v1/feedback is not here: it is the
 * dashboard's list API (a Next route), and the route claims only the methods it serves.
 */
export function feedbackRoutes(): FastRoute[] {
  const endpoint = createWidgetEndpoint();
  const config = getWidgetConfig(endpoint);
  return [
    {
      path: '/api/v1/feedback',
      name: 'feedback',
      methods: ['POST', 'OPTIONS'],
      handler: byMethod({ POST: postFeedback(endpoint), OPTIONS: preflight(endpoint, 'POST') }),
    },
    {
      path: '/api/v1/feedback/config',
      name: 'feedback_config',
      handler: byMethod({ GET: config, HEAD: config, OPTIONS: preflight(endpoint, 'GET') }),
    },
  ];
}
