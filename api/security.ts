import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { repoRoot } from '../config/paths';
import { ApiError } from './errors';

/** The UI's inline import map is the only inline script; the policy allows it by its hash and nothing else. */
function importMapHash(): string {
  const page = fs.readFileSync(path.join(repoRoot, 'api', 'public', 'ui', 'index.html'), 'utf8');
  const script = /<script type="importmap">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
  return `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;
}

/** Security headers (helmet) with a content security policy that fits the web UI and the API reference. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { directives: { scriptSrc: ["'self'", importMapHash()], connectSrc: ["'self'"] } },
  });
}

/** Requests per minute per client address; over it, 429 in the usual error shape. */
export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new ApiError(429, 'rate_limited', `more than ${perMinute} requests a minute; slow down`)),
  });
}
