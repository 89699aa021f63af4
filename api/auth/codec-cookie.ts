import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { ApiError } from '../errors';
import { bearerToken, type TokenSource } from './authenticate';

/**
 * The dev server's Temporal UI has no sign-in, so it has no token to send to the codec. Our web UI, when LA staff
 * sign in, hands their own token to the browser as an HttpOnly cookie scoped to /codec; the Temporal UI's "include
 * cross-origin credentials" setting then sends it with each decode. The cookie counts only on requests from the
 * Temporal UI's origin (CORS lets only that origin read the answer); everywhere else only the bearer header does.
 */
const COOKIE = 'cme_codec';
/** Never longer than the token itself, and at most an hour: signing in again renews it. */
const MAX_AGE_MS = 60 * 60 * 1000;

const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/codec' });

export function codecToken(temporalUiOrigin: string | undefined): TokenSource {
  return (req) => {
    if (req.get('authorization') !== undefined) return bearerToken(req);
    const cookie = parseCookie(req.get('cookie') ?? '')[COOKIE];
    if (cookie !== undefined && (!temporalUiOrigin || req.get('origin') !== temporalUiOrigin)) {
      throw new ApiError(403, 'forbidden', 'the codec cookie counts only on requests from the Temporal UI', 'origin');
    }
    return cookie;
  };
}

/** Sets the cookie to the caller's (already verified) bearer token. */
export function setCodecCookie(req: Request, res: Response): void {
  const token = bearerToken(req);
  if (!token) throw new ApiError(401, 'unauthenticated', 'a bearer token is required', 'authorization');
  const exp = decodeJwt(token).exp;
  res.cookie(COOKIE, token, { ...cookieOptions(req), maxAge: Math.min(MAX_AGE_MS, exp ? exp * 1000 - Date.now() : MAX_AGE_MS) });
}

export function clearCodecCookie(req: Request, res: Response): void {
  res.clearCookie(COOKIE, cookieOptions(req));
}
