/** The benches' HTTP client: JSON in and out with a bearer token; a non-2xx answer is an error naming the call. */
export async function apiCall<T = Record<string, unknown>>(apiUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A demo user's bearer token from a dev-mode API (AUTH_MODE=dev). */
export async function devToken(apiUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!response.ok) throw new Error(`dev token for ${userId} -> ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
