// Browser side of the management API: one fetch wrapper and one error type for every call, reading the
// API's `{ error: { code, message, fields } }` shape.

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Dates arrive as ISO strings once a server type has been through JSON. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

export async function requestJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiRequestError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `Request failed (${response.status})`,
      error?.fields,
    );
  }
  return body as T;
}

/** `path?project=<id>` plus extra query parameters. */
export function projectUrl(path: string, projectId: number, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams({ project: String(projectId) });
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return `${path}?${search}`;
}
