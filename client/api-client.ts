import createClient from 'openapi-fetch';
import type { paths } from './api-types';

/**
 * The API's typed client: openapi-fetch over the types openapi-typescript generates from the OpenAPI document
 * (`npm run client:generate` writes client/api-types.ts). Paths, bodies and answers are checked by the compiler,
 * so our own callers (upload, seed, benches) exercise the document before integrators do.
 */
export function apiClient(baseUrl: string, token?: string) {
  return createClient<paths>({ baseUrl, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A call's answer, or an error naming the call, its status and the API's error body. */
export async function expectOk<T>(what: string, call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new Error(`${what} -> ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** A demo user's bearer token from a dev-mode API (AUTH_MODE=dev). */
export async function devToken(baseUrl: string, userId: string): Promise<string> {
  const { token } = await expectOk(`dev token for ${userId}`, apiClient(baseUrl).POST('/v1/dev/token', { body: { userId } }));
  return token;
}

/** The JSON request body of `method path`, as the document declares it. */
export type ApiBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
