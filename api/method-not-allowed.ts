import type { RequestHandler } from 'express';
import { ApiError } from './errors';

interface PathTemplate {
  pattern: RegExp;
  allow: string;
}

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * A known path asked with a method it does not serve: 405 naming the methods it does in `Allow` (RFC 9110
 * 15.5.6). The paths and methods are the OpenAPI document's, the one list of what the API serves; an unknown
 * path falls through to 404.
 */
export function methodNotAllowed(paths: Record<string, Partial<Record<(typeof methods)[number], unknown>>>): RequestHandler {
  const templates: PathTemplate[] = Object.entries(paths).map(([path, item]) => ({
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
    allow: methods.filter((method) => item[method]).map((method) => method.toUpperCase()).join(', '),
  }));
  return (req, res, next) => {
    const known = templates.find(({ pattern }) => pattern.test(req.path));
    if (!known) return next();
    res.set('Allow', known.allow);
    next(new ApiError(405, 'method_not_allowed', `${req.method} is not allowed here; allowed: ${known.allow}`));
  };
}
