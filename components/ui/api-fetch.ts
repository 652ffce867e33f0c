// fetch for the dashboard's own API: JSON in and out, the API's error shape turned into an Error whose
// message is the API's human message (and `fields` for forms).
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (data as { error?: { message?: string; fields?: Record<string, string> } }).error;
    throw new ApiRequestError(res.status, e?.message ?? `Request failed (HTTP ${res.status})`, e?.fields);
  }
  return data as T;
}
