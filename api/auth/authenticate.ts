import type { RequestHandler, Response } from 'express';
import { ApiError } from '../errors';
import type { Principal } from './principal';
import { InvalidTokenError, type TokenVerifier } from './token-verifier';

/** Verifies the bearer token; the principal is then read with `principalOf(res)`. */
export function authenticate(verify: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    res.set('WWW-Authenticate', 'Bearer');
    if (!match?.[1]) return next(new ApiError(401, 'unauthenticated', 'a bearer token is required', 'authorization'));
    try {
      res.locals.principal = await verify(match[1]);
      next();
    } catch (error) {
      next(error instanceof InvalidTokenError ? new ApiError(401, 'unauthenticated', error.message, 'authorization') : error);
    }
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('route mounted without authenticate()');
  return principal;
}
