// The custom server writes the caller's address (socket, or X-Forwarded-For behind TAILWATCH_TRUSTED_PROXY_HOPS
// proxies) into this header before Next sees a request, overwriting whatever the client sent.
export const CLIENT_IP_HEADER = 'x-tailwatch-client-ip';

export function requestClientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}

/** The request's path and query as the server received it (layouts cannot otherwise see it). */
export const PATH_HEADER = 'x-tailwatch-path';
