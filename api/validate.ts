import type { z } from 'zod';
import { ApiError } from './errors';

/** Parses a request part with its schema; the first failing field is named in a 400. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const keys = issue && issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
  throw new ApiError(400, 'invalid_request', keys ? `unknown field(s): ${keys}` : `${field ?? 'body'}: ${issue?.message}`, keys ?? field);
}
