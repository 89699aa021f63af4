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

export { devToken } from '../client/api-client';
