import type { z } from 'zod';
import { documentedResponses } from '../../api/openapi/document';

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  text: string;
}

/**
 * Holds an actual response to what the OpenAPI document declares for `method path`: its status must be one the
 * operation documents, its content type one documented for that status, and its body must parse with that
 * schema (the zod schema the document is generated from). Returns the response for further assertions.
 */
export function expectDocumented<R extends Answer>(method: string, path: string, response: R): R {
  const responses = documentedResponses(method, path);
  if (!responses) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const documented = responses[response.status];
  if (!documented) throw new Error(`${method} ${path} answered ${response.status}, which it does not document (${Object.keys(responses).join(', ')})`);
  const type = (response.headers['content-type'] ?? '').split(';')[0] ?? '';
  const content = documented.content?.[type];
  if (!content) throw new Error(`${method} ${path} ${response.status} answered ${type}, documented: ${Object.keys(documented.content ?? {}).join(', ')}`);
  const parsed = (content.schema as z.ZodType).safeParse(type === 'application/json' ? response.body : response.text);
  if (!parsed.success) throw new Error(`${method} ${path} ${response.status} breaks its documented body: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  return response;
}
